#pragma once
// One WebSocket connection: reads envelopes, checks them, turns them into intents for the hub
// or the person's room, and writes what rooms hand it. All I/O runs on the connection's strand.
//
// Writes: one in flight, a FIFO behind it bounded in bytes (config.send_queue_bytes). A client
// that lets the queue overflow is closed as a slow consumer; its queue is dropped, so one slow
// reader never grows the server's memory or delays anyone else.
//
// Voice has its own queue beside it, of at most kVoiceQueueMessages messages: when it is full the
// oldest is dropped (late voice is useless), and it is written only when the main queue is
// empty, so voice never waits ahead of movement or chat and never closes a connection.
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <memory>
#include <mutex>

#include "moim/tls/stream.hpp"
#include "net/compact_fifo.hpp"
#include "net/session_core.hpp"

namespace moim::net {

class WsSession : public std::enable_shared_from_this<WsSession>, public SessionCore {
 public:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;

  // `stream` is plain or TLS (already past its handshake); the code below does not care which.
  WsSession(tls::Stream&& stream, app::Hub& hub, app::ProgrammeService& programme);
  ~WsSession() override;
  // Completes the upgrade that `request` asked for, then reads until the connection ends.
  void run(Request request);

  void deliver(SharedBytes bytes) override;
  void deliver_voice(SharedBytes bytes) override;
  // One flush of voice each, about 160 ms of speech at the default flush interval.
  static constexpr std::size_t kVoiceQueueMessages = 8;
  bool attach(std::shared_ptr<app::RoomHost> room) override;
  void detach() override;
  void close(CloseCode code, std::string reason) override;

 private:
  std::shared_ptr<SessionLink> link() override { return shared_from_this(); }
  std::shared_ptr<app::RoomHost> current_room() const override;

  void on_accept(boost::system::error_code ec);
  void read_next();
  void on_read(boost::system::error_code ec);

  void write_next();
  // Starts the writer if it is idle (under mutex_).
  void start_writing_locked();
  void on_write(boost::system::error_code ec, std::size_t bytes);
  void start_close();
  void finish();

  boost::beast::websocket::stream<tls::Stream> ws_;
  boost::beast::flat_buffer buffer_;
  boost::asio::steady_timer deadline_;  // hello/join deadline, then the forced-close deadline

  // Strand-only state (with SessionCore's).
  bool finished_ = false;

  // Shared with other strands, under mutex_.
  mutable std::mutex mutex_;
  CompactFifo<SharedBytes> queue_;
  CompactFifo<SharedBytes> voice_queue_;  // written only when queue_ is empty
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool closing_ = false;
  CloseCode close_code_ = CloseCode::normal;
  Ending ending_ = Ending::dropped;  // set by on_read, read by finish (both on the strand)
  std::string close_reason_;
  std::shared_ptr<app::RoomHost> room_;
  SharedBytes in_flight_;  // strand-only: the message being written
};

}  // namespace moim::net
