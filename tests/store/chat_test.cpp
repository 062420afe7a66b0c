#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

class SqliteStoreChat : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store_ = open_sqlite_store(":memory:");

  ChatRecord append(std::string room, std::string text, std::int64_t at = 1000) {
    auto record = store_->append_chat({0, std::move(room), 7, "Ana", std::move(text), at});
    EXPECT_TRUE(record.has_value());
    return record.has_value() ? *record : ChatRecord{};
  }

  std::vector<std::string> texts(std::string_view room, std::size_t limit) {
    auto records = store_->recent_chat(room, limit);
    EXPECT_TRUE(records.has_value());
    std::vector<std::string> out;
    if (records.has_value()) {
      for (const auto& r : *records) out.push_back(r.text);
    }
    return out;
  }
};

TEST_F(SqliteStoreChat, AppendAssignsIncreasingIdsAndKeepsFields) {
  const auto a = append("lobby", "hello", 1234);
  const auto b = append("lobby", "again", 1235);
  EXPECT_GT(a.id, 0);
  EXPECT_GT(b.id, a.id);
  auto records = store_->recent_chat("lobby", 10);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2U);
  const auto& first = records->front();
  EXPECT_EQ(first.id, a.id);
  EXPECT_EQ(first.room, "lobby");
  EXPECT_EQ(first.user_id, 7U);
  EXPECT_EQ(first.display_name, "Ana");
  EXPECT_EQ(first.text, "hello");
  EXPECT_EQ(first.sent_at_ms, 1234);
}

TEST_F(SqliteStoreChat, RecentReturnsNewestLimitOldestFirst) {
  for (int i = 1; i <= 5; ++i) append("lobby", "m" + std::to_string(i));
  EXPECT_EQ(texts("lobby", 3), (std::vector<std::string>{"m3", "m4", "m5"}));
  EXPECT_EQ(texts("lobby", 100), (std::vector<std::string>{"m1", "m2", "m3", "m4", "m5"}));
  EXPECT_TRUE(texts("lobby", 0).empty());
  EXPECT_EQ(texts("lobby", static_cast<std::size_t>(-1)).size(), 5U);
}

TEST_F(SqliteStoreChat, RoomsAreSeparate) {
  append("lobby", "l1");
  append("hall", "h1");
  append("lobby", "l2");
  append("Lobby", "other case");
  EXPECT_EQ(texts("lobby", 10), (std::vector<std::string>{"l1", "l2"}));
  EXPECT_EQ(texts("hall", 10), (std::vector<std::string>{"h1"}));
  EXPECT_TRUE(texts("nowhere", 10).empty());
}

TEST_F(SqliteStoreChat, HostileAndHangulStringsAreStoredVerbatim) {
  const std::vector<std::string> nasty = {
      "'); DROP TABLE chat; --",
      "Robert'); DELETE FROM users WHERE ('1'='1",
      "\" OR 1=1 --",
      "오늘 스터디는 21:00에 시작합니다 🙂",
      std::string("nul\0inside", 10),
      "%s %n ?1 ?2 :name @x $y",
      "",
  };
  const std::string room = "스터디룸'; --";
  for (const auto& text : nasty) {
    auto r = store_->append_chat({0, room, 3, "김민지'--", text, 99});
    ASSERT_TRUE(r.has_value()) << r.error().message;
  }
  auto records = store_->recent_chat(room, 100);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), nasty.size());
  for (std::size_t i = 0; i < nasty.size(); ++i) {
    EXPECT_EQ((*records)[i].text, nasty[i]);
    EXPECT_EQ((*records)[i].display_name, "김민지'--");
    EXPECT_EQ((*records)[i].room, room);
  }
  append("lobby", "still here");  // the table survived
  EXPECT_EQ(texts("lobby", 1), (std::vector<std::string>{"still here"}));
}

TEST_F(SqliteStoreChat, ZeroTimestampIsStampedWithNow) {
  const auto r = append("lobby", "now", 0);
  EXPECT_GT(r.sent_at_ms, 1'600'000'000'000);
}

// A database failure is an Errc::internal result carrying SQLite's message, never a crash.
TEST(SqliteStoreErrors, DatabaseFailureIsAnInternalError) {
  testing::TempDir dir;
  const auto file = dir.file("moim.db");
  auto store = open_sqlite_store(file);
  ASSERT_TRUE(store->append_chat({0, "lobby", 1, "a", "warm the statement cache", 1}).has_value());
  testing::raw_column(file, "DROP TABLE chat");  // e.g. a broken manual edit
  auto appended = store->append_chat({0, "lobby", 1, "a", "b", 1});
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code, Errc::internal);
  EXPECT_NE(appended.error().message.find("no such table"), std::string::npos)
      << appended.error().message;
  auto recent = store->recent_chat("lobby", 5);
  ASSERT_FALSE(recent.has_value());
  EXPECT_EQ(recent.error().code, Errc::internal);
  EXPECT_TRUE(store->create_guest("still works").has_value());  // other tables unaffected
}

}  // namespace
}  // namespace moim::store
