#pragma once
// An async WebSocket connection to a moim server, speaking one binary Envelope per message.
//
// Shape follows Beast's websocket client examples: one write in flight with a bounded queue
// behind it, every completion handler holds shared_from_this(), and all state lives on one
// strand, so send() and close() may be called from any thread. Beast stays out of this header
// (the socket lives in the .cpp) so that the app and the tests compile quickly.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/system/error_code.hpp>

#include "moim/proto/envelope.hpp"

namespace moim::client {

// How a connection ended: the WebSocket close code and reason the peer sent, or (code 0) a
// transport or protocol error described in `error`.
struct CloseInfo {
  int code = 0;
  std::string reason;
  std::string error;
};

// A one-line description for people, e.g. "closed by server (1008): too slow".
std::string describe(const CloseInfo& info);

// Messages waiting behind the one being written. A server that stops reading must not make the
// client grow without bound; past this the connection is closed with an error.
inline constexpr std::size_t kMaxQueuedMessages = 4096;

// Voice frames waiting behind the write in flight. Late voice is worthless: past this a new voice
// frame is dropped instead of queued (about 160 ms of speech), and the connection stays open.
inline constexpr std::size_t kMaxQueuedVoice = 8;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  struct Handlers {
    std::function<void()> on_open;
    std::function<void(moim::v1::Envelope&&)> on_message;
    std::function<void(const CloseInfo&)> on_close;  // called exactly once, for any end
  };

  struct Options {
    // No message or pong for this long means the server is gone; a ping is sent at half of it.
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(20);
    std::string user_agent = "moim-client/0.1";
    // wss://: TLS, with the server's certificate checked against the system's trusted CAs and
    // the host name. `ca_file` (PEM) is trusted too: a self-signed certificate or a private CA.
    bool tls = false;
    std::string ca_file;
  };

  static std::shared_ptr<Connection> create(boost::asio::io_context& io, Handlers handlers);
  static std::shared_ptr<Connection> create(boost::asio::io_context& io, Handlers handlers,
                                            Options options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Resolves, connects and performs the WebSocket handshake; on_open or on_close follows.
  // `timeout` covers all three steps. Call once.
  void connect(std::string host, std::uint16_t port,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));
  void send(const moim::v1::Envelope& envelope);  // thread-safe (posts to the strand)
  // A voice frame: like send(), but dropped (and counted) when kMaxQueuedVoice messages are
  // already waiting, so a slow link loses voice instead of delaying moves and chat or closing.
  void send_voice(const moim::v1::Envelope& envelope);
  std::uint64_t voice_dropped() const;
  // Exact bytes, for hostile-input tests. `binary` false sends a text frame.
  void send_raw(std::string bytes, bool binary = true);
  // Normal close (1000) with a reason; queued messages not yet written are dropped. Before the
  // handshake has finished it abandons the attempt. on_close still follows. The server holds
  // the person's place for the resume grace period, as after a dropped connection.
  void close(std::string reason = "bye");
  // The person is leaving for good: the same close with 1001 (going away), after which the
  // server takes them out of the room at once and their resume token is spent.
  void leave(std::string reason = "bye");

  // True between on_open and on_close. Safe from any thread (a snapshot).
  bool is_open() const;

 private:
  struct State;
  Connection(boost::asio::io_context& io, Handlers handlers, Options options);

  // All of these run on the strand.
  void enqueue(std::string bytes, bool binary);
  void enqueue_voice(std::string bytes);
  void start_tls(std::string host, std::uint16_t port);
  void start_handshake(std::string host_header, std::string target);
  void start_read();
  void write_next();
  void close_with_error(std::string error_text);
  // close() and leave(): a WebSocket close with this code (1000 or 1001).
  void close_with(std::uint16_t code, std::string reason);
  void on_closed(const boost::system::error_code& ec);  // our async_close completed
  void finish_with_peer_reason();
  void finish(CloseInfo info);

  std::unique_ptr<State> state_;
};

}  // namespace moim::client
