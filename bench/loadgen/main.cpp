// moim-loadgen: headless bots against a moim server on this machine, then a table of what the
// server managed. See bench/README or `moim-loadgen --help`.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <map>
#include <thread>

#include "scenarios.hpp"

namespace {

using moim::loadgen::Options;
using moim::loadgen::Scenario;

void add_options(CLI::App& app, Options& o) {
  const std::map<std::string, Scenario> scenarios = {{"crowded-room", Scenario::crowded_room},
                                                     {"big-map", Scenario::big_map},
                                                     {"idle", Scenario::idle},
                                                     {"join-storm", Scenario::join_storm},
                                                     {"voice-stage", Scenario::voice_stage},
                                                     {"voice-area", Scenario::voice_area}};
  app.add_option("--scenario", o.scenario,
                 "crowded-room, big-map, idle, join-storm, voice-stage or voice-area")
      ->transform(CLI::CheckedTransformer(scenarios, CLI::ignore_case))
      ->required();
  app.add_option("--bots", o.bots, "How many bots (probes come on top)")
      ->check(CLI::Range(1, 60000))
      ->capture_default_str();
  app.add_option("--duration", o.duration_s, "Seconds in the measured window")
      ->check(CLI::Range(0.5, 600.0))
      ->capture_default_str();
  app.add_option("--warmup", o.warmup_s, "Seconds of walking (idling) before the window")
      ->check(CLI::Range(0.0, 120.0))
      ->capture_default_str();
  app.add_option("--settle-timeout", o.settle_timeout_s,
                 "big-map: longest wait for bots to walk to their own areas")
      ->capture_default_str();
  app.add_option("--max-run", o.max_run_s, "Hard stop for the whole run, in seconds")
      ->check(CLI::Range(5.0, 3600.0))
      ->capture_default_str();
  app.add_option("--threads", o.threads, "Bot threads")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  app.add_option("--probes", o.probes, "Probe bots measuring move→seen latency")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  app.add_option("--chat-every", o.chat_every_s,
                 "crowded-room: seconds between one bot's nearby chat lines (0: none)")
      ->capture_default_str();
  app.add_option("--concurrency", o.concurrency, "Joins in flight at once")
      ->check(CLI::Range(1, 60000))
      ->capture_default_str();
  app.add_option("--join-rate", o.join_rate, "Joins started per second (0: as fast as allowed)")
      ->capture_default_str();
  app.add_option("--sources", o.sources,
                 "Connect from 127.0.0.1 … 127.0.0.N, for more source ports than one address has")
      ->check(CLI::Range(1, 250))
      ->capture_default_str();
  app.add_option("--room", o.room, "Room to join (default: hall, bigmap, bigmap, lobby)");
  app.add_option(
      "--server-bin", o.server_bin,
      "Start this moim-server (fresh data directory, --dev, free port) and stop it after");
  app.add_option("--server-arg", o.server_args,
                 "Extra argument for the started server (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--server-pid", o.server_pid, "Attach to this running server instead");
  app.add_option("--port", o.port, "Port of the attached server (loopback only)")
      ->capture_default_str();
  app.add_option("--maps", o.maps, "The server's map directory")->capture_default_str();
  app.add_option("--csv", o.csv, "Append the results as one CSV line to this file");
  app.add_flag("--check", o.check,
               "Exit 1 unless every bot joined, moves were seen and nobody was disconnected");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.maps = MOIM_SOURCE_MAPS_DIR;
  CLI::App app{
      "moim-loadgen: headless bots on the real protocol against a moim server on this "
      "machine"};
  add_options(app, o);
  CLI11_PARSE(app, argc, argv);
  if (o.server_bin.empty() && o.server_pid == 0) {
    std::cerr << "give --server-bin (start a server) or --server-pid and --port (attach)\n";
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  // Whatever goes wrong, the run ends: a watchdog ends the process, and a server we started
  // gets SIGTERM when we die (PR_SET_PDEATHSIG in server_process.cpp).
  std::thread([max = o.max_run_s] {
    std::this_thread::sleep_for(std::chrono::duration<double>(max));
    std::cerr << "moim-loadgen: --max-run reached, stopping\n";
    std::_Exit(3);
  }).detach();
  try {
    const auto result = moim::loadgen::run_scenario(o);
    moim::loadgen::print_table(result);
    if (!o.csv.empty()) moim::loadgen::append_csv(o.csv, result);
    if (o.check) {
      const bool walking = o.scenario == Scenario::crowded_room || o.scenario == Scenario::big_map;
      bool ok = true;
      if (result.joined < static_cast<std::uint64_t>(o.bots + (walking ? o.probes : 0))) {
        std::cerr << "check failed: not every bot joined\n";
        ok = false;
      }
      if (walking && o.probes > 1 && result.move_seen_ms.count == 0) {
        std::cerr << "check failed: no probe saw another probe move\n";
        ok = false;
      }
      if (result.disconnects > 0) {
        std::cerr << "check failed: " << result.disconnects << " disconnects\n";
        ok = false;
      }
      return ok ? 0 : 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "moim-loadgen: " << e.what() << "\n";
    return 1;
  }
}
