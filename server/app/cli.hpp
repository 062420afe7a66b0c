#pragma once
// The command line: `moim-server [options]` serves; `moim-server create-invite ...` and
// `moim-server create-host-token ...` write a secret to the store and print it once.
// Every option can also come from a config file (--config moim.toml, TOML/INI as CLI11 reads it).
#include <string>
#include <variant>

#include "app/config.hpp"

namespace moim::app {

struct AdminCommand {
  enum class Kind { none, create_invite, create_host_token } kind = Kind::none;
  store::Role role = store::Role::attendee;
  int uses = 0;  // 0: unlimited
  int count = 1;
  std::string label;
};

struct CommandLine {
  ServerConfig config;
  AdminCommand admin;
  std::string log_level = "info";
};

// The parsed command line, or the exit code when parsing printed help or an error.
std::variant<CommandLine, int> parse_command_line(int argc, char** argv);

// Runs an admin command against the configured store; returns the process exit code.
int run_admin(const CommandLine& command);

}  // namespace moim::app
