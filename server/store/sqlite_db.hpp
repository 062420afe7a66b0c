#pragma once
// Thin RAII over the SQLite C API, private to the store. Header-only on purpose: the store
// library is three translation units (sqlite_store, migrations and the feature stores) and these
// helpers are shared by the first two.
//
// Not thread-safe by itself: the owner (SqliteStore) serialises every use behind its mutex.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace moim::store::sqlite {

struct DbCloser {
  // close_v2 defers the close until every statement is finalized, so destruction order between
  // the connection and a cache of statements cannot leak or crash.
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

inline std::string errmsg(sqlite3* db) {
  return db ? sqlite3_errmsg(db) : "out of memory";
}

// Runs SQL that binds nothing and returns no rows we need (schema, pragmas, BEGIN/COMMIT).
// Returns SQLITE_OK or the error code; the message is in sqlite3_errmsg(db).
inline int exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

// One use of a prepared (usually cached) statement: bind, step, read columns. Resets and clears
// the bindings on destruction so a cached statement never stays mid-step holding a read snapshot.
// Bind failures are remembered and reported by the next step(). A null statement (prepare
// failed) makes step() return SQLITE_ERROR without touching the connection, so sqlite3_errmsg
// still holds the prepare error.
class Query {
 public:
  explicit Query(sqlite3_stmt* stmt)
      : stmt_(stmt), bind_error_(stmt != nullptr ? SQLITE_OK : SQLITE_ERROR) {}
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query() {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  // Parameters are 1-based, as in SQLite.
  Query& bind(int index, std::int64_t value) {
    if (stmt_ != nullptr) note(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Query& bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT copies, so the view only has to live for this call.
    if (stmt_ != nullptr)
      note(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8));
    return *this;
  }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return bind_error_ != SQLITE_OK ? bind_error_ : sqlite3_step(stmt_); }

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string text(int column) const {
    const auto* data = sqlite3_column_text(stmt_, column);
    const auto size = sqlite3_column_bytes(stmt_, column);  // after column_text, as documented
    if (data == nullptr) return {};
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
  }

 private:
  void note(int rc) {
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  }

  sqlite3_stmt* stmt_;
  int bind_error_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so two writers never deadlock
// upgrading read locks); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db), rc_(exec(db, "BEGIN IMMEDIATE")) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (rc_ == SQLITE_OK && !done_) exec(db_, "ROLLBACK");
  }

  // SQLITE_OK when BEGIN succeeded (it fails with SQLITE_BUSY once busy_timeout runs out).
  int begin_result() const { return rc_; }
  int commit() {
    const int rc = exec(db_, "COMMIT");
    if (rc == SQLITE_OK) done_ = true;
    return rc;
  }

 private:
  sqlite3* db_;
  int rc_;
  bool done_ = false;
};

}  // namespace moim::store::sqlite
