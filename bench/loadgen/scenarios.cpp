#include "scenarios.hpp"

#include <unistd.h>

#include <atomic>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "fleet.hpp"
#include "probes.hpp"
#include "server_process.hpp"
#include "voice_scenarios.hpp"

namespace moim::loadgen {

namespace asio = boost::asio;
using namespace std::chrono_literals;

const char* scenario_name(Scenario s) {
  switch (s) {
    case Scenario::crowded_room:
      return "crowded-room";
    case Scenario::big_map:
      return "big-map";
    case Scenario::idle:
      return "idle";
    case Scenario::join_storm:
      return "join-storm";
    case Scenario::voice_stage:
      return "voice-stage";
    case Scenario::voice_area:
      return "voice-area";
  }
  return "?";
}

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string default_room(Scenario s) {
  switch (s) {
    case Scenario::crowded_room:
      return "hall";
    case Scenario::big_map:
    case Scenario::idle:
      return "bigmap";
    case Scenario::join_storm:
    case Scenario::voice_area:
      return "lobby";
    case Scenario::voice_stage:
      return "hall";
  }
  return "lobby";
}

ServerProcess open_server(const Options& o) {
  if (o.server_bin.empty()) {
    return ServerProcess::attach(o.server_pid, static_cast<std::uint16_t>(o.port));
  }
  ServerProcess::StartOptions start;
  start.binary = o.server_bin;
  start.maps = o.maps;
  // Bots connecting from 127.0.0.2 … would otherwise hit the server's per-address join limit
  // (only 127.0.0.1 and ::1 are exempt by default): they stand for thousands of machines.
  if (o.sources > 1) {
    for (const char* loopback : {"127.0.0.1", "::1"}) {
      start.extra_args.insert(start.extra_args.end(), {"--rate-limit-exempt", loopback});
    }
    for (int i = 1; i < o.sources; ++i) {
      start.extra_args.insert(start.extra_args.end(),
                              {"--rate-limit-exempt", "127.0.0." + std::to_string(i + 1)});
    }
  }
  start.extra_args.insert(start.extra_args.end(), o.server_args.begin(), o.server_args.end());
  return ServerProcess::start(start);
}

// Everything a run needs while it goes: the server, the map, the bots and what they measured.
struct Run {
  const Options& o;
  std::string room;
  ServerProcess server;
  world::MapSet maps;
  std::unique_ptr<Terrain> terrain;
  Samples join_latency;
  Samples move_seen;
  Fleet fleet;
  Counters probe_counters;
  std::mt19937 rng{20261123};

  Run(const Options& options, std::string room_id)
      : o(options),
        room(std::move(room_id)),
        server(open_server(options)),
        maps(world::MapSet::load_dir(options.maps)),
        fleet(options.threads, join_latency) {
    const auto* map = maps.find(room);
    if (!map) throw std::runtime_error("no map called '" + room + "' in " + o.maps);
    terrain = std::make_unique<Terrain>(*map);
  }

  // Joins every bot, at most `concurrency` at a time (and `join_rate` per second if set).
  // Returns the time the last join finished.
  Clock::time_point join_all(std::optional<Clock::time_point>& first_start) {
    std::atomic<int> in_flight{0};
    std::atomic<int> finished{0};
    std::atomic<std::int64_t> last_done_ns{0};
    const auto server_ep =
        asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port());
    const auto start = Clock::now();
    first_start = start;
    for (int i = 0; i < o.bots; ++i) {
      if (o.join_rate > 0) {
        std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(i / o.join_rate)));
      }
      while (in_flight.load() >= o.concurrency) std::this_thread::sleep_for(100us);
      ++in_flight;
      BotTarget target{server_ep, std::nullopt, room};
      if (o.sources > 1) {
        target.source =
            asio::ip::make_address_v4(0x7F000001u + static_cast<unsigned>(i % o.sources));
      }
      std::optional<world::TilePos> home;
      if (o.scenario == Scenario::big_map) home = terrain->random_tile(rng);
      fleet.launch("bot-" + std::to_string(i), Walker(*terrain, home), target,
                   [&in_flight, &finished, &last_done_ns](bool) {
                     last_done_ns = Clock::now().time_since_epoch().count();
                     --in_flight;
                     ++finished;
                   });
    }
    const auto deadline = Clock::now() + 60s;
    while (finished.load() < o.bots && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
    if (finished.load() < o.bots) {
      std::cerr << "warning: " << (o.bots - finished.load()) << " bots neither joined nor failed\n";
    }
    return Clock::time_point(Clock::duration(last_done_ns.load()));
  }

  Totals totals() const {
    Totals t = fleet.totals();
    t += probe_counters;
    return t;
  }
};

void fill_common(Result& r, const Run& run) {
  r.scenario = scenario_name(run.o.scenario);
  r.room = run.room;
  r.bots = run.o.bots;
  r.join_rate = run.o.join_rate;
  r.concurrency = run.o.concurrency;
  r.load_average = load_average();
}

// The measured window of the walking scenarios and of idle: rates over `seconds`.
void measure_window(Result& r, Run& run, double seconds) {
  const auto before = run.totals();
  const auto cpu0 = run.server.sample();
  const auto self0 = sample_process(getpid());
  const auto m0 = run.server.metrics();
  run.move_seen.clear();
  run.move_seen.record(true);
  const auto start = Clock::now();
  while (seconds_since(start) < seconds && run.server.alive()) std::this_thread::sleep_for(50ms);
  run.move_seen.record(false);
  const auto after = run.totals();
  const auto cpu1 = run.server.sample();
  const auto self1 = sample_process(getpid());
  const auto m1 = run.server.metrics();
  const double window = cpu1.at_seconds - cpu0.at_seconds;
  r.window_s = window;
  r.joined = after.joined;
  r.moves_in_per_s = static_cast<double>(after.moves_sent - before.moves_sent) / window;
  r.frames_out_per_s = static_cast<double>(after.frames - before.frames) / window;
  r.bytes_per_bot_s = after.joined == 0
                          ? 0
                          : static_cast<double>(after.wire_bytes - before.wire_bytes) /
                                static_cast<double>(after.joined) / window;
  r.moves_skipped = after.moves_skipped - before.moves_skipped;
  r.cpu_percent = 100.0 * (cpu1.cpu_seconds - cpu0.cpu_seconds) / window;
  r.loadgen_cpu_percent = 100.0 * (self1.cpu_seconds - self0.cpu_seconds) / window;
  r.rss_mib = cpu1.rss_kib / 1024.0;
  r.move_seen_ms = percentiles(run.move_seen.values());
  if (m0 && m1) {
    const auto diff = [&](const char* name) {
      auto a = m0->find(name);
      auto b = m1->find(name);
      return (a == m0->end() || b == m1->end()) ? 0.0 : b->second - a->second;
    };
    r.server_msgs_out_per_s = diff("moim_messages_out_total") / window;
    r.flush_p99_ms = histogram_quantile_ms(*m0, *m1, "moim_flush_duration_seconds", 0.99);
    r.flush_cpu_p99_ms = histogram_quantile_ms(*m0, *m1, "moim_flush_cpu_seconds", 0.99);
    r.slow_closes = static_cast<std::uint64_t>(
        m1->count("moim_slow_client_closes_total") ? m1->at("moim_slow_client_closes_total") : 0);
  }
}

void finish(Result& r, Run& run) {
  const auto t = run.totals();
  r.joined = t.joined;
  r.join_failed = t.join_failed;
  r.disconnects = t.disconnects;
  r.corrections = t.corrections;
  r.errors = t.errors;
  r.connect_ms = percentiles(run.join_latency.values());
}

Result walking(const Options& o, Run& run) {
  Result r;
  fill_common(r, run);
  std::optional<Clock::time_point> first;
  run.join_all(first);
  ProbeSet probes(*run.terrain, run.move_seen, run.probe_counters);
  if (o.probes > 0) {
    const int joined = probes.join(o.probes, "127.0.0.1", run.server.port(), run.room, 20s);
    if (joined < o.probes) std::cerr << "warning: only " << joined << " probes joined\n";
  }
  std::cerr << "joined " << run.totals().joined << " of " << o.bots + o.probes << "; walking\n";
  run.move_seen.record(false);
  run.fleet.set_chat_every(o.scenario == Scenario::crowded_room ? o.chat_every_s : 0);
  run.fleet.set_walking(true);
  probes.set_walking(true);
  if (o.scenario == Scenario::big_map) {
    // People spread out from the spawn to their own corner of the map before we measure.
    const auto start = Clock::now();
    const auto wanted = static_cast<std::size_t>(0.95 * static_cast<double>(o.bots));
    while (run.fleet.settled() < wanted && seconds_since(start) < o.settle_timeout_s) {
      std::this_thread::sleep_for(200ms);
    }
    std::cerr << run.fleet.settled() << " bots settled after " << seconds_since(start) << " s\n";
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(o.warmup_s));
  measure_window(r, run, o.duration_s);
  probes.stop();
  run.fleet.stop_all();
  finish(r, run);
  return r;
}

Result idle(const Options& o, Run& run) {
  Result r;
  fill_common(r, run);
  std::this_thread::sleep_for(500ms);
  const auto base = run.server.sample();
  std::optional<Clock::time_point> first;
  run.join_all(first);
  std::cerr << "joined " << run.totals().joined << " of " << o.bots << "; idling\n";
  std::this_thread::sleep_for(std::chrono::duration<double>(o.warmup_s));
  measure_window(r, run, o.duration_s);
  const auto joined = run.totals().joined;
  const auto now = run.server.sample();
  if (joined > 0) r.kib_per_connection = (now.rss_kib - base.rss_kib) / static_cast<double>(joined);
  run.fleet.stop_all();
  finish(r, run);
  return r;
}

Result join_storm(Run& run) {
  Result r;
  fill_common(r, run);
  const auto cpu0 = run.server.sample();
  const auto self0 = sample_process(getpid());
  std::optional<Clock::time_point> first;
  const auto last = run.join_all(first);
  const auto cpu1 = run.server.sample();
  const auto self1 = sample_process(getpid());
  const double took = std::chrono::duration<double>(last - *first).count();
  r.window_s = took;
  const auto t = run.totals();
  r.joins_per_s = took > 0 ? static_cast<double>(t.joined) / took : 0;
  const double wall = cpu1.at_seconds - cpu0.at_seconds;
  r.cpu_percent = 100.0 * (cpu1.cpu_seconds - cpu0.cpu_seconds) / wall;
  r.loadgen_cpu_percent = 100.0 * (self1.cpu_seconds - self0.cpu_seconds) / wall;
  // CPU per join does not depend on how busy the machine was, unlike joins per second.
  if (t.joined > 0) {
    r.server_cpu_ms_per_join =
        1000.0 * (cpu1.cpu_seconds - cpu0.cpu_seconds) / static_cast<double>(t.joined);
    r.loadgen_cpu_ms_per_join =
        1000.0 * (self1.cpu_seconds - self0.cpu_seconds) / static_cast<double>(t.joined);
  }
  r.rss_mib = cpu1.rss_kib / 1024.0;
  r.bytes_per_bot_s = t.joined == 0 || took <= 0 ? 0
                                                 : static_cast<double>(t.wire_bytes) /
                                                       static_cast<double>(t.joined) / took;
  std::this_thread::sleep_for(1s);  // late disconnects show here
  run.fleet.stop_all();
  finish(r, run);
  return r;
}

// The bots join and stand still (they only count what they receive); the voice participants
// do the talking and the measuring (voice_scenarios.hpp).
Result voice(const Options& o, Run& run) {
  Result r;
  fill_common(r, run);
  std::optional<Clock::time_point> first;
  if (o.bots > 0) run.join_all(first);
  const auto v = run_voice(o, run.server, *run.maps.find(run.room), run.room, r);
  run.fleet.stop_all();
  finish(r, run);
  print_voice(v);
  return r;
}

}  // namespace

Result run_scenario(const Options& o) {
  raise_file_limit();
  Run run(o, o.room.empty() ? default_room(o.scenario) : o.room);
  std::cerr << "moim-loadgen: " << scenario_name(o.scenario) << ", " << o.bots << " bots in '"
            << run.room << "', server pid " << run.server.pid() << " on port " << run.server.port()
            << "\n";
  switch (o.scenario) {
    case Scenario::crowded_room:
    case Scenario::big_map:
      return walking(o, run);
    case Scenario::idle:
      return idle(o, run);
    case Scenario::join_storm:
      return join_storm(run);
    case Scenario::voice_stage:
    case Scenario::voice_area:
      return voice(o, run);
  }
  return {};
}

}  // namespace moim::loadgen
