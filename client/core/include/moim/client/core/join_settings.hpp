#pragma once
// The join screen's remembered values, kept in a small key=value file so that the next start
// fills in the same server, name and invite code, and joins from the same device.
#include <filesystem>
#include <optional>
#include <string>

namespace moim::client {

struct JoinSettings {
  std::string server = "ws://127.0.0.1:7700";
  std::string name;
  std::string invite;
  std::string room;
  // This device's secret (Join.device_key): on a shared invite code it, not the name, is who you
  // are, so it must survive restarts and is never shown. Made by ensure_device_key.
  std::string device_key;
};

// Gives `settings` a device key if it has none: 32 bytes from the OS random source, as 64
// lower-case hex digits. Returns true if it made one (the caller saves the settings on join).
bool ensure_device_key(JoinSettings& settings);

// $XDG_CONFIG_HOME/moim/client.conf, else ~/.config/moim/client.conf; nullopt if neither
// variable is set.
std::optional<std::filesystem::path> default_settings_path();

// Missing or unreadable files give the defaults; unknown keys are ignored.
JoinSettings load_join_settings(const std::filesystem::path& file);
// Creates the directory if needed. Returns false if the file could not be written.
bool save_join_settings(const std::filesystem::path& file, const JoinSettings& settings);

}  // namespace moim::client
