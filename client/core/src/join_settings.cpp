#include "moim/client/core/join_settings.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <system_error>

namespace moim::client {

std::optional<std::filesystem::path> default_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "moim" / "client.conf";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "moim" / "client.conf";
  }
  return std::nullopt;
}

JoinSettings load_join_settings(const std::filesystem::path& file) {
  JoinSettings settings;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    std::string value = line.substr(eq + 1);
    if (key == "server") settings.server = std::move(value);
    if (key == "name") settings.name = std::move(value);
    if (key == "invite") settings.invite = std::move(value);
    if (key == "room") settings.room = std::move(value);
    if (key == "device_key") settings.device_key = std::move(value);
  }
  return settings;
}

namespace {

// Values come from single-line text fields; a newline would split the file's records.
std::string one_line(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c != '\n' && c != '\r') out += c;
  }
  return out;
}

}  // namespace

bool ensure_device_key(JoinSettings& settings) {
  if (!settings.device_key.empty()) return false;
  // std::random_device reads the OS source (getrandom on Linux), not a seeded generator.
  std::random_device source;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (int i = 0; i < 32; ++i) {
    const auto byte = source() & 0xffu;
    key += kHex[byte >> 4];
    key += kHex[byte & 0xfu];
  }
  settings.device_key = std::move(key);
  return true;
}

bool save_join_settings(const std::filesystem::path& file, const JoinSettings& settings) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::trunc);
  // The device key is a secret: only the person's own account may read the file.
  namespace fs = std::filesystem;
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace,
                  ec);
  out << "server=" << one_line(settings.server) << '\n'
      << "name=" << one_line(settings.name) << '\n'
      << "invite=" << one_line(settings.invite) << '\n'
      << "room=" << one_line(settings.room) << '\n'
      << "device_key=" << one_line(settings.device_key) << '\n';
  return static_cast<bool>(out);
}

}  // namespace moim::client
