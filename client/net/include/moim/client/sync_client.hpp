#pragma once
// A blocking moim client for tests and tools: owns an io_context and one thread running it, and
// turns the async Connection's callbacks into a queue the caller reads at its own pace.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "moim/client/connection.hpp"

namespace moim::client {

class SyncClient {
 public:
  SyncClient();
  // With connection options, e.g. tls = true (and a ca_file) for a wss:// server.
  explicit SyncClient(Connection::Options options);
  ~SyncClient();  // closes, joins the thread
  SyncClient(const SyncClient&) = delete;
  SyncClient& operator=(const SyncClient&) = delete;

  // True if the WebSocket handshake succeeded (even if the server has closed again since, as a
  // misbehaving one may at once). A client connects once.
  bool connect(const std::string& host, std::uint16_t port,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Assigns the next request id (1, 2, 3, ...) if envelope.request_id() == 0; returns the id.
  std::uint32_t send(moim::v1::Envelope envelope);
  void send_raw(std::string bytes, bool binary = true);

  // Next received envelope, in arrival order, or nullopt on timeout / closed (envelopes that
  // arrived before the close are still handed out first).
  std::optional<moim::v1::Envelope> next(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Skips (and drops) envelopes until one matches.
  std::optional<moim::v1::Envelope> wait_for(
      const std::function<bool(const moim::v1::Envelope&)>& match,
      std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Sends and waits for the envelope with the same request_id; other envelopes received
  // meanwhile stay queued for next().
  std::optional<moim::v1::Envelope> request(
      moim::v1::Envelope envelope, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Hello (PROTOCOL_VERSION_CURRENT) then Join; returns the Joined envelope or the Error
  // envelope (of Hello or of Join), nullopt on timeout or close.
  std::optional<moim::v1::Envelope> hello_and_join(const std::string& name,
                                                   const std::string& invite = "",
                                                   const std::string& room = "");
  // The Join.device_key hello_and_join sends. Each SyncClient starts with a random one, so it is
  // a device of its own: on a shared invite code a new SyncClient is a new person even under a
  // name already taken. Give a later client the key of an earlier one to come back as the same
  // person. Set it before hello_and_join.
  const std::string& device_key() const { return device_key_; }
  void set_device_key(std::string key) { device_key_ = std::move(key); }
  // The Welcome received by hello_and_join, if any.
  std::optional<moim::v1::Welcome> welcome() const;

  bool closed() const;
  std::optional<CloseInfo> close_info() const;
  bool wait_closed(std::chrono::milliseconds timeout);
  // Starts a normal close and waits (up to 2 s) for it to finish; the server holds the place
  // for a resume, as after a drop. leave() closes with 1001 (going away): gone at once.
  void close(std::string reason = "bye");
  void leave(std::string reason = "bye");

 private:
  using Clock = std::chrono::steady_clock;
  // Waits until `ready` (called under the lock) holds or the deadline passes.
  bool wait_until(std::unique_lock<std::mutex>& lock, Clock::time_point deadline,
                  const std::function<bool()>& ready);

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  Connection::Options options_;
  std::shared_ptr<Connection> connection_;
  std::thread thread_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<moim::v1::Envelope> inbox_;
  bool open_ = false;
  bool handshake_done_ = false;
  std::optional<CloseInfo> close_info_;
  std::optional<moim::v1::Welcome> welcome_;
  std::uint32_t next_request_id_ = 1;
  std::string device_key_;
};

}  // namespace moim::client
