#include "programme/hand_queue.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

TEST(HandQueue, FirstRaisedFirstServed) {
  HandQueue q;
  EXPECT_EQ(q.raise(10, "가"), 1);
  EXPECT_EQ(q.raise(20, "나"), 2);
  EXPECT_EQ(q.raise(30, "다"), 3);
  EXPECT_EQ(q.raise(10, "가"), 1);  // raising again keeps the place
  EXPECT_EQ(q.size(), 3u);
  EXPECT_TRUE(q.lower(20));
  EXPECT_FALSE(q.lower(20));
  auto first = q.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->user, 10u);
  EXPECT_EQ(first->name, "가");
  EXPECT_EQ(q.next()->user, 30u);
  EXPECT_EQ(q.next().error().code, Errc::hand_queue_empty);
}

}  // namespace
}  // namespace moim::programme
