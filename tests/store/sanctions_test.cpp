#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"

namespace moim::store {
namespace {

class SqliteStoreSanctions : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = store_->create_guest("a");
    auto b = store_->create_guest("b");
    ASSERT_TRUE(a.has_value());
    ASSERT_TRUE(b.has_value());
    alice_ = a->id;
    bob_ = b->id;
  }

  std::unique_ptr<Store> store_ = open_sqlite_store(":memory:");
  UserId alice_ = 0;
  UserId bob_ = 0;
};

TEST_F(SqliteStoreSanctions, BanIsActiveUntilItExpires) {
  ASSERT_TRUE(store_->put_ban({alice_, 2000, "spam", bob_}).has_value());
  auto ban = store_->active_ban(alice_, 1999);
  ASSERT_TRUE(ban.has_value());
  ASSERT_TRUE(ban->has_value());
  EXPECT_EQ((*ban)->user_id, alice_);
  EXPECT_EQ((*ban)->until_ms, 2000);
  EXPECT_EQ((*ban)->reason, "spam");
  EXPECT_EQ((*ban)->by, bob_);
  ban = store_->active_ban(alice_, 2000);  // until_ms <= now: expired
  ASSERT_TRUE(ban.has_value());
  EXPECT_FALSE(ban->has_value());
  ban = store_->active_ban(bob_, 0);
  ASSERT_TRUE(ban.has_value());
  EXPECT_FALSE(ban->has_value());
}

TEST_F(SqliteStoreSanctions, ZeroUntilMeansUntilLifted) {
  ASSERT_TRUE(store_->put_ban({alice_, 0, "", 0}).has_value());
  auto ban = store_->active_ban(alice_, 9'000'000'000'000);
  ASSERT_TRUE(ban.has_value());
  EXPECT_TRUE(ban->has_value());
  ASSERT_TRUE(store_->lift_ban(alice_).has_value());
  ban = store_->active_ban(alice_, 0);
  ASSERT_TRUE(ban.has_value());
  EXPECT_FALSE(ban->has_value());
  EXPECT_TRUE(store_->lift_ban(alice_).has_value());  // lifting twice is fine
}

TEST_F(SqliteStoreSanctions, PutReplacesTheEarlierSanction) {
  ASSERT_TRUE(store_->put_mute({alice_, 0, "first", bob_}).has_value());
  ASSERT_TRUE(store_->put_mute({alice_, 500, "second", 0}).has_value());
  auto mute = store_->active_mute(alice_, 100);
  ASSERT_TRUE(mute.has_value());
  ASSERT_TRUE(mute->has_value());
  EXPECT_EQ((*mute)->reason, "second");
  EXPECT_EQ((*mute)->until_ms, 500);
  EXPECT_EQ((*mute)->by, 0U);
  mute = store_->active_mute(alice_, 600);
  ASSERT_TRUE(mute.has_value());
  EXPECT_FALSE(mute->has_value());
}

TEST_F(SqliteStoreSanctions, BansAndMutesAreIndependent) {
  ASSERT_TRUE(store_->put_mute({alice_, 0, "loud", 0}).has_value());
  auto ban = store_->active_ban(alice_, 1);
  ASSERT_TRUE(ban.has_value());
  EXPECT_FALSE(ban->has_value());
  ASSERT_TRUE(store_->put_ban({alice_, 0, "gone", 0}).has_value());
  ASSERT_TRUE(store_->lift_mute(alice_).has_value());
  ban = store_->active_ban(alice_, 1);
  ASSERT_TRUE(ban.has_value());
  EXPECT_TRUE(ban->has_value());
  auto mute = store_->active_mute(alice_, 1);
  ASSERT_TRUE(mute.has_value());
  EXPECT_FALSE(mute->has_value());
}

TEST_F(SqliteStoreSanctions, UnknownPersonCannotBeSanctioned) {
  auto ban = store_->put_ban({424242, 0, "", 0});
  ASSERT_FALSE(ban.has_value());
  EXPECT_EQ(ban.error().code, Errc::no_such_user);
  auto mute = store_->put_mute({424242, 0, "", 0});
  ASSERT_FALSE(mute.has_value());
  EXPECT_EQ(mute.error().code, Errc::no_such_user);
}

TEST_F(SqliteStoreSanctions, ReasonIsStoredVerbatim) {
  const std::string reason = "욕설 반복'); DROP TABLE bans; --";
  ASSERT_TRUE(store_->put_ban({alice_, 0, reason, bob_}).has_value());
  auto ban = store_->active_ban(alice_, 1);
  ASSERT_TRUE(ban.has_value());
  ASSERT_TRUE(ban->has_value());
  EXPECT_EQ((*ban)->reason, reason);
}

}  // namespace
}  // namespace moim::store
