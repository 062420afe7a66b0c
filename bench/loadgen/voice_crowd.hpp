#pragma once
// Voice participants for the voice scenarios: a few connections (the desktop client's own
// Connection class, on one thread) that join, walk to a chosen tile, talk at 50 frames a second
// and decode every VoiceBatch they receive. A frame's Opus bytes are fake (the server never
// decodes them): they start with the send time on this process's steady clock, so a listener
// here measures each frame's age on arrival on one clock.
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "moim/client/connection.hpp"
#include "moim/world/map.hpp"
#include "stats.hpp"

namespace moim::loadgen {

class VoiceCrowd {
 public:
  // `opus_bytes`: the size of each fake frame (60 is ~24 kbit/s, Opus voice).
  VoiceCrowd(const world::Map& map, Samples& frame_age_ms, std::size_t opus_bytes = 60);
  ~VoiceCrowd();
  VoiceCrowd(const VoiceCrowd&) = delete;
  VoiceCrowd& operator=(const VoiceCrowd&) = delete;

  // Connects `count` people who join `room`; waits until they joined. Returns how many did.
  int join(int count, const std::string& name, std::uint16_t port, const std::string& room,
           std::chrono::milliseconds timeout);
  // Walks person i to `to` (a step every 100 ms); waits until everyone asked has arrived.
  bool walk(const std::vector<std::pair<int, world::TilePos>>& plans,
            std::chrono::milliseconds timeout);
  // Whom talks from now on (50 frames a second each), or nobody.
  void talk(std::vector<int> speakers);
  world::TilePos position(int i) const;

  struct Heard {
    std::uint64_t batches = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;  // VoiceBatch envelopes as received, encoded size
    std::uint64_t frames_sent = 0;
  };
  Heard heard() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Person {
    int index = 0;
    std::shared_ptr<client::Connection> connection;
    bool joined = false;
    world::TilePos pos;
    std::vector<world::TilePos> path;  // still to walk
    std::uint32_t seq = 0;
  };
  void on_message(Person& p, const v1::Envelope& e);
  void tick();

  const world::Map& map_;
  Samples& age_;
  std::size_t opus_bytes_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  boost::asio::steady_timer ticker_;
  std::thread thread_;
  std::uint64_t ticks_ = 0;

  mutable std::mutex mutex_;  // everything below
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Person>> people_;
  std::vector<int> speakers_;
  int joined_ = 0;
  Heard heard_;
};

}  // namespace moim::loadgen
