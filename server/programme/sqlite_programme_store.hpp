#pragma once
// The embedded default ProgrammeStore: the same SQLite file as the main store (its tables are
// migration step 2 in store/migrations.cpp), through a connection of its own. WAL lets both
// connections work on the file; every write is a short BEGIN IMMEDIATE transaction, so they wait
// for each other (busy_timeout) rather than fail.
//
// Precondition: the main store has opened (and so migrated) `file` first. Throws
// std::runtime_error naming the file if it cannot be opened or lacks the programme tables.
#include <filesystem>
#include <memory>

#include "programme/programme_store.hpp"

namespace moim::programme {

std::unique_ptr<ProgrammeStore> open_sqlite_programme_store(const std::filesystem::path& file);

}  // namespace moim::programme
