#include <gtest/gtest.h>

#include "core/secret_hash.hpp"
#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

using testing::raw_value;
using testing::TempDir;

TEST(SqliteStoreGuests, GuestsAreDistinctAttendees) {
  auto store = open_sqlite_store(":memory:");
  auto a = store->create_guest("guest");
  auto b = store->create_guest("guest");  // names need not be unique
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_NE(a->id, b->id);
  EXPECT_EQ(a->role, Role::attendee);
  auto found = store->find_user(b->id);
  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, b->id);
  EXPECT_EQ((*found)->created_at_ms, b->created_at_ms);
}

TEST(SqliteStoreGuests, UnknownUserIsEmptyNotAnError) {
  auto store = open_sqlite_store(":memory:");
  auto found = store->find_user(12345);
  ASSERT_TRUE(found.has_value());
  EXPECT_FALSE(found->has_value());
}

TEST(SqliteStoreHostTokens, TokenMapsToItsRole) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  auto store = open_sqlite_store(file);
  const auto admin = random_token(32).value();
  const auto host = random_token(32).value();
  ASSERT_TRUE(store->create_host_token(admin, Role::admin, "ops").has_value());
  ASSERT_TRUE(store->create_host_token(host, Role::host, "talks").has_value());
  auto role = store->role_for_token(admin);
  ASSERT_TRUE(role.has_value());
  EXPECT_EQ(*role, std::optional<Role>(Role::admin));
  role = store->role_for_token(host);
  ASSERT_TRUE(role.has_value());
  EXPECT_EQ(*role, std::optional<Role>(Role::host));
  EXPECT_EQ(raw_value(file, "SELECT count(*) FROM host_tokens WHERE token_hash = '" +
                                sha256_hex(admin) + "'"),
            "1");
  EXPECT_EQ(raw_value(file, "SELECT count(*) FROM host_tokens WHERE token_hash = '" + admin + "'"),
            "0");
}

TEST(SqliteStoreHostTokens, UnknownEmptyOrAlteredTokensHaveNoRole) {
  auto store = open_sqlite_store(":memory:");
  ASSERT_TRUE(store->create_host_token("abcdef0123", Role::admin, "").has_value());
  for (const char* token : {"", "abcdef012", "ABCDEF0123", "abcdef0123 "}) {
    auto role = store->role_for_token(token);
    ASSERT_TRUE(role.has_value());
    EXPECT_FALSE(role->has_value()) << '"' << token << '"';
  }
}

TEST(SqliteStoreHostTokens, RejectsEmptyAndDuplicateTokens) {
  auto store = open_sqlite_store(":memory:");
  ASSERT_TRUE(store->create_host_token("t", Role::host, "").has_value());
  auto duplicate = store->create_host_token("t", Role::admin, "");
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, Errc::bad_request);
  auto empty = store->create_host_token("", Role::admin, "");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, Errc::bad_request);
}

}  // namespace
}  // namespace moim::store
