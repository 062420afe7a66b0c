#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

using testing::raw_column;
using testing::raw_value;
using testing::TempDir;

TEST(SqliteStoreMigrations, FreshFileGetsLatestSchemaAndWal) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  { auto store = open_sqlite_store(file); }
  EXPECT_EQ(raw_value(file, "PRAGMA user_version"), std::to_string(latest_schema_version()));
  EXPECT_EQ(raw_value(file, "PRAGMA journal_mode"), "wal");  // WAL is persistent in the file
  const auto tables = raw_column(file,
                                 "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name");
  EXPECT_EQ(tables, (std::vector<std::string>{"bans",           "chat",           "grad_card_swaps",
                                              "grad_cards",     "grad_checkins",  "grad_colors",
                                              "grad_exchanges", "grad_palette",   "grad_raffles",
                                              "grad_requests",  "grad_roster",    "host_tokens",
                                              "invites",        "mutes",          "question_votes",
                                              "seat_bookings",  "study_groups",   "study_members",
                                              "study_visits",   "talk_questions", "talk_rsvps",
                                              "talks",          "users"}));
}

TEST(SqliteStoreMigrations, CreatesMissingParentDirectories) {
  TempDir dir;
  const auto file = dir.path() / "a" / "b" / "moim.db";
  EXPECT_NO_THROW(open_sqlite_store(file));
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST(SqliteStoreMigrations, InMemoryWorks) {
  auto store = open_sqlite_store(":memory:");
  ASSERT_TRUE(store);
  EXPECT_TRUE(store->create_guest("guest").has_value());
}

TEST(SqliteStoreMigrations, DataSurvivesCloseAndReopen) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  UserId id = 0;
  {
    auto store = open_sqlite_store(file);
    ASSERT_TRUE(store->create_invite("MOIM-AAAA-BBBB-CCCC", Role::host, 3, "speakers").has_value());
    auto user = store->redeem_invite("MOIM-AAAA-BBBB-CCCC", "이서연", "device-key-of-이서연");
    ASSERT_TRUE(user.has_value());
    id = user->id;
    ASSERT_TRUE(store->append_chat({0, "lobby", id, "이서연", "안녕하세요", 1000}).has_value());
    ASSERT_TRUE(store->put_mute({id, 0, "spam", 0}).has_value());
  }
  auto store = open_sqlite_store(file);  // re-open: migrations find nothing to do
  auto again = store->redeem_invite("moim-aaaa-bbbb-cccc", "이서연", "device-key-of-이서연");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->id, id);
  EXPECT_EQ(again->role, Role::host);
  auto chat = store->recent_chat("lobby", 10);
  ASSERT_TRUE(chat.has_value());
  ASSERT_EQ(chat->size(), 1U);
  EXPECT_EQ(chat->front().text, "안녕하세요");
  auto mute = store->active_mute(id, 5000);
  ASSERT_TRUE(mute.has_value());
  EXPECT_TRUE(mute->has_value());
  EXPECT_EQ(raw_value(file, "SELECT uses FROM invites"), "1");
}

TEST(SqliteStoreMigrations, RefusesNewerSchema) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  { auto store = open_sqlite_store(file); }
  const int newer = latest_schema_version() + 1;
  raw_column(file, "PRAGMA user_version = " + std::to_string(newer));
  try {
    open_sqlite_store(file);
    FAIL() << "opened a database with a newer schema";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("newer"), std::string::npos) << message;
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  }
  EXPECT_EQ(raw_value(file, "PRAGMA user_version"), std::to_string(newer));  // untouched
}

TEST(SqliteStoreMigrations, RefusesFileThatIsNotADatabase) {
  TempDir dir;
  const auto file = dir.file("notes.txt");
  std::ofstream(file) << std::string(4096, 'x');
  EXPECT_THROW(open_sqlite_store(file), std::runtime_error);
}

TEST(SqliteStoreMigrations, RefusesDirectoryAsFile) {
  TempDir dir;
  EXPECT_THROW(open_sqlite_store(dir.path()), std::runtime_error);
}

}  // namespace
}  // namespace moim::store
