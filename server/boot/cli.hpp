#pragma once
// The command line: `moim-server [options]` serves; `moim-server create-invite ...` and
// `moim-server create-host-token ...` write a secret to the store and print it once.
// Every option can also come from a config file (--config moim.toml, TOML/INI as CLI11 reads it).
#include <string>
#include <variant>

#include "app/config.hpp"
#include "store/store.hpp"

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

// Runs an admin command against the configured store; returns the process exit code. Tells on
// stderr which database file it wrote to, and warns when that file was only just created.
// A role that does not fit the command (e.g. an attendee's host token) is refused by
// parse_command_line with exit code 2.
int run_admin(const CommandLine& command);

}  // namespace moim::app
