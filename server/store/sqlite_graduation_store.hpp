#pragma once
// The graduation store over the process's shared SQLite connection (sqlite_database.hpp).
#include <memory>

#include "graduation/graduation_store.hpp"

namespace moim::store {

namespace sqlite {
class Database;
}

std::unique_ptr<graduation::GraduationStore> make_sqlite_graduation_store(
    std::shared_ptr<sqlite::Database> db);

}  // namespace moim::store
