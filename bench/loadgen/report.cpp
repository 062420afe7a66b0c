#include "report.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace moim::loadgen {

namespace {

std::string fixed(double v, int digits = 1) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, v);
  return text;
}

std::string optional_text(const std::optional<double>& v, int digits = 1) {
  return v ? fixed(*v, digits) : std::string("-");
}

// A flush p99 is the upper bound of a histogram bucket; the last bucket (+Inf, read as 1e9 s)
// holds every tick over the largest bound, 100 ms.
std::string bucket_text(const std::optional<double>& ms) {
  if (ms && *ms > 1e6) return "> 100";
  return "≤ " + optional_text(ms, 2);
}

std::string latency(const Percentiles& p) {
  if (p.count == 0) return "-";
  return fixed(p.p50) + " / " + fixed(p.p99) + " / " + fixed(p.max);
}

}  // namespace

void print_table(const Result& r) {
  std::cout
      << "\n| scenario | bots | joined | moves/s in | frames/s out | move→seen p50 / p99 / max "
         "ms | server CPU % | server RSS MiB | bytes/bot/s | disconnects |\n"
      << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
      << "| " << r.scenario << " | " << r.bots << " | " << r.joined << " | "
      << fixed(r.moves_in_per_s, 0) << " | " << fixed(r.frames_out_per_s, 0) << " | "
      << latency(r.move_seen_ms) << " | " << fixed(r.cpu_percent, 0) << " | " << fixed(r.rss_mib)
      << " | " << fixed(r.bytes_per_bot_s, 0) << " | " << r.disconnects << " |\n\n";
  std::cout << "room " << r.room << ", window " << fixed(r.window_s) << " s, latency samples "
            << r.move_seen_ms.count << ", server messages out/s "
            << fixed(r.server_msgs_out_per_s, 0) << ", flush p99 " << bucket_text(r.flush_p99_ms)
            << " ms (CPU " << bucket_text(r.flush_cpu_p99_ms) << " ms), failed joins "
            << r.join_failed << ", slow-client closes " << r.slow_closes << ", move corrections "
            << r.corrections << ", errors " << r.errors << ", moves skipped (write in flight) "
            << r.moves_skipped << ", load generator CPU % " << fixed(r.loadgen_cpu_percent, 0)
            << ", load average " << fixed(r.load_average, 2) << "\n";
  if (r.joins_per_s) {
    std::cout << "joins/s " << fixed(*r.joins_per_s, 0) << ", connect→joined p50 / p99 / max "
              << latency(r.connect_ms) << " ms, server CPU per join "
              << optional_text(r.server_cpu_ms_per_join, 3) << " ms (load generator "
              << optional_text(r.loadgen_cpu_ms_per_join, 3) << " ms)\n";
  }
  if (r.kib_per_connection) {
    std::cout << "server memory per connection " << fixed(*r.kib_per_connection, 2) << " KiB\n";
  }
}

void append_csv(const std::string& path, const Result& r) {
  const bool fresh = !std::filesystem::exists(path);
  std::ofstream out(path, std::ios::app);
  if (fresh) {
    out << "scenario,room,bots,joined,window_s,moves_in_s,frames_out_s,server_msgs_out_s,"
           "seen_p50_ms,seen_p99_ms,seen_max_ms,seen_samples,cpu_pct,rss_mib,bytes_bot_s,"
           "disconnects,slow_closes,flush_p99_ms,kib_per_conn,joins_s,connect_p50_ms,"
           "connect_p99_ms,connect_max_ms,join_failed,join_rate,concurrency,loadgen_cpu_pct,"
           "load1,server_cpu_ms_join,flush_cpu_p99_ms\n";
  }
  const auto opt = [](const std::optional<double>& v) { return v ? fixed(*v, 3) : std::string(); };
  out << r.scenario << ',' << r.room << ',' << r.bots << ',' << r.joined << ','
      << fixed(r.window_s, 2) << ',' << fixed(r.moves_in_per_s, 1) << ','
      << fixed(r.frames_out_per_s, 1) << ',' << fixed(r.server_msgs_out_per_s, 1) << ','
      << fixed(r.move_seen_ms.p50, 2) << ',' << fixed(r.move_seen_ms.p99, 2) << ','
      << fixed(r.move_seen_ms.max, 2) << ',' << r.move_seen_ms.count << ','
      << fixed(r.cpu_percent, 1) << ',' << fixed(r.rss_mib, 1) << ',' << fixed(r.bytes_per_bot_s, 0)
      << ',' << r.disconnects << ',' << r.slow_closes << ',' << opt(r.flush_p99_ms) << ','
      << opt(r.kib_per_connection) << ',' << opt(r.joins_per_s) << ',' << fixed(r.connect_ms.p50, 2)
      << ',' << fixed(r.connect_ms.p99, 2) << ',' << fixed(r.connect_ms.max, 2) << ','
      << r.join_failed << ',' << fixed(r.join_rate, 0) << ',' << r.concurrency << ','
      << fixed(r.loadgen_cpu_percent, 1) << ',' << fixed(r.load_average, 2) << ','
      << opt(r.server_cpu_ms_per_join) << ',' << opt(r.flush_cpu_p99_ms) << '\n';
}

}  // namespace moim::loadgen
