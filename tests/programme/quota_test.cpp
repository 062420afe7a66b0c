// Limits on what attendees create, and the size of the pages the lists are answered in.
#include <gtest/gtest.h>

#include "programme/quota.hpp"

namespace moim::programme {
namespace {

TEST(Quota, RefusesAtThePersonalLimitThenAtTheTotal) {
  const Quota quota{3, 10};
  EXPECT_TRUE(check_quota(quota, 2, 9, "study groups"));
  const auto mine = check_quota(quota, 3, 5, "study groups");
  ASSERT_FALSE(mine);
  EXPECT_EQ(mine.error().code, Errc::limit_reached);
  EXPECT_EQ(mine.error().message, "you already have 3 study groups, the most one person may have");
  const auto all = check_quota(quota, 0, 10, "study groups");
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().code, Errc::limit_reached);
  EXPECT_EQ(all.error().message, "there are already 10 study groups, the most this server holds");
}

TEST(Quota, ZeroMeansNoLimit) {
  EXPECT_TRUE(check_quota({0, 0}, 1'000'000, 1'000'000, "questions"));
  EXPECT_TRUE(check_quota({0, 5}, 100, 4, "questions"));
  EXPECT_FALSE(check_quota({5, 0}, 5, 0, "questions"));
}

TEST(PageLimit, DefaultsAndCaps) {
  EXPECT_EQ(page_limit(0), kDefaultPageItems);
  EXPECT_EQ(page_limit(6), 6u);
  EXPECT_EQ(page_limit(kMaxPageItems), kMaxPageItems);
  EXPECT_EQ(page_limit(1'000'000), kMaxPageItems);
}

}  // namespace
}  // namespace moim::programme
