#include "bot.hpp"

#include <boost/asio/connect.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>
#include <variant>

#include "moim/proto/envelope.hpp"
#include "peek.hpp"

namespace moim::loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

namespace {

// The first byte of an Envelope pushed with request_id 0 is the tag of its body: field number
// << 3 | 2 (length-delimited). These two are the bulk of what a bot receives.
constexpr unsigned char kFrameTag = (3 << 3) | 2;
constexpr unsigned char kChatTag = (9 << 3) | 2;
constexpr std::size_t kMaxOutbox = 8;
constexpr std::size_t kKeepBuffer = 64 * 1024;  // a join snapshot may be larger; give it back

std::uint64_t wire_size(std::size_t payload) {
  const std::size_t header = payload < 126 ? 2 : payload < 65536 ? 4 : 10;
  return payload + header;
}

v1::Direction to_proto(world::Direction d) {
  return static_cast<v1::Direction>(static_cast<int>(d));
}

}  // namespace

Bot::Bot(BotThread& thread, std::string name, Walker walker)
    : thread_(thread), name_(std::move(name)), walker_(walker), ws_(thread.io) {}

void Bot::start(BotTarget target, JoinDone done) {
  phase_ = Phase::connecting;
  room_ = std::move(target.room);
  join_done_ = std::move(done);
  started_ = Clock::now();
  auto& socket = ws_.next_layer();
  error_code ec;
  socket.open(target.server.protocol(), ec);
  if (!ec && target.source) socket.bind({*target.source, 0}, ec);
  if (ec) return fail_join();
  socket.async_connect(target.server, [self = shared_from_this(), target](error_code cec) {
    if (cec || self->stopping_) return self->fail_join();
    error_code ignored;
    self->ws_.next_layer().set_option(asio::ip::tcp::no_delay(true), ignored);
    self->ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    self->ws_.read_message_max(proto::kMaxServerMessageBytes);
    self->ws_.binary(true);
    const auto host =
        target.server.address().to_string() + ":" + std::to_string(target.server.port());
    self->ws_.async_handshake(host, "/ws", [self](error_code hec) {
      if (hec || self->stopping_) return self->fail_join();
      self->phase_ = Phase::greeting;
      v1::Envelope hello;
      hello.set_request_id(self->next_request_++);
      hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
      hello.mutable_hello()->set_client("moim-loadgen/0.1");
      self->send(hello);
      self->read_next();
    });
  });
}

void Bot::fail_join() {
  const bool was_joining = phase_ != Phase::joined && phase_ != Phase::closed;
  phase_ = Phase::closed;
  error_code ignored;
  ws_.next_layer().close(ignored);
  if (was_joining && !stopping_) {
    ++thread_.counters.join_failed;
    if (join_done_) std::exchange(join_done_, nullptr)(false);
  }
}

void Bot::read_next() {
  ws_.async_read(buffer_, [self = shared_from_this()](error_code ec, std::size_t) {
    if (ec) {
      if (self->phase_ == Phase::joined && !self->stopping_) ++self->thread_.counters.disconnects;
      return self->fail_join();
    }
    const auto data = self->buffer_.cdata();
    self->on_message({static_cast<const char*>(data.data()), data.size()});
    self->buffer_.consume(self->buffer_.size());
    if (self->buffer_.capacity() > kKeepBuffer) self->buffer_.shrink_to_fit();
    if (self->phase_ != Phase::closed) self->read_next();
  });
}

void Bot::on_message(std::string_view bytes) {
  auto& counters = thread_.counters;
  counters.messages.fetch_add(1, std::memory_order_relaxed);
  counters.wire_bytes.fetch_add(wire_size(bytes.size()), std::memory_order_relaxed);
  if (!bytes.empty()) {
    const auto first = static_cast<unsigned char>(bytes.front());
    if (first == kFrameTag) {
      counters.frames.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (first == kChatTag) return;
  }
  if (phase_ == Phase::joining) {
    if (auto pos = joined_position(bytes)) return joined(*pos);
  }
  auto decoded = proto::decode_envelope(bytes, proto::kMaxServerMessageBytes);
  if (auto* envelope = std::get_if<v1::Envelope>(&decoded)) handle(*envelope);
}

void Bot::handle(const v1::Envelope& envelope) {
  switch (envelope.body_case()) {
    case v1::Envelope::kWelcome: {
      phase_ = Phase::joining;
      v1::Envelope join;
      join.set_request_id(next_request_++);
      join.mutable_join()->set_display_name(name_);
      join.mutable_join()->set_room(room_);
      return send(join);
    }
    case v1::Envelope::kJoined: {
      const auto& you = envelope.joined().room().you();
      return joined({you.x(), you.y()});
    }
    case v1::Envelope::kMoveCorrection: {
      const auto& where = envelope.move_correction();
      walker_.place({where.x(), where.y()});
      ++thread_.counters.corrections;
      return;
    }
    case v1::Envelope::kError:
      if (phase_ != Phase::joined) return fail_join();  // refused: counted as a failed join
      ++thread_.counters.errors;
      return;
    default:
      return;  // acks, notices, online lists: nothing to do
  }
}

void Bot::joined(world::TilePos you) {
  walker_.place(you);
  phase_ = Phase::joined;
  ++thread_.counters.joined;
  if (thread_.join_latency) {
    thread_.join_latency->add(
        std::chrono::duration<double, std::milli>(Clock::now() - started_).count());
  }
  if (join_done_) std::exchange(join_done_, nullptr)(true);
}

void Bot::step() {
  if (phase_ != Phase::joined) return;
  // A starved load generator fires late ticks in a row; a person never steps faster than the
  // walking speed, so neither does a bot (the server would refuse the step as too fast).
  const auto now = Clock::now();
  if (now - last_step_ < std::chrono::milliseconds(90)) return;
  if (writing_) {
    thread_.counters.moves_skipped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  last_step_ = now;
  const Step next = walker_.next(thread_.rng);
  v1::Envelope move;
  auto* m = move.mutable_move();
  m->set_x(next.to.x);
  m->set_y(next.to.y);
  m->set_facing(to_proto(next.facing));
  m->set_seq(++seq_);
  send(move);
  thread_.counters.moves_sent.fetch_add(1, std::memory_order_relaxed);
}

void Bot::chat(const std::string& text) {
  if (phase_ != Phase::joined || outbox_.size() >= kMaxOutbox) return;
  v1::Envelope chat;
  chat.set_request_id(next_request_++);
  chat.mutable_send_chat()->set_scope(v1::CHAT_SCOPE_NEARBY);
  chat.mutable_send_chat()->set_text(text);
  send(chat);
  ++thread_.counters.chats_sent;
}

void Bot::send(const v1::Envelope& envelope) {
  outbox_.push_back(proto::encode(envelope));
  if (!writing_) write_next();
}

void Bot::write_next() {
  if (outbox_.empty() || phase_ == Phase::closed) {
    writing_ = false;
    return;
  }
  writing_ = true;
  ws_.async_write(asio::buffer(outbox_.front()),
                  [self = shared_from_this()](error_code ec, std::size_t) {
                    self->outbox_.pop_front();
                    if (ec) {
                      self->writing_ = false;
                      self->outbox_.clear();
                      return;  // the read side sees the end
                    }
                    self->write_next();
                  });
}

void Bot::stop() {
  if (phase_ == Phase::closed) return;
  stopping_ = true;
  phase_ = Phase::closed;
  error_code ignored;
  ws_.next_layer().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  ws_.next_layer().close(ignored);
}

}  // namespace moim::loadgen
