#pragma once
// A cheap bot: one WebSocket connection speaking the real protocol (Hello → Welcome → Join →
// Joined, then Move and SendChat envelopes built and parsed with moim::proto), that reads
// everything the server sends and throws most of it away. Frames and chat pushes are counted by
// their first byte without being parsed, which is what keeps thousands of bots affordable on
// the same two cores as the server; answers and move corrections are decoded.
//
// A bot lives on one thread's io_context and is only touched from there: start(), step() and
// chat() must run on that thread (the Fleet posts them).
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "moim/v1/moim.pb.h"
#include "stats.hpp"
#include "walker.hpp"

namespace moim::loadgen {

using Clock = std::chrono::steady_clock;

// What a bot thread shares among its bots.
struct BotThread {
  boost::asio::io_context io{1};
  Counters counters;
  Samples* join_latency = nullptr;  // connect start → Joined, in ms
  std::mt19937 rng{std::random_device{}()};
};

struct BotTarget {
  boost::asio::ip::tcp::endpoint server;
  std::optional<boost::asio::ip::address> source;  // bind here first (more source ports)
  std::string room;                                // empty: the lobby
};

class Bot : public std::enable_shared_from_this<Bot> {
 public:
  enum class Phase { idle, connecting, greeting, joining, joined, closed };
  // Called once, on the bot's thread, when the join succeeded or failed.
  using JoinDone = std::function<void(bool joined)>;

  Bot(BotThread& thread, std::string name, Walker walker);

  void start(BotTarget target, JoinDone done);
  void step();                         // one move; skipped while a write is in flight
  void chat(const std::string& text);  // nearby chat
  void stop();                         // close without counting a disconnect
  Phase phase() const { return phase_; }
  bool settled() const { return walker_.settled(); }

 private:
  void fail_join();
  void read_next();
  void on_message(std::string_view bytes);
  void handle(const v1::Envelope& envelope);
  void joined(world::TilePos you);
  void send(const v1::Envelope& envelope);
  void write_next();

  BotThread& thread_;
  std::string name_;
  Walker walker_;
  std::string room_;
  JoinDone join_done_;
  boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;  // front() is being written while writing_
  bool writing_ = false;
  bool stopping_ = false;
  Phase phase_ = Phase::idle;
  std::uint32_t seq_ = 0;
  std::uint32_t next_request_ = 1;
  Clock::time_point started_;
  Clock::time_point last_step_;
};

}  // namespace moim::loadgen
