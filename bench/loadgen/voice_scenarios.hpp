#pragma once
// The voice scenarios (run by hand; docs/benchmarks.md, "voice"):
// - voice-stage: one speaker on the hall's stage, heard by every bot in the hall (the bots only
//   count what they receive) and by a few decoding listeners that measure each frame's age;
// - voice-area: `probes` people in one private area of the lobby, all talking at once, each
//   hearing the loudest 8.
#include "moim/world/map.hpp"
#include "options.hpp"
#include "report.hpp"
#include "server_process.hpp"

namespace moim::loadgen {

struct VoiceResult {
  Percentiles frame_age_ms;         // send → arrival at a decoding listener
  double frames_in_per_s = 0;       // server: voice frames accepted
  double packets_out_per_s = 0;     // server: voice packets handed to listeners
  double cpu_us_per_packet = 0;     // server CPU time / packets handed out
  double bytes_per_listener_s = 0;  // VoiceBatch bytes one decoding listener received per second
  double audible_speakers = 0;      // ... from this many speakers at once
  std::uint64_t dropped = 0;        // server: voice frames dropped, any reason
};

// Runs the voice part of `o.scenario` against `server` (whose room `map` is) for o.duration_s
// after o.warmup_s, with the bots already joined.
VoiceResult run_voice(const Options& o, ServerProcess& server, const world::Map& map,
                      const std::string& room, Result& r);
void print_voice(const VoiceResult& v);

}  // namespace moim::loadgen
