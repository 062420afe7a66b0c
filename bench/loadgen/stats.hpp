#pragma once
// What the bots count. Each bot thread owns one Counters (no sharing on the hot path); the run
// adds them up when it takes a snapshot. Latency samples are rare (joins, probe moves) and go
// into a Samples under a mutex.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace moim::loadgen {

struct Counters {
  using Counter = std::atomic<std::uint64_t>;
  Counter moves_sent{0};
  Counter moves_skipped{0};  // the previous write was still in flight: the server is behind
  Counter chats_sent{0};
  Counter messages{0};    // envelopes received
  Counter frames{0};      // of which Frames
  Counter wire_bytes{0};  // received payload plus WebSocket header, per message
  Counter corrections{0};
  Counter errors{0};  // Error envelopes after joining
  Counter joined{0};
  Counter join_failed{0};
  Counter disconnects{0};  // connections that ended without the load generator asking
};

// A plain copy of Counters, for differences between two moments.
struct Totals {
  std::uint64_t moves_sent = 0, moves_skipped = 0, chats_sent = 0, messages = 0, frames = 0,
                wire_bytes = 0, corrections = 0, errors = 0, joined = 0, join_failed = 0,
                disconnects = 0;

  Totals& operator+=(const Counters& c) {
    moves_sent += c.moves_sent.load(std::memory_order_relaxed);
    moves_skipped += c.moves_skipped.load(std::memory_order_relaxed);
    chats_sent += c.chats_sent.load(std::memory_order_relaxed);
    messages += c.messages.load(std::memory_order_relaxed);
    frames += c.frames.load(std::memory_order_relaxed);
    wire_bytes += c.wire_bytes.load(std::memory_order_relaxed);
    corrections += c.corrections.load(std::memory_order_relaxed);
    errors += c.errors.load(std::memory_order_relaxed);
    joined += c.joined.load(std::memory_order_relaxed);
    join_failed += c.join_failed.load(std::memory_order_relaxed);
    disconnects += c.disconnects.load(std::memory_order_relaxed);
    return *this;
  }
};

struct Percentiles {
  std::size_t count = 0;
  double p50 = 0, p99 = 0, max = 0;
};

inline Percentiles percentiles(std::vector<double> v) {
  Percentiles p;
  p.count = v.size();
  if (v.empty()) return p;
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) {
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
  };
  p.p50 = at(0.50);
  p.p99 = at(0.99);
  p.max = v.back();
  return p;
}

// Latency samples in milliseconds, collected only while `recording` is on.
class Samples {
 public:
  void record(bool on) { recording_.store(on); }
  void add(double ms) {
    if (!recording_.load(std::memory_order_relaxed)) return;
    std::lock_guard lock(mutex_);
    values_.push_back(ms);
  }
  std::vector<double> values() const {
    std::lock_guard lock(mutex_);
    return values_;
  }
  void clear() {
    std::lock_guard lock(mutex_);
    values_.clear();
  }

 private:
  std::atomic<bool> recording_{true};
  mutable std::mutex mutex_;
  std::vector<double> values_;
};

}  // namespace moim::loadgen
