#pragma once
// Helpers for the proximity-voice end-to-end tests: voice frames with arbitrary bytes (the
// server forwards them unchanged and never decodes them, so no codec is needed), places to
// stand, and what a client received.
#include <string>
#include <vector>

#include "programme_helpers.hpp"

namespace moim::e2e {

inline v1::Envelope voice_frame(std::uint32_t seq, const std::string& opus,
                                std::uint32_t level = 50) {
  v1::Envelope e;
  e.mutable_voice_frame()->set_seq(seq);
  e.mutable_voice_frame()->set_opus(opus);
  e.mutable_voice_frame()->set_level(level);
  return e;
}

// Bytes no codec would make, zeros included, different for every frame.
inline std::string fake_opus(std::uint32_t seq) {
  std::string bytes("\x00\xff\x01opus-", 9);
  bytes += std::to_string(seq);
  return bytes;
}

// Every voice packet `c` receives within `window` (and nothing else is kept).
inline std::vector<v1::VoicePacket> voice_within(SyncClient& c, std::chrono::milliseconds window) {
  std::vector<v1::VoicePacket> out;
  const auto deadline = std::chrono::steady_clock::now() + window;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    auto e = c.next(left);
    if (!e) break;
    if (e->has_voice_batch()) {
      for (const auto& p : e->voice_batch().packets()) out.push_back(p);
    }
  }
  return out;
}

// Waits until `c` has received `count` voice packets (or `timeout` passed); returns them.
inline std::vector<v1::VoicePacket> voice_packets(SyncClient& c, std::size_t count,
                                                  std::chrono::milliseconds timeout = 3000ms) {
  std::vector<v1::VoicePacket> out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.size() < count) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    auto e = c.next(left);
    if (!e) break;
    if (e->has_voice_batch()) {
      for (const auto& p : e->voice_batch().packets()) out.push_back(p);
    }
  }
  return out;
}

// A walkable, reachable tile in no zone at all, such that the tiles `dx` further right are too:
// one row where people can stand at chosen distances.
inline world::TilePos open_row(const world::Map& map, world::TilePos from,
                               std::initializer_list<int> dx) {
  auto open = [&](world::TilePos p) {
    if (!map.walkable(p)) return false;
    for (auto kind : {world::ZoneKind::portal, world::ZoneKind::private_area,
                      world::ZoneKind::quiet, world::ZoneKind::stage}) {
      if (map.zone_at(p, kind)) return false;
    }
    return !world::find_path(map, from, p).empty() || p == from;
  };
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x < map.width(); ++x) {
      bool all = open({x, y});
      for (int d : dx) all = all && open({x + d, y});
      if (all) return {x, y};
    }
  }
  ADD_FAILURE() << "no open row";
  return from;
}

// The walkable tiles of a zone that can be reached from `from`.
inline std::vector<world::TilePos> zone_tiles(const world::Map& map, const world::Zone& zone,
                                              world::TilePos from) {
  std::vector<world::TilePos> out;
  for (int y = zone.area.y; y < zone.area.y + zone.area.h; ++y) {
    for (int x = zone.area.x; x < zone.area.x + zone.area.w; ++x) {
      const world::TilePos p{x, y};
      if (map.walkable(p) && !world::find_path(map, from, p).empty()) out.push_back(p);
    }
  }
  return out;
}

inline std::uint64_t counter(std::atomic<std::uint64_t>& c) {
  return c.load();
}

}  // namespace moim::e2e
