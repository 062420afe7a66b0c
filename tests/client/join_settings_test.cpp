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

TEST(JoinSettings, TheDeviceKeyIsMadeOnceKeptInTheFileAndReused) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("moim-device-key-" + std::to_string(::getpid()));
  const auto file = dir / "moim" / "client.conf";
  moim::client::JoinSettings first;
  ASSERT_TRUE(moim::client::ensure_device_key(first));
  EXPECT_EQ(first.device_key.size(), 64U);
  EXPECT_EQ(first.device_key.find_first_not_of("0123456789abcdef"), std::string::npos);
  const std::string made = first.device_key;
  EXPECT_FALSE(moim::client::ensure_device_key(first));  // kept, not replaced
  EXPECT_EQ(first.device_key, made);

  ASSERT_TRUE(moim::client::save_join_settings(file, first));
  // Only the person's own account may read the secret.
  const auto perms = std::filesystem::status(file).permissions();
  EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none);
  auto loaded = moim::client::load_join_settings(file);
  EXPECT_EQ(loaded.device_key, made);
  EXPECT_FALSE(moim::client::ensure_device_key(loaded));  // the next start reuses it
  EXPECT_EQ(loaded.device_key, made);

  moim::client::JoinSettings other_device;
  ASSERT_TRUE(moim::client::ensure_device_key(other_device));
  EXPECT_NE(other_device.device_key, made);
  std::filesystem::remove_all(dir);
}

TEST(JoinSettings, MissingFileGivesDefaults) {
  const auto loaded = moim::client::load_join_settings("/nonexistent/moim/client.conf");
  EXPECT_EQ(loaded.server, "ws://127.0.0.1:7700");
  EXPECT_TRUE(loaded.name.empty());
  EXPECT_TRUE(loaded.device_key.empty());
}

}  // namespace
