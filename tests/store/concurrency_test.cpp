// Real threads against a real file. Two Store objects on one file stand for two processes (or
// a future second node) and exercise SQLite's own locking, not just our mutex.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

using testing::raw_value;
using testing::TempDir;

constexpr int thread_count = 8;

template <typename Body>
void run_threads(Body body) {
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) threads.emplace_back(body, t);
  for (auto& thread : threads) thread.join();
}

TEST(SqliteStoreConcurrency, RedeemNeverExceedsMaxUses) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  auto first = open_sqlite_store(file);
  auto second = open_sqlite_store(file);
  ASSERT_TRUE(first->create_invite("MOIM-RACE-RACE-RACE", Role::attendee, 5, "").has_value());
  std::atomic<int> admitted{0};
  std::atomic<int> refused{0};
  std::atomic<int> failed{0};
  run_threads([&](int t) {
    Store& store = t % 2 == 0 ? *first : *second;
    for (int i = 0; i < 4; ++i) {
      auto user = store.redeem_invite("MOIM-RACE-RACE-RACE", std::to_string(t * 100 + i),
                                      "race-device-key-" + std::to_string(t * 100 + i));
      if (user.has_value()) {
        ++admitted;
      } else if (user.error().code == Errc::invalid_invite) {
        ++refused;
      } else {
        ++failed;
      }
    }
  });
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(admitted.load(), 5);
  EXPECT_EQ(refused.load(), thread_count * 4 - 5);
  EXPECT_EQ(raw_value(file, "SELECT uses FROM invites"), "5");
  EXPECT_EQ(raw_value(file, "SELECT count(*) FROM users"), "5");
}

TEST(SqliteStoreConcurrency, SamePersonFromManyThreadsIsOnePerson) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  auto first = open_sqlite_store(file);
  auto second = open_sqlite_store(file);
  ASSERT_TRUE(first->create_invite("MOIM-SAME-SAME-SAME", Role::attendee, 3, "").has_value());
  std::vector<UserId> ids(thread_count, 0);
  run_threads([&](int t) {
    Store& store = t % 2 == 0 ? *first : *second;
    auto user = store.redeem_invite("MOIM-SAME-SAME-SAME", "박지훈", "one-device-key-of-박지훈");
    if (user.has_value()) ids[static_cast<std::size_t>(t)] = user->id;
  });
  EXPECT_EQ(std::set<UserId>(ids.begin(), ids.end()).size(), 1U);
  EXPECT_NE(ids.front(), 0U);
  EXPECT_EQ(raw_value(file, "SELECT uses FROM invites"), "1");
}

TEST(SqliteStoreConcurrency, OneNameFromManyDevicesGivesEachItsOwnName) {
  TempDir dir;
  const auto file = dir.file("moim.db");
  auto first = open_sqlite_store(file);
  auto second = open_sqlite_store(file);
  ASSERT_TRUE(first->create_invite("MOIM-NAME-NAME-NAME", Role::attendee, 0, "").has_value());
  std::vector<std::string> names(thread_count);
  run_threads([&](int t) {
    Store& store = t % 2 == 0 ? *first : *second;
    auto user = store.redeem_invite("MOIM-NAME-NAME-NAME", "김민지",
                                    "name-device-key-" + std::to_string(t));
    if (user.has_value()) names[static_cast<std::size_t>(t)] = user->display_name;
  });
  const std::set<std::string> distinct(names.begin(), names.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(thread_count));
  EXPECT_TRUE(distinct.contains("김민지"));
  EXPECT_FALSE(distinct.contains(""));
  EXPECT_EQ(raw_value(file, "SELECT count(*) FROM users"), std::to_string(thread_count));
}

TEST(SqliteStoreConcurrency, ConcurrentOpenOfAFreshFileMigratesOnce) {
  TempDir dir;
  const auto file = dir.file("fresh.db");
  std::atomic<int> opened{0};
  run_threads([&](int) {
    try {
      auto store = open_sqlite_store(file);
      if (store->create_guest("g").has_value()) ++opened;
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  });
  EXPECT_EQ(opened.load(), thread_count);
  EXPECT_EQ(raw_value(file, "SELECT count(*) FROM users"), std::to_string(thread_count));
}

TEST(SqliteStoreConcurrency, ChatFromManyThreadsKeepsEveryLine) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("moim.db"));
  constexpr int per_thread = 50;
  run_threads([&](int t) {
    for (int i = 0; i < per_thread; ++i) {
      auto r = store->append_chat({0, "lobby", static_cast<UserId>(t), "n", "x", 1});
      EXPECT_TRUE(r.has_value());
    }
  });
  auto records = store->recent_chat("lobby", 10'000);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), static_cast<std::size_t>(thread_count * per_thread));
  std::set<std::int64_t> ids;
  for (const auto& r : *records) ids.insert(r.id);
  EXPECT_EQ(ids.size(), records->size());
  EXPECT_TRUE(std::is_sorted(records->begin(), records->end(),
                             [](const auto& a, const auto& b) { return a.id < b.id; }));
}

}  // namespace
}  // namespace moim::store
