#include "store_snapshot.hpp"

#include <sqlite3.h>

#include <cstdlib>

#include "store/sqlite_store.hpp"

namespace moim::fuzz {

namespace {

// Where the auto-extension below leaves the connection it saw; set only while one store opens.
sqlite3** caught_connection() {
  static sqlite3* caught = nullptr;
  return &caught;
}

int catch_connection(sqlite3* db, const char**, const sqlite3_api_routines*) {
  *caught_connection() = db;
  return SQLITE_OK;
}

// Copies every page of `from` over `to`. Nothing may be mid-statement on either connection
// (the store resets every statement after use), so the copy finishes in one step.
void copy_pages(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) std::abort();
  const int stepped = sqlite3_backup_step(backup, -1);
  if (sqlite3_backup_finish(backup) != SQLITE_OK || stepped != SQLITE_DONE) std::abort();
}

}  // namespace

StoreSnapshot::StoreSnapshot() {
  // SQLite declares auto-extensions as void(void) and calls them with the signature above.
  const auto entry = reinterpret_cast<void (*)()>(&catch_connection);
  sqlite3_auto_extension(entry);
  store_ = store::open_sqlite_store(":memory:");
  sqlite3_cancel_auto_extension(entry);
  live_ = *caught_connection();
  *caught_connection() = nullptr;
  if (live_ == nullptr || sqlite3_open(":memory:", &saved_) != SQLITE_OK) std::abort();
}

StoreSnapshot::~StoreSnapshot() {
  sqlite3_close(saved_);
}

void StoreSnapshot::take() {
  copy_pages(live_, saved_);
}

void StoreSnapshot::restore() {
  copy_pages(saved_, live_);
}

}  // namespace moim::fuzz
