#pragma once
// Test helpers: a temporary directory removed afterwards, and raw reads of a database file
// through the SQLite C API (to check what the store really wrote).
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/secret_hash.hpp"

namespace moim::store::testing {

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("moim-store-test-" + random_token(8).value())) {
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// The first column of every row `sql` returns, as text. Throws on any SQLite error.
inline std::vector<std::string> raw_column(const std::filesystem::path& file,
                                           const std::string& sql) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  if (rc != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(raw));
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sqlite3_errmsg(raw));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
  std::vector<std::string> out;
  int step = SQLITE_OK;
  while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  if (step != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(raw));
  return out;
}

inline std::string raw_value(const std::filesystem::path& file, const std::string& sql) {
  const auto rows = raw_column(file, sql);
  return rows.empty() ? std::string{} : rows.front();
}

}  // namespace moim::store::testing
