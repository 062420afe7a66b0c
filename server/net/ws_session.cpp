// WsSession I/O: upgrade, the read loop, the bounded write queue and closing.
// Message handling lives in ws_dispatch.cpp.
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>

#include "app/hub.hpp"
#include "moim/proto/envelope.hpp"
#include "net/ws_session.hpp"

namespace moim::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

namespace {

constexpr std::size_t kHardMessageLimit = 16 * proto::kMaxMessageBytes;
constexpr std::size_t kFirstRead = 64;

bool is_quiet_error(const error_code& ec) {
  return ec == asio::error::operation_aborted || ec == websocket::error::closed ||
         ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == beast::error::timeout || ec == asio::error::broken_pipe;
}

}  // namespace

namespace {

std::string peer_address(tls::Stream& stream) {
  error_code ec;
  auto endpoint = stream.next_layer().socket().remote_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

}  // namespace

WsSession::WsSession(tls::Stream&& stream, app::Hub& hub, app::ProgrammeService& programme)
    : SessionCore(hub, programme, peer_address(stream)),
      ws_(std::move(stream)),
      deadline_(ws_.get_executor()) {
  ++hub_.metrics().connections_total;
  ++hub_.metrics().connected_clients;
}

WsSession::~WsSession() {
  --hub_.metrics().connected_clients;
}

void WsSession::run(Request request) {
  beast::get_lowest_layer(ws_).expires_never();  // websocket timeouts take over from here
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = std::chrono::seconds(10);
  timeouts.idle_timeout = hub_.config().idle_timeout;  // half-open connections die here
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  // Beast's own limit drops the connection mid-frame, which the peer sees as a reset with no
  // reason. Up to kHardLimit we read the message and close with a reason instead.
  ws_.read_message_max(kHardMessageLimit);
  ws_.binary(true);
  // One WebSocket frame per message: Beast's default splits anything over 4 KiB into several
  // frames, each its own socket write, and crowded rooms send 5–20 KiB frames many times a second.
  ws_.auto_fragment(false);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "moim"); }));
  ws_.async_accept(request, [self = shared_from_this()](error_code ec) { self->on_accept(ec); });
}

void WsSession::on_accept(error_code ec) {
  if (ec) return finish();
  phase_ = Phase::greeting;
  deadline_.expires_after(hub_.config().hello_timeout);
  deadline_.async_wait([weak = weak_from_this()](error_code wait_ec) {
    auto self = weak.lock();
    if (wait_ec || !self || self->phase_ == Phase::in_room || self->phase_ == Phase::closing) {
      return;
    }
    self->close(CloseCode::handshake_timeout, "no Hello and Join within the time allowed");
  });
  read_next();
}

void WsSession::read_next() {
  // Beast sets buffer space aside before any data arrives, so what the first read of a message
  // asks for is what an idle connection holds: a plain async_read asks for 1.5 KiB. Moves and
  // most requests fit in kFirstRead; longer messages continue with more room.
  const std::size_t limit = buffer_.size() == 0 ? kFirstRead : kHardMessageLimit;
  ws_.async_read_some(buffer_, limit, [self = shared_from_this()](error_code ec, std::size_t) {
    self->on_read(ec);
  });
}

void WsSession::on_read(error_code ec) {
  if (ec) {
    if (ec == websocket::error::closed && ws_.reason().code == websocket::close_code::going_away) {
      ending_ = Ending::goodbye;  // the client quit on purpose: no reconnecting avatar
    }
    if (ec == websocket::error::message_too_big) ++hub_.metrics().protocol_errors_total;
    if (!is_quiet_error(ec)) spdlog::debug("session read: {}", ec.message());
    return finish();
  }
  if (!ws_.is_message_done()) return read_next();
  if (!ws_.got_binary()) {
    ++hub_.metrics().messages_in_total;
    ++hub_.metrics().protocol_errors_total;
    return close(CloseCode::unsupported_data, "moim speaks binary protobuf frames only");
  }
  const auto data = buffer_.cdata();
  on_message({static_cast<const char*>(data.data()), data.size()});
  buffer_.consume(buffer_.size());
  if (buffer_.capacity() > kFirstRead) buffer_.shrink_to_fit();  // keep only the small room
  if (phase_ != Phase::closing) read_next();
}

void WsSession::deliver(SharedBytes bytes) {
  std::lock_guard lock(mutex_);
  if (closing_) return;
  if (queued_bytes_ + bytes->size() > hub_.config().send_queue_bytes) {
    auto& metrics = hub_.metrics();
    metrics.send_queue_drops_total += queue_.size() + 1;
    ++metrics.slow_client_closes_total;
    queue_.clear();
    voice_queue_.clear();
    queued_bytes_ = 0;
    closing_ = true;
    close_code_ = CloseCode::slow_consumer;
    close_reason_ = "too slow: could not keep up with the room";
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->start_close(); });
    return;
  }
  queued_bytes_ += bytes->size();
  queue_.push_back(std::move(bytes));
  start_writing_locked();
}

void WsSession::deliver_voice(SharedBytes bytes) {
  std::lock_guard lock(mutex_);
  if (closing_) return;
  if (voice_queue_.size() >= kVoiceQueueMessages) {
    voice_queue_.pop_front();  // the oldest voice is the least worth hearing now
    hub_.metrics().voice_dropped(Metrics::VoiceDrop::slow_listener);
  }
  voice_queue_.push_back(std::move(bytes));
  start_writing_locked();
}

void WsSession::start_writing_locked() {
  if (writing_) return;
  writing_ = true;
  asio::post(ws_.get_executor(), [self = shared_from_this()] { self->write_next(); });
}

void WsSession::write_next() {
  {
    std::lock_guard lock(mutex_);
    // Voice goes out only when nothing else waits; a closing connection sends no more voice.
    const bool voice_next = queue_.empty() && !voice_queue_.empty() && !closing_;
    if ((queue_.empty() && !voice_next) || finished_) {
      writing_ = false;
      if (closing_ && !finished_)
        asio::post(ws_.get_executor(), [self = shared_from_this()] { self->start_close(); });
      return;
    }
    if (voice_next) {
      in_flight_ = std::move(voice_queue_.front());
      voice_queue_.pop_front();
    } else {
      in_flight_ = std::move(queue_.front());
      queue_.pop_front();
      queued_bytes_ -= in_flight_->size();
    }
  }
  ws_.async_write(
      asio::buffer(*in_flight_),
      [self = shared_from_this()](error_code ec, std::size_t bytes) { self->on_write(ec, bytes); });
}

void WsSession::on_write(error_code ec, std::size_t bytes) {
  in_flight_.reset();
  if (ec) {
    std::lock_guard lock(mutex_);
    writing_ = false;
    queue_.clear();
    voice_queue_.clear();
    queued_bytes_ = 0;
    return;  // the read loop sees the broken connection and finishes
  }
  ++hub_.metrics().messages_out_total;
  hub_.metrics().bytes_out_total += bytes;
  write_next();
}

void WsSession::close(CloseCode code, std::string reason) {
  std::lock_guard lock(mutex_);
  if (closing_) return;
  closing_ = true;
  close_code_ = code;
  close_reason_ = std::move(reason);
  // With a write in flight, write_next() starts the close once the queue is sent.
  if (!writing_) {
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->start_close(); });
  }
}

void WsSession::start_close() {
  if (phase_ == Phase::closing || finished_) return;
  phase_ = Phase::closing;
  websocket::close_reason reason;
  {
    std::lock_guard lock(mutex_);
    reason.code = static_cast<std::uint16_t>(close_code_);
    reason.reason = close_reason_;
    // A writer that is stuck (the peer stopped reading) can block the close frame; give the
    // handshake a few seconds, then drop the TCP connection.
    if (writing_) {
      beast::get_lowest_layer(ws_).socket().close();
      return;
    }
  }
  deadline_.expires_after(std::chrono::seconds(3));
  deadline_.async_wait([weak = weak_from_this()](error_code ec) {
    if (auto self = weak.lock(); self && !ec && !self->finished_) {
      beast::get_lowest_layer(self->ws_).socket().close();
    }
  });
  // The read loop may have stopped already (it does once the phase is closing), so the end of
  // the close handshake is where the connection is finished: out of its room, signed out.
  ws_.async_close(reason, [self = shared_from_this()](error_code) { self->finish(); });
}

bool WsSession::attach(std::shared_ptr<app::RoomHost> room) {
  std::lock_guard lock(mutex_);
  if (closing_) return false;
  room_ = std::move(room);
  return true;
}

void WsSession::detach() {
  {
    std::lock_guard lock(mutex_);
    room_.reset();
  }
  // Back to choosing how to join.
  asio::post(ws_.get_executor(), [self = shared_from_this()] { self->back_to_authenticating(); });
}

std::shared_ptr<app::RoomHost> WsSession::current_room() const {
  std::lock_guard lock(mutex_);
  return room_;
}

void WsSession::finish() {
  if (finished_) return;
  finished_ = true;
  phase_ = Phase::closing;
  deadline_.cancel();
  std::shared_ptr<app::RoomHost> room;
  CloseCode code;
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    queue_.clear();
    voice_queue_.clear();
    queued_bytes_ = 0;
    room = std::move(room_);
    code = close_code_;
  }
  signed_out(code, room, ending_);
}

}  // namespace moim::net
