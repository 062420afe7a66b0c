#pragma once
// The network thread: owns the io_context and the Connection, and hands what happens to the
// render loop through a mutex-guarded queue. The render loop never blocks on the network.
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "moim/client/connection.hpp"
#include "moim/client/voice_inbox.hpp"

namespace moim::client::app {

struct NetOpened {};
struct NetClosed {
  CloseInfo info;
};
using NetEvent = std::variant<NetOpened, v1::Envelope, NetClosed>;

class NetworkThread {
 public:
  NetworkThread();
  ~NetworkThread();
  NetworkThread(const NetworkThread&) = delete;
  NetworkThread& operator=(const NetworkThread&) = delete;

  // Drops any current connection (its events are discarded) and starts a new one.
  // `timeout` covers connecting, the TLS handshake (wss://) and the WebSocket handshake.
  void connect(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout,
               Connection::Options options);
  void send(const v1::Envelope& envelope);
  // Voice goes around the render loop: voice messages from the server go to `inbox` (read by
  // the voice thread) instead of poll(); set it before connecting. send_voice() may be called
  // from the voice thread and drops the frame when the link is behind.
  void set_voice_inbox(std::shared_ptr<VoiceInbox> inbox);
  void send_voice(const v1::Envelope& envelope);
  // Ends the connection for good (WebSocket 1001, going away): the server takes the person out
  // of the room at once instead of holding their place for a resume.
  void close(std::string reason);
  // Everything that happened since the last call, in order.
  std::vector<NetEvent> poll();

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;

  std::mutex mutex_;
  std::deque<NetEvent> events_;
  std::shared_ptr<Connection> connection_;
  std::shared_ptr<VoiceInbox> voice_inbox_;
  std::uint64_t generation_ = 0;  // events of older connections are dropped
};

}  // namespace moim::client::app
