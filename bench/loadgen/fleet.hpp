#pragma once
// The bots of one run, spread over a few threads (one io_context each, so a bot needs no strand).
// Each thread ticks every 10 ms and moves a tenth of its bots, so every bot steps at 10 Hz and
// the steps of different bots are spread evenly over time, as real people's are.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot.hpp"

namespace moim::loadgen {

class Fleet {
 public:
  Fleet(int threads, Samples& join_latency);
  ~Fleet();
  Fleet(const Fleet&) = delete;
  Fleet& operator=(const Fleet&) = delete;

  // Creates a bot on the next thread and starts it; `done` runs on the bot's thread.
  void launch(std::string name, Walker walker, BotTarget target, Bot::JoinDone done);
  void set_walking(bool on) { walking_ = on; }
  // Each walking bot sends a nearby chat line about this often (0: never).
  void set_chat_every(double seconds) { chat_every_s_ = seconds; }
  Totals totals() const;
  // Joined bots that have reached their home area (big-map spreading out).
  std::size_t settled() const;
  // Closes every bot (not counted as disconnects) and waits until that is done.
  void stop_all();

 private:
  struct Shard {
    BotThread bot_thread;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work{
        bot_thread.io.get_executor()};
    boost::asio::steady_timer ticker{bot_thread.io};
    std::vector<std::shared_ptr<Bot>> bots;
    std::atomic<std::size_t> settled{0};
    std::uint64_t tick = 0;
    std::thread thread;
  };
  void schedule_tick(Shard& shard, Clock::time_point at);
  void on_tick(Shard& shard);

  std::vector<std::unique_ptr<Shard>> shards_;
  std::atomic<std::size_t> next_shard_{0};
  std::atomic<bool> walking_{false};
  std::atomic<double> chat_every_s_{0};
};

}  // namespace moim::loadgen
