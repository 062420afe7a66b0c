#include "moim/client/core/join_settings.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

namespace {

TEST(JoinSettings, RoundTripsThroughAFile) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("moim-join-settings-" + std::to_string(::getpid()));
  const auto file = dir / "moim" / "client.conf";
  moim::client::JoinSettings s;
  s.server = "ws://10.0.0.2:7700";
  s.name = "김민지\nbroken";
  s.invite = "ABC-123";
  ASSERT_TRUE(moim::client::save_join_settings(file, s));
  const auto loaded = moim::client::load_join_settings(file);
  EXPECT_EQ(loaded.server, "ws://10.0.0.2:7700");
  EXPECT_EQ(loaded.name, "김민지broken");
  EXPECT_EQ(loaded.invite, "ABC-123");
  EXPECT_EQ(loaded.room, "");
  std::filesystem::remove_all(dir);
}

TEST(JoinSettings, MissingFileGivesDefaults) {
  const auto loaded = moim::client::load_join_settings("/nonexistent/moim/client.conf");
  EXPECT_EQ(loaded.server, "ws://127.0.0.1:7700");
  EXPECT_TRUE(loaded.name.empty());
}

}  // namespace
