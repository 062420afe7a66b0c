#include "room/token_bucket.hpp"

#include <gtest/gtest.h>

namespace moim::room {

TEST(TokenBucket, AllowsBurstThenRefillsAtRate) {
  TokenBucket bucket({10.0, 3.0});
  const std::int64_t t0 = 1'000;
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0 + 50));  // half a token
  EXPECT_TRUE(bucket.try_take(t0 + 100));  // one token after 100 ms at 10/s
  EXPECT_FALSE(bucket.try_take(t0 + 100));
}

TEST(TokenBucket, NeverExceedsBurstAfterLongIdle) {
  TokenBucket bucket({10.0, 2.0});
  EXPECT_TRUE(bucket.try_take(1'000));
  int taken = 0;
  while (bucket.try_take(1'000'000)) ++taken;
  EXPECT_EQ(taken, 2);
}

TEST(TokenBucket, ClockGoingBackwardsGivesNothingExtra) {
  TokenBucket bucket({10.0, 1.0});
  EXPECT_TRUE(bucket.try_take(5'000));
  EXPECT_FALSE(bucket.try_take(1'000));
}

}  // namespace moim::room
