#include "boot/cli.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <iostream>
#include <optional>

#include "core/secret_hash.hpp"
#include "store/sqlite_store.hpp"

namespace moim::app {

namespace {

void add_server_options(CLI::App& app, CommandLine& cl) {
  auto& c = cl.config;
  app.add_option("--bind", c.bind_address, "Address to listen on")->capture_default_str();
  app.add_option("--port", c.port, "Port for WebSocket and HTTP (0: any free port)")
      ->capture_default_str();
  app.add_option("--data-dir", c.data_dir, "Directory for the SQLite database")
      ->capture_default_str();
  app.add_option("--database", c.database, "SQLite file (default: <data-dir>/moim.db)");
  app.add_option("--maps", c.maps_dir, "Directory of Tiled .tmj maps, one room each")
      ->capture_default_str();
  app.add_option("--lobby", c.lobby, "Room people join when they ask for none")
      ->capture_default_str();
  app.add_flag("--dev", c.dev, "Development mode: guests may join without an invite code");
  app.add_option("--threads", c.threads, "I/O threads (0: one per core)")->capture_default_str();
  app.add_option("--time-zone", c.time_zone, "IANA time zone clients show times in")
      ->capture_default_str();
  app.add_option("--server-name", c.server_name, "Name shown to clients")->capture_default_str();
  app.add_option("--room-capacity", c.room.capacity, "People per room (hosts may exceed it)")
      ->capture_default_str();
  app.add_option("--proximity", c.room.proximity_radius, "Nearby-chat radius in tiles")
      ->capture_default_str();
  app.add_option("--aoi-cell", c.room.aoi_cell_tiles, "Area-of-interest cell size in tiles")
      ->capture_default_str();
  app.add_option("--aoi-radius", c.room.aoi_radius_cells, "Cells seen around one's own cell")
      ->capture_default_str();
  app.add_option("--chat-history", c.room.chat_history, "Room chat lines replayed on join")
      ->capture_default_str();
  app.add_option("--move-rate", c.room.move_rate.per_second, "Steps per second allowed")
      ->capture_default_str();
  app.add_option("--chat-rate", c.room.chat_rate.per_second, "Chat messages per second allowed")
      ->capture_default_str();
  app.add_option("--chat-burst", c.room.chat_rate.burst, "Chat messages allowed at once")
      ->capture_default_str();
  app.add_option("--messages-per-second", c.messages_per_second,
                 "All messages per connection per second before it is closed")
      ->capture_default_str();
  app.add_option_function<int>(
         "--flush-min-ms", [&c](int ms) { c.flush_min = std::chrono::milliseconds(ms); },
         "Least time between two frames of one room (default 10)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--fanout-per-second", c.fanout_per_second,
                 "Messages one room may send per second; big rooms flush less often to stay under")
      ->check(CLI::Range(1000.0, 1e7))
      ->capture_default_str();
  app.add_option_function<int>(
         "--resume-grace-s", [&c](int s) { c.resume_grace = std::chrono::seconds(s); },
         "How long a dropped person may come back to the same place (default 60)")
      ->check(CLI::Range(0, 86400));
  app.add_option("--send-queue-bytes", c.send_queue_bytes,
                 "Per-connection send queue; a client that falls further behind is closed")
      ->capture_default_str();
  auto* cert = app.add_option("--tls-cert", c.tls_cert,
                              "PEM certificate chain: serve wss:// and https:// only")
                   ->check(CLI::ExistingFile);
  auto* key = app.add_option("--tls-key", c.tls_key, "PEM private key of --tls-cert")
                  ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_option("--metrics-token", c.metrics_token,
                 "GET /metrics then needs 'Authorization: Bearer <this>' (default: open)")
      ->envname("MOIM_METRICS_TOKEN");
  app.add_option("--log-level", cl.log_level, "trace, debug, info, warn, error")
      ->capture_default_str();
}

// A rate limit as two options: NAME-rate (per second) and NAME-burst (at once).
void add_rate(CLI::App& app, const std::string& name, room::RateLimit& limit,
              const std::string& what) {
  app.add_option("--" + name + "-rate", limit.per_second, what + " per second")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group("Limits");
  app.add_option("--" + name + "-burst", limit.burst, what + " at once")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group("Limits");
}

void add_limit_options(CLI::App& app, CommandLine& cl) {
  auto& c = cl.config;
  app.add_option("--messages-burst", c.messages_burst,
                 "All messages per connection at once before it is closed")
      ->capture_default_str()
      ->group("Limits");
  add_rate(app, "join", c.join_rate, "Join and Resume attempts per connection");
  add_rate(app, "action", c.action_rate,
           "Status, online-list, locate and moderation requests per connection");
  add_rate(app, "voice", c.voice_rate, "Voice frames per connection (one per 20 ms of speech)");
  add_rate(app, "address-join", c.address_limits.join, "Join and Resume attempts per address");
  add_rate(app, "address-chat", c.address_limits.chat, "Chat messages per address");
  add_rate(app, "address-action", c.address_limits.action, "Other requests per address");
  add_rate(app, "address-voice", c.address_limits.voice, "Voice frames per address");
  app.add_option("--rate-limit-exempt", c.address_limits.exempt,
                 "Addresses without per-address limits (e.g. a TLS-terminating proxy)")
      ->capture_default_str()
      ->group("Limits");
  app.add_option_function<int>(
         "--hello-timeout-s", [&c](int s) { c.hello_timeout = std::chrono::seconds(s); },
         "From connecting to a successful join (default 10)")
      ->check(CLI::Range(1, 600))
      ->group("Limits");
  app.add_option_function<int>(
         "--idle-timeout-s", [&c](int s) { c.idle_timeout = std::chrono::milliseconds(s * 1000); },
         "A connection silent this long (no message, no pong) is dropped (default 30)")
      ->check(CLI::Range(2, 3600))
      ->group("Limits");
  app.add_option_function<int>(
         "--http-timeout-s", [&c](int s) { c.http_timeout = std::chrono::milliseconds(s * 1000); },
         "Time to send one whole HTTP request or upgrade (default 10)")
      ->check(CLI::Range(1, 600))
      ->group("Limits");
}

// Limits on what attendees create (study groups, questions), in their own group of --help.
void add_programme_limit_options(CLI::App& app, CommandLine& cl) {
  auto& limits = cl.config.programme_limits;
  auto add = [&app](const std::string& name, int& value, const std::string& what) {
    app.add_option("--" + name, value, what + " (0: no limit)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000))
        ->group("Programme limits");
  };
  add("max-groups-per-person", limits.groups_per_person, "Study groups one attendee may lead");
  add("max-groups", limits.groups_total, "Study groups the server holds");
  add("max-questions-per-person", limits.questions_per_person,
      "Questions one person may ask per session");
  add("max-questions-per-session", limits.questions_per_session, "Questions one session holds");
}

// The role options take a name and are checked against the role table after parsing (see
// resolve_role), so `--help` shows the names plainly and a refused role exits 2 with a message
// that says which roles fit.
void add_admin_commands(CLI::App& app, CommandLine& cl, std::string& role) {
  auto* invite = app.add_subcommand("create-invite", "Create invite codes and print them once");
  invite
      ->add_option("--role", role,
                   store::role_names(&store::RoleInfo::invite) + " (default attendee)")
      ->type_name("ROLE");
  invite->add_option("--uses", cl.admin.uses, "How many people may use one code (0: any)");
  invite->add_option("--count", cl.admin.count, "How many codes")->check(CLI::Range(1, 10000));
  invite->add_option("--label", cl.admin.label, "A note for yourself, e.g. 'cohort 3'");
  invite->callback([&cl] { cl.admin.kind = AdminCommand::Kind::create_invite; });

  auto* token = app.add_subcommand("create-host-token",
                                   "Create a bearer token for the HTTP host API, print it once");
  token->add_option("--role", role, store::role_names(&store::RoleInfo::token) + " (default host)")
      ->type_name("ROLE");
  token->add_option("--label", cl.admin.label, "Who holds it");
  token->callback([&cl] { cl.admin.kind = AdminCommand::Kind::create_host_token; });
}

// Sets the admin command's role from `name` (any case; empty: the command's default). Returns
// the exit code when the role does not fit the command.
std::optional<int> resolve_role(AdminCommand& admin, std::string name) {
  if (admin.kind == AdminCommand::Kind::none) return std::nullopt;
  const bool token = admin.kind == AdminCommand::Kind::create_host_token;
  if (name.empty()) name = token ? "host" : "attendee";
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto role = store::role_named(name);
  const auto field = token ? &store::RoleInfo::token : &store::RoleInfo::invite;
  if (!role || !(store::role_info(*role).*field)) {
    std::cerr << (token ? "a host token's role is " : "an invite's role is ")
              << store::role_names(field) << ", not '" << name << "'\n";
    return 2;
  }
  admin.role = *role;
  return std::nullopt;
}

}  // namespace

std::variant<CommandLine, int> parse_command_line(int argc, char** argv) {
  CommandLine cl;
  CLI::App app{"moim-server: a self-hosted virtual event space"};
  app.set_config("--config", "", "Read options from this TOML/INI file");
  add_server_options(app, cl);
  add_limit_options(app, cl);
  add_programme_limit_options(app, cl);
  std::string role;
  add_admin_commands(app, cl, role);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (auto refused = resolve_role(cl.admin, role)) return *refused;
  return cl;
}

namespace {

// Says on stderr which database an admin command wrote to. A file that did not exist before
// was just created, so it is almost certainly not the one a running server reads: the secret
// written there would be refused (the usual cause is a missing --data-dir).
void tell_database(const std::filesystem::path& path, bool existed) {
  std::error_code ec;
  auto shown = std::filesystem::absolute(path, ec);
  if (ec) shown = path;
  std::cerr << "Wrote to the database " << shown.string() << "\n";
  if (!existed) {
    std::cerr << "warning: " << shown.string()
              << " did not exist before, so it was just created: it is probably not the running "
                 "server's. Pass the server's --data-dir (or --database).\n";
  }
}

int create_host_token(store::Store& store, const AdminCommand& admin) {
  const auto token = random_token(24);
  if (!token) {
    std::cerr << "could not make a token: " << token.error().message << "\n";
    return 1;
  }
  if (auto done = store.create_host_token(*token, admin.role, admin.label); !done) {
    std::cerr << "could not store the token: " << done.error().message << "\n";
    return 1;
  }
  std::cout << *token << "\n";
  std::cerr << "Keep this token: it is shown only once.\n";
  return 0;
}

int create_invites(store::Store& store, const AdminCommand& admin) {
  for (int i = 0; i < admin.count; ++i) {
    const auto code = random_invite_code();
    if (!code) {
      std::cerr << "could not make an invite code: " << code.error().message << "\n";
      return 1;
    }
    if (auto done = store.create_invite(*code, admin.role, admin.uses, admin.label); !done) {
      std::cerr << "could not store the invite: " << done.error().message << "\n";
      return 1;
    }
    std::cout << *code << "\n";
  }
  std::cerr << "Invite codes are shown only once.\n";
  return 0;
}

}  // namespace

int run_admin(const CommandLine& command) {
  const auto path = command.config.database_path();
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  auto store = store::open_sqlite_store(path);
  const int code = command.admin.kind == AdminCommand::Kind::create_host_token
                       ? create_host_token(*store, command.admin)
                       : create_invites(*store, command.admin);
  if (code == 0) tell_database(path, existed);
  return code;
}

}  // namespace moim::app
