#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/secret_hash.hpp"
#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

using testing::raw_column;
using testing::raw_value;
using testing::TempDir;

constexpr std::string_view code = "MOIM-7K3Q-XP9D-4HWT";
constexpr std::string_view kDevice = "device-key-of-a-phone-0001";

std::string device(int n) {
  return "device-key-of-person-" + std::to_string(n);
}

class SqliteStoreInvites : public ::testing::Test {
 protected:
  TempDir dir_;
  std::filesystem::path file_ = dir_.file("moim.db");
  std::unique_ptr<Store> store_ = open_sqlite_store(file_);

  std::string uses() { return raw_value(file_, "SELECT uses FROM invites"); }
};

TEST_F(SqliteStoreInvites, RedeemCreatesPersonWithInviteRole) {
  ASSERT_TRUE(store_->create_invite(code, Role::host, 10, "speakers").has_value());
  auto user = store_->redeem_invite(code, "김민준", kDevice);
  ASSERT_TRUE(user.has_value()) << user.error().message;
  EXPECT_EQ(user->display_name, "김민준");
  EXPECT_EQ(user->role, Role::host);
  EXPECT_GT(user->id, 0U);
  EXPECT_GT(user->created_at_ms, 1'600'000'000'000);  // UTC milliseconds, not seconds
  auto found = store_->find_user(user->id);
  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->display_name, "김민준");
  EXPECT_EQ((*found)->role, Role::host);
  EXPECT_EQ(uses(), "1");
}

TEST_F(SqliteStoreInvites, SamePersonAgainConsumesNothing) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 1, "").has_value());
  auto first = store_->redeem_invite(code, "Ana", "");
  auto second = store_->redeem_invite(code, "Ana", "");
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value()) << "a returning person must get in even when used up";
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(uses(), "1");
  EXPECT_EQ(raw_value(file_, "SELECT count(*) FROM users"), "1");
}

TEST_F(SqliteStoreInvites, UsedUpInviteRefusesNewPeople) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 2, "").has_value());
  ASSERT_TRUE(store_->redeem_invite(code, "a", device(1)).has_value());
  ASSERT_TRUE(store_->redeem_invite(code, "b", device(2)).has_value());
  auto third = store_->redeem_invite(code, "c", device(3));
  ASSERT_FALSE(third.has_value());
  EXPECT_EQ(third.error().code, Errc::invalid_invite);
  EXPECT_EQ(uses(), "2");
  EXPECT_EQ(raw_value(file_, "SELECT count(*) FROM users"), "2");
}

TEST_F(SqliteStoreInvites, ZeroMaxUsesIsUnlimited) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "open day").has_value());
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(store_->redeem_invite(code, "person " + std::to_string(i), device(i)).has_value())
        << i;
  }
  EXPECT_EQ(uses(), "25");
}

TEST_F(SqliteStoreInvites, UnknownCodeIsInvalid) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "").has_value());
  auto user = store_->redeem_invite("MOIM-2222-3333-4444", "x", kDevice);
  ASSERT_FALSE(user.has_value());
  EXPECT_EQ(user.error().code, Errc::invalid_invite);
  auto empty = store_->redeem_invite("", "x", kDevice);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, Errc::invalid_invite);
}

TEST_F(SqliteStoreInvites, CodesAreTypedCaseInsensitively) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "").has_value());
  auto user = store_->redeem_invite("  moim-7k3q-xp9d-4hwt ", "Bo", kDevice);
  ASSERT_TRUE(user.has_value());
  auto again = store_->redeem_invite(code, "Bo", kDevice);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(user->id, again->id);
}

TEST_F(SqliteStoreInvites, DifferentInvitesMakeDifferentPeopleWithTheSameName) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "").has_value());
  ASSERT_TRUE(store_->create_invite("MOIM-HOST-2222-3333", Role::admin, 0, "").has_value());
  auto a = store_->redeem_invite(code, "Kim", kDevice);
  auto b = store_->redeem_invite("MOIM-HOST-2222-3333", "Kim", kDevice);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_NE(a->id, b->id);
  EXPECT_EQ(b->role, Role::admin);
}

TEST_F(SqliteStoreInvites, RejectsBadInvites) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "").has_value());
  auto duplicate = store_->create_invite("moim-7k3q-xp9d-4hwt", Role::host, 0, "");
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, Errc::bad_request);
  auto negative = store_->create_invite("OTHER", Role::attendee, -1, "");
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().code, Errc::bad_request);
  auto empty = store_->create_invite("  ", Role::attendee, 0, "");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, Errc::bad_request);
}

TEST_F(SqliteStoreInvites, CodesAreNeverStoredInClear) {
  ASSERT_TRUE(store_->create_invite(code, Role::attendee, 0, "cohort 3").has_value());
  ASSERT_TRUE(store_->redeem_invite(code, "Ana", kDevice).has_value());
  EXPECT_EQ(raw_value(file_, "SELECT code_hash FROM invites"), sha256_hex(code));
  EXPECT_EQ(raw_value(file_, "SELECT label FROM invites"), "cohort 3");
  store_.reset();  // closing checkpoints the WAL into the main file
  std::ifstream in(file_, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(code), std::string::npos);
  EXPECT_EQ(bytes.find("7K3Q"), std::string::npos);
  EXPECT_EQ(bytes.find(kDevice), std::string::npos);
}

}  // namespace
}  // namespace moim::store
