// Crash safety: the real moim-server binary is killed with SIGKILL while several people chat,
// then started again on the same SQLite file. The database must open cleanly and pass
// integrity_check, every chat line the server acknowledged must be there, and none twice.
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server_process.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

struct Database {
  explicit Database(const std::filesystem::path& file) {
    EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  }
  ~Database() { sqlite3_close(db); }
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  sqlite3* db = nullptr;
};

const std::vector<std::string> kBusy = {"--chat-rate",           "10000", "--chat-burst", "10000",
                                        "--messages-per-second", "10000", "--threads",    "2"};

TEST(CrashSafetyE2E, SigkillMidChatLosesNothingAcknowledgedAndDoublesNothing) {
  const auto dir = fresh_dir();
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  {
    ServerProcess server(dir, kBusy);
    ASSERT_NE(server.port(), 0);
    std::vector<std::thread> talkers;
    const char* rooms[] = {"lobby", "study-room", "hall", "lobby"};
    for (int t = 0; t < 4; ++t) {
      talkers.emplace_back([&, t] {
        SyncClient c;
        if (!c.connect("127.0.0.1", server.port())) return;
        auto joined = c.hello_and_join("수다" + std::to_string(t), "", rooms[t]);
        if (!joined || !joined->has_joined()) return;
        for (int i = 0; !stop && !c.closed(); ++i) {
          const auto text = "말" + std::to_string(t) + "-" + std::to_string(i);
          auto answer = c.request(chat(v1::CHAT_SCOPE_ROOM, text), 2s);
          if (answer && answer->has_ack()) {
            std::lock_guard lock(mutex);
            acknowledged.insert(text);
          }
        }
      });
    }
    // Let them talk, then kill the server in the middle of it.
    const auto until = std::chrono::steady_clock::now() + 3s;
    while (std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(50ms);
    const int status = server.kill(SIGKILL);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    stop = true;
    for (auto& t : talkers) t.join();
  }
  ASSERT_GT(acknowledged.size(), 50u) << "too little was said to prove anything";

  // It starts again on the same file and serves the history.
  {
    ServerProcess again(dir, kBusy);
    ASSERT_NE(again.port(), 0) << again.log_text();
    SyncClient c;
    ASSERT_TRUE(c.connect("127.0.0.1", again.port()));
    auto joined = c.hello_and_join("확인", "", "study-room");
    ASSERT_TRUE(joined && joined->has_joined());
    EXPECT_GT(joined->joined().room().history_size(), 0);
    c.close();
    const int status = again.kill(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << again.log_text();
  }

  Database db(dir / "moim.db");
  EXPECT_EQ(db.column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  std::map<std::string, int> stored;
  for (const auto& text : db.column("SELECT text FROM chat")) ++stored[text];
  for (const auto& [text, count] : stored) EXPECT_EQ(count, 1) << text << " stored twice";
  for (const auto& text : acknowledged) EXPECT_TRUE(stored.contains(text)) << text << " lost";
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace moim::e2e
