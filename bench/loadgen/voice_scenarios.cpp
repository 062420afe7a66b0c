#include "voice_scenarios.hpp"

#include <iomanip>
#include <iostream>
#include <thread>

#include "moim/world/pathfind.hpp"
#include "voice_crowd.hpp"

namespace moim::loadgen {

using namespace std::chrono_literals;

namespace {

// The walkable tiles of `zone` reachable from `from`, nearest first.
std::vector<world::TilePos> reachable_in(const world::Map& map, const world::Zone& zone,
                                         world::TilePos from) {
  std::vector<world::TilePos> out;
  for (int y = zone.area.y; y < zone.area.y + zone.area.h; ++y) {
    for (int x = zone.area.x; x < zone.area.x + zone.area.w; ++x) {
      const world::TilePos p{x, y};
      if (map.walkable(p) && !world::find_path(map, from, p).empty()) out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end(), [&](auto a, auto b) {
    return world::distance_sq(a, from) < world::distance_sq(b, from);
  });
  return out;
}

double value(const std::optional<MetricValues>& m, const std::string& name) {
  if (!m) return 0;
  auto it = m->find(name);
  return it == m->end() ? 0 : it->second;
}

double dropped(const std::optional<MetricValues>& m) {
  double sum = 0;
  for (const char* why : {"rate", "muted", "unheard", "overflow", "slow_listener"}) {
    sum += value(m, std::string("moim_voice_frames_dropped_total{reason=\"") + why + "\"}");
  }
  return sum;
}

}  // namespace

VoiceResult run_voice(const Options& o, ServerProcess& server, const world::Map& map,
                      const std::string& room, Result& r) {
  VoiceResult v;
  Samples age;
  VoiceCrowd crowd(map, age);
  const bool stage = o.scenario == Scenario::voice_stage;
  const int people = stage ? 1 + o.probes : o.probes;
  const int joined = crowd.join(people, "voice", server.port(), room, 30s);
  std::cerr << joined << " of " << people << " voice participants joined\n";
  std::vector<std::pair<int, world::TilePos>> plans;
  std::vector<int> speakers;
  int listeners = 0;
  if (stage) {
    const auto* zone = map.find_zone(world::ZoneKind::stage, "stage");
    if (!zone) throw std::runtime_error("the room has no zone called 'stage'");
    const auto tiles = reachable_in(map, *zone, crowd.position(0));
    if (tiles.empty()) throw std::runtime_error("no way onto the stage");
    plans.emplace_back(0, tiles.front());
    speakers = {0};
    listeners = joined - 1;
    v.audible_speakers = 1;
  } else {
    const auto* zone = map.find_zone(world::ZoneKind::private_area, "sofa-west");
    if (!zone) throw std::runtime_error("the room has no private area called 'sofa-west'");
    const auto tiles = reachable_in(map, *zone, crowd.position(0));
    if (tiles.empty()) throw std::runtime_error("no way into the private area");
    for (int i = 0; i < joined; ++i) {
      plans.emplace_back(i, tiles[static_cast<std::size_t>(i) % tiles.size()]);
      speakers.push_back(i);
    }
    listeners = joined;
    v.audible_speakers = std::min(8, joined - 1);
  }
  if (!crowd.walk(plans, 60s)) std::cerr << "warning: not everyone reached their place\n";
  crowd.talk(speakers);
  std::this_thread::sleep_for(std::chrono::duration<double>(o.warmup_s));

  const auto m0 = server.metrics();
  const auto cpu0 = server.sample();
  const auto heard0 = crowd.heard();
  age.record(true);
  std::this_thread::sleep_for(std::chrono::duration<double>(o.duration_s));
  age.record(false);
  const auto m1 = server.metrics();
  const auto cpu1 = server.sample();
  const auto heard1 = crowd.heard();
  crowd.talk({});

  const double window = cpu1.at_seconds - cpu0.at_seconds;
  const double packets =
      value(m1, "moim_voice_packets_out_total") - value(m0, "moim_voice_packets_out_total");
  v.frame_age_ms = percentiles(age.values());
  v.frames_in_per_s =
      (value(m1, "moim_voice_frames_in_total") - value(m0, "moim_voice_frames_in_total")) / window;
  v.packets_out_per_s = packets / window;
  v.cpu_us_per_packet = packets > 0 ? 1e6 * (cpu1.cpu_seconds - cpu0.cpu_seconds) / packets : 0;
  v.bytes_per_listener_s =
      listeners > 0 ? static_cast<double>(heard1.bytes - heard0.bytes) / listeners / window : 0;
  v.dropped = static_cast<std::uint64_t>(dropped(m1) - dropped(m0));
  r.window_s = window;
  r.cpu_percent = 100.0 * (cpu1.cpu_seconds - cpu0.cpu_seconds) / window;
  r.rss_mib = cpu1.rss_kib / 1024.0;
  return v;
}

void print_voice(const VoiceResult& v) {
  std::cout << std::fixed << std::setprecision(2) << "voice\n"
            << "  frame age at listener (ms)  p50 " << v.frame_age_ms.p50 << "  p99 "
            << v.frame_age_ms.p99 << "  max " << v.frame_age_ms.max << "  (" << v.frame_age_ms.count
            << " frames)\n"
            << "  server frames in /s         " << v.frames_in_per_s << "\n"
            << "  server packets out /s       " << v.packets_out_per_s << "\n"
            << "  server CPU per packet (us)  " << v.cpu_us_per_packet << "\n"
            << "  bytes per listener /s       " << v.bytes_per_listener_s << "  ("
            << v.bytes_per_listener_s * 8 / 1000 / std::max(1.0, v.audible_speakers)
            << " kbit/s per audible speaker, " << v.audible_speakers << " audible)\n"
            << "  voice frames dropped        " << v.dropped << "\n";
}

}  // namespace moim::loadgen
