#pragma once
// Process-wide counters for GET /metrics, in Prometheus text exposition format 0.0.4.
// One Metrics object is owned by the server and passed by reference to whoever updates it
// (listener, sessions, rooms) from any thread: every field is a lock-free atomic updated with
// relaxed ordering. They are statistics, not synchronisation; a scrape may see one counter a
// moment ahead of another, which Prometheus tolerates.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace moim {

// The Content-Type to serve render_prometheus() with.
inline constexpr std::string_view prometheus_content_type =
    "text/plain; version=0.0.4; charset=utf-8";

// A fixed-bucket histogram of durations in seconds, lock-free. Buckets are sized for a room
// flush, which should take well under a millisecond and must stay far below the 50 ms tick.
class Histogram {
 public:
  static constexpr std::array<double, 10> bounds{0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                                 0.005,  0.01,    0.025,  0.05,  0.1};
  // Per-bucket (not cumulative) counts; the last one counts what is above every bound.
  using Counts = std::array<std::uint64_t, bounds.size() + 1>;

  void observe(double seconds);
  void observe(std::chrono::steady_clock::duration elapsed);

  struct Snapshot {
    Counts counts{};
    double sum = 0;
    std::uint64_t count() const;
  };
  // Reads each bucket once; count() is derived from the buckets so that _count always equals
  // the +Inf bucket in the exposition, even while other threads observe.
  Snapshot snapshot() const;

 private:
  std::array<std::atomic<std::uint64_t>, bounds.size() + 1> counts_{};
  std::atomic<double> sum_{0};
};

struct Metrics {
  using Counter = std::atomic<std::uint64_t>;
  using Gauge = std::atomic<std::int64_t>;

  Counter connections_total{0};         // connections accepted
  Gauge connected_clients{0};           // sessions open now
  Gauge rooms{0};                       // rooms loaded now
  Counter messages_in_total{0};         // envelopes received from clients
  Counter messages_out_total{0};        // envelopes sent to clients
  Counter bytes_in_total{0};            // WebSocket payload bytes received
  Counter bytes_out_total{0};           // WebSocket payload bytes sent
  Counter send_queue_drops_total{0};    // frames dropped (coalesced away) from a full send queue
  Counter slow_client_closes_total{0};  // sessions closed because they could not keep up
  Counter protocol_errors_total{0};     // malformed or invalid envelopes
  // Proximity voice (features/voice_feature.hpp).
  Counter voice_frames_in_total{0};    // voice frames accepted from speakers
  Counter voice_packets_out_total{0};  // voice frames handed to listeners (one per listener)
  // Voice frames dropped, by why: the speaker's budget was spent, they were muted, nobody can
  // hear them where they stand (a quiet zone), too many waited for one flush; and voice
  // messages a listener's full voice queue dropped (each holds one flush's packets).
  enum class VoiceDrop : std::uint8_t { rate, muted, unheard, overflow, slow_listener };
  std::array<Counter, 5> voice_frames_dropped_total{};
  void voice_dropped(VoiceDrop why, std::uint64_t n = 1) {
    voice_frames_dropped_total[static_cast<std::size_t>(why)].fetch_add(n,
                                                                        std::memory_order_relaxed);
  }
  Histogram flush_duration_seconds;  // one room tick: apply inputs, build and post frames
  // The same ticks in the flushing thread's CPU time: on a busy machine the wall clock above
  // also counts the time the thread waited for a core, this counts only the work.
  Histogram flush_cpu_seconds;

  std::string render_prometheus() const;
};

}  // namespace moim
