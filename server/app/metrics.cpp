#include "app/metrics.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>

namespace moim {
namespace {

// Prometheus floats: shortest round-trip form, and its spellings of the specials. Bucket bounds
// use fixed notation ("0.0001", not "1e-04") because `le` is a label that people read and
// dashboards match on as a string.
std::string format_double(double value, std::chars_format format = std::chars_format::general) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format);
  if (result.ec != std::errc{}) return "NaN";  // cannot happen for our bounds and sums
  return {buffer.data(), result.ptr};
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void counter(std::string& out, std::string_view name, std::string_view help,
             const Metrics::Counter& value) {
  header(out, name, "counter", help);
  out.append(name).append(" ").append(std::to_string(value.load(std::memory_order_relaxed)));
  out.append("\n");
}

void gauge(std::string& out, std::string_view name, std::string_view help,
           const Metrics::Gauge& value) {
  header(out, name, "gauge", help);
  out.append(name).append(" ").append(std::to_string(value.load(std::memory_order_relaxed)));
  out.append("\n");
}

void bucket(std::string& out, std::string_view name, std::string_view le, std::uint64_t count) {
  out.append(name).append("_bucket{le=\"").append(le).append("\"} ");
  out.append(std::to_string(count)).append("\n");
}

void histogram(std::string& out, std::string_view name, std::string_view help,
               const Histogram& histogram) {
  header(out, name, "histogram", help);
  const auto snap = histogram.snapshot();
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < Histogram::bounds.size(); ++i) {
    cumulative += snap.counts[i];
    bucket(out, name, format_double(Histogram::bounds[i], std::chars_format::fixed), cumulative);
  }
  bucket(out, name, "+Inf", snap.count());
  out.append(name).append("_sum ").append(format_double(snap.sum)).append("\n");
  out.append(name).append("_count ").append(std::to_string(snap.count())).append("\n");
}

void voice_drops(std::string& out, const std::array<Metrics::Counter, 5>& drops) {
  static constexpr std::array<std::string_view, 5> reasons{"rate", "muted", "unheard", "overflow",
                                                           "slow_listener"};
  constexpr std::string_view name = "moim_voice_frames_dropped_total";
  header(out, name, "counter",
         "Voice frames dropped, by reason (slow_listener counts whole voice messages).");
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    out.append(name).append("{reason=\"").append(reasons[i]).append("\"} ");
    out.append(std::to_string(drops[i].load(std::memory_order_relaxed))).append("\n");
  }
}

}  // namespace

void Histogram::observe(double seconds) {
  if (std::isnan(seconds)) return;  // would poison _sum forever
  std::size_t i = 0;
  while (i < bounds.size() && seconds > bounds[i]) ++i;  // le: a value on a bound counts in it
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(seconds, std::memory_order_relaxed);
}

void Histogram::observe(std::chrono::steady_clock::duration elapsed) {
  observe(std::chrono::duration<double>(elapsed).count());
}

std::uint64_t Histogram::Snapshot::count() const {
  std::uint64_t total = 0;
  for (const auto c : counts) total += c;
  return total;
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot snap;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    snap.counts[i] = counts_[i].load(std::memory_order_relaxed);
  }
  snap.sum = sum_.load(std::memory_order_relaxed);
  return snap;
}

std::string Metrics::render_prometheus() const {
  std::string out;
  out.reserve(4096);
  counter(out, "moim_connections_total", "Connections accepted since start.", connections_total);
  gauge(out, "moim_connected_clients", "Sessions open now.", connected_clients);
  gauge(out, "moim_rooms", "Rooms loaded now.", rooms);
  counter(out, "moim_messages_in_total", "Messages received from clients.", messages_in_total);
  counter(out, "moim_messages_out_total", "Messages sent to clients.", messages_out_total);
  counter(out, "moim_bytes_in_total", "WebSocket payload bytes received.", bytes_in_total);
  counter(out, "moim_bytes_out_total", "WebSocket payload bytes sent.", bytes_out_total);
  counter(out, "moim_send_queue_drops_total", "Frames dropped from a full send queue.",
          send_queue_drops_total);
  counter(out, "moim_slow_client_closes_total",
          "Sessions closed because the client could not keep up.", slow_client_closes_total);
  counter(out, "moim_protocol_errors_total", "Malformed or invalid messages received.",
          protocol_errors_total);
  counter(out, "moim_voice_frames_in_total", "Voice frames accepted from speakers.",
          voice_frames_in_total);
  counter(out, "moim_voice_packets_out_total",
          "Voice frames handed to listeners, one per listener.", voice_packets_out_total);
  voice_drops(out, voice_frames_dropped_total);
  histogram(out, "moim_flush_duration_seconds",
            "Time a room spends on one tick: applying inputs and building frames.",
            flush_duration_seconds);
  histogram(out, "moim_flush_cpu_seconds",
            "CPU time of the flushing thread during one tick (the wall clock above less waiting).",
            flush_cpu_seconds);
  return out;
}

}  // namespace moim
