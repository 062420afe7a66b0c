#pragma once
// The one SQLite connection of a process, shared by every store built on it: the core Store
// (accounts, chat, moderation) and the feature stores (programme, graduation). One mutex
// serialises every use, so a transaction in one feature store can never interleave with a write
// from another; prepared statements are cached by their SQL text.
//
// Private to the store library. A feature store holds a std::shared_ptr<Database> and does
//   auto lock = db->lock();
//   sqlite::Query q(db->prepare(sql::my_query));
// with the lock held for as long as it touches the connection.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "store/sqlite_db.hpp"

namespace moim::store::sqlite {

class Database {
 public:
  explicit Database(DbPtr db) : db_(std::move(db)) {}
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }

  // --- the members below require the lock ---------------------------------------------------
  sqlite3* handle() const { return db_.get(); }

  // The cached statement for `text`, which must have static storage (a constant in a
  // *_queries.hpp), preparing it on first use. nullptr if preparing failed; Query then reports
  // the error from step().
  sqlite3_stmt* prepare(std::string_view text) {
    auto& slot = statements_[text];
    if (!slot) {
      sqlite3_stmt* raw = nullptr;
      sqlite3_prepare_v3(db_.get(), text.data(), static_cast<int>(text.size()),
                         SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
      slot.reset(raw);
    }
    return slot.get();
  }

  // Errc::internal naming what failed, with SQLite's message.
  Error internal(std::string_view what) const {
    return Error{Errc::internal, std::string(what) + ": " + errmsg(db_.get())};
  }

  // A write statement's outcome: done, a uniqueness clash the caller caused (bad_request with
  // `duplicate`), or a database failure.
  Status done(int rc, std::string_view what, std::string_view duplicate) const {
    if (rc == SQLITE_DONE) return ok();
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) return Error{Errc::bad_request, std::string(duplicate)};
    return internal(what);
  }

  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
  // Rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const { return sqlite3_changes64(db_.get()); }

 private:
  std::mutex mutex_;
  // Members are destroyed in reverse order: the cached statements are finalized before db_.
  DbPtr db_;
  std::unordered_map<std::string_view, StmtPtr> statements_;
};

}  // namespace moim::store::sqlite
