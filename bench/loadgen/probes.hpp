#pragma once
// Probe bots: they join through the desktop client's own connection class
// (moim::client::Connection), decode everything they receive, and measure move→seen latency on
// one clock. Every probe walks back and forth between two tiles at 10 Hz and watches the others:
// the time from a probe sending a Move to another probe seeing that position in a Frame is one
// sample. Probes join after all other bots, so they are the last in their cells' delivery order
// (the last-served observers).
#include <atomic>
#include <condition_variable>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "moim/client/connection.hpp"
#include "stats.hpp"
#include "walker.hpp"

namespace moim::loadgen {

class ProbeSet {
 public:
  ProbeSet(const Terrain& terrain, Samples& latency, Counters& counters);
  ~ProbeSet();
  ProbeSet(const ProbeSet&) = delete;
  ProbeSet& operator=(const ProbeSet&) = delete;

  // Connects `count` probes and waits (up to `timeout`) until they have joined `room`.
  // Returns how many joined.
  int join(int count, const std::string& host, std::uint16_t port, const std::string& room,
           std::chrono::milliseconds timeout);
  void set_walking(bool on) { walking_ = on; }
  void stop();

 private:
  using Clock = std::chrono::steady_clock;
  struct Probe {
    int index = 0;
    std::shared_ptr<client::Connection> connection;
    std::uint64_t user_id = 0;
    world::TilePos a, b, pos;
    std::uint32_t seq = 0;
    bool joined = false;
    // Per mover (user id): the latest step sent to tile a and to tile b.
    std::map<std::uint64_t, std::uint32_t> last_seen_seq;  // as observer
  };
  struct Sent {
    std::uint32_t seq = 0;
    Clock::time_point at;
  };
  struct Mover {
    world::TilePos a, b;
    Sent to_a, to_b;
  };

  void on_message(Probe& probe, const v1::Envelope& envelope);
  void seen(Probe& observer, std::uint64_t mover, world::TilePos at, Clock::time_point now);
  void tick();

  const Terrain& terrain_;
  Samples& latency_;
  Counters& counters_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  boost::asio::steady_timer ticker_;
  std::thread thread_;
  std::atomic<bool> walking_{false};

  std::mutex mutex_;  // guards everything below (connections call back on their strands)
  std::vector<std::unique_ptr<Probe>> probes_;
  std::map<std::uint64_t, Mover> movers_;
  int joined_ = 0;
  std::condition_variable changed_;
};

}  // namespace moim::loadgen
