#include "app/address_limits.hpp"

#include <gtest/gtest.h>

namespace moim::app {
namespace {

AddressLimitConfig small() {
  AddressLimitConfig config;
  config.join = {1.0, 2.0};
  config.chat = {10.0, 3.0};
  config.action = {1.0, 1.0};
  config.exempt = {"10.0.0.9"};
  return config;
}

TEST(AddressLimits, EachKindHasItsOwnBudgetPerAddress) {
  AddressLimits limits(small());
  EXPECT_TRUE(limits.try_take("10.0.0.1", Budget::join, 1000));
  EXPECT_TRUE(limits.try_take("10.0.0.1", Budget::join, 1000));
  EXPECT_FALSE(limits.try_take("10.0.0.1", Budget::join, 1000));
  // Another kind, another address: untouched.
  EXPECT_TRUE(limits.try_take("10.0.0.1", Budget::action, 1000));
  EXPECT_TRUE(limits.try_take("10.0.0.2", Budget::join, 1000));
  // A second later one join has come back.
  EXPECT_TRUE(limits.try_take("10.0.0.1", Budget::join, 2000));
  EXPECT_FALSE(limits.try_take("10.0.0.1", Budget::join, 2000));
}

TEST(AddressLimits, ExemptAddressesAreNotLimited) {
  AddressLimits limits(small());
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limits.try_take("10.0.0.9", Budget::chat, 1000));
  EXPECT_EQ(limits.tracked(), 0u);
}

TEST(AddressLimits, IdleAddressesAreForgottenAndTheTableIsBounded) {
  auto config = small();
  config.max_addresses = 10;
  AddressLimits limits(config);
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(limits.try_take("10.1.0." + std::to_string(i), Budget::chat, 1000));
  }
  // Full: a new address is refused rather than growing the table...
  EXPECT_FALSE(limits.try_take("10.2.0.1", Budget::chat, 1000));
  EXPECT_EQ(limits.tracked(), 10u);
  // ...until the others have been idle long enough for their buckets to be full again.
  EXPECT_TRUE(limits.try_take("10.2.0.1", Budget::chat, 1000 + 2000));
  EXPECT_EQ(limits.tracked(), 1u);
}

}  // namespace
}  // namespace moim::app
