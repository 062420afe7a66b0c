#pragma once
// A real SQLite file in a temporary directory, opened as the server opens it; more stores on the
// same file stand for more connections (or server processes).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "programme/programme_store.hpp"
#include "store/sqlite_store.hpp"

namespace moim::programme::testing {

class StoreTest : public ::testing::Test {
 protected:
  StoreTest()
      : dir_(std::filesystem::temp_directory_path() /
             ("moim-programme-" + std::to_string(std::random_device{}()))) {
    std::filesystem::create_directories(dir_);
    users_ = store::open_sqlite_store(file());
  }
  ~StoreTest() override {
    users_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::filesystem::path file() const { return dir_ / "moim.db"; }
  ProgrammeStore& store() { return users_->programme(); }
  // Reopens the store on the same file (what a server restart does).
  void reopen() {
    users_.reset();
    users_ = store::open_sqlite_store(file());
  }
  // Another connection to the same file.
  std::unique_ptr<store::Store> connection() { return store::open_sqlite_store(file()); }
  UserId person(const std::string& name) {
    auto user = users_->create_guest(name);
    EXPECT_TRUE(user);
    return user ? user->id : 0;
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> users_;
};

}  // namespace moim::programme::testing
