#pragma once
// One run's results: the table people read and the CSV line bench/run.sh collects.
#include <cstdint>
#include <optional>
#include <string>

#include "stats.hpp"

namespace moim::loadgen {

struct Result {
  std::string scenario;
  std::string room;
  int bots = 0;
  std::uint64_t joined = 0;
  std::uint64_t join_failed = 0;
  double window_s = 0;
  double moves_in_per_s = 0;    // Move envelopes the bots sent
  double frames_out_per_s = 0;  // Frame envelopes the bots received
  double server_msgs_out_per_s = 0;
  Percentiles move_seen_ms;
  double cpu_percent = 0;  // of one core; 200 is both cores of this machine
  double rss_mib = 0;
  double loadgen_cpu_percent = 0;  // this process, for comparison: it shares the cores
  double bytes_per_bot_s = 0;      // received, WebSocket payload + frame header
  std::uint64_t disconnects = 0;
  std::uint64_t slow_closes = 0;  // server side: closed as too slow
  std::uint64_t corrections = 0;
  std::uint64_t errors = 0;
  std::uint64_t moves_skipped = 0;
  std::optional<double> flush_p99_ms;      // server-side tick (flush) time, histogram bucket bound
  std::optional<double> flush_cpu_p99_ms;  // ... the same in the flushing thread's CPU time
  std::optional<double> kib_per_connection;
  std::optional<double> joins_per_s;
  std::optional<double> server_cpu_ms_per_join;   // join-storm: server CPU time / joins
  std::optional<double> loadgen_cpu_ms_per_join;  // ... and this process's
  Percentiles connect_ms;                         // connect → Joined
  double join_rate = 0;  // joins started per second (0: as fast as `concurrency` allowed)
  int concurrency = 0;
  double load_average = 0;
};

void print_table(const Result& r);
void append_csv(const std::string& path, const Result& r);

}  // namespace moim::loadgen
