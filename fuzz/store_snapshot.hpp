#pragma once
// The dispatch fuzzer's database, prepared once and put back before every input. The store is
// SQLite in memory; its connection is private to SqliteStore, so it is caught as it opens (an
// SQLite auto-extension sees every new connection) and its pages are copied aside with the
// backup API once the world is prepared, then copied back over it before each input. The
// store's connection and its cached statements stay; only the pages change, which costs a
// memcpy of a few hundred kilobytes instead of creating the schema (every migration) again.
#include <memory>

#include "store/store.hpp"

struct sqlite3;

namespace moim::fuzz {

class StoreSnapshot {
 public:
  // Opens an in-memory store (migrated, empty) and remembers its connection.
  StoreSnapshot();
  ~StoreSnapshot();
  StoreSnapshot(const StoreSnapshot&) = delete;
  StoreSnapshot& operator=(const StoreSnapshot&) = delete;

  store::Store& store() { return *store_; }
  // The store's own connection, for preparing what no Store call can (known invite codes).
  sqlite3* connection() { return live_; }
  // Remembers the database as it is now.
  void take();
  // Puts the database back as it was at take().
  void restore();

 private:
  sqlite3* live_ = nullptr;
  sqlite3* saved_ = nullptr;
  std::unique_ptr<store::Store> store_;
};

}  // namespace moim::fuzz
