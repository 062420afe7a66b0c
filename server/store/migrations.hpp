#pragma once
// Schema migrations for the SQLite store. The schema version lives in `PRAGMA user_version`;
// migrations.cpp holds the ordered list of steps and how to add one.
#include <sqlite3.h>

namespace moim::store {

// The schema version this build writes: the number of migration steps it knows.
int latest_schema_version();

// Brings `db` up to latest_schema_version(), one transaction per step, so a crash mid-upgrade
// leaves the database at the last completed step. Start-up only: throws std::runtime_error when
// a step fails or when the file was written by a newer moim (its version is above ours), because
// running old code against a newer schema could silently lose data.
void migrate(sqlite3* db);

// The current `PRAGMA user_version`, or -1 if it cannot be read (e.g. not a database).
int schema_version(sqlite3* db);

}  // namespace moim::store
