#include "moim/client/connection.hpp"

#include <atomic>
#include <deque>
#include <utility>
#include <variant>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <stdexcept>

#include "moim/client/server_address.hpp"
#include "moim/tls/context.hpp"
#include "moim/tls/stream.hpp"

namespace moim::client {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

namespace {

// Connection phases, in order; only the strand reads or writes them.
enum class Phase { idle, connecting, open, closing, closed };

struct Outgoing {
  std::string bytes;
  bool binary = true;
};

bool is_cancellation(const beast::error_code& ec) {
  return ec == net::error::operation_aborted || ec == beast::errc::operation_canceled;
}

}  // namespace

std::string describe(const CloseInfo& info) {
  if (!info.error.empty()) return info.error;
  std::string text = "closed by server (" + std::to_string(info.code) + ")";
  if (!info.reason.empty()) text += ": " + info.reason;
  return text;
}

struct Connection::State {
  State(net::io_context& io, Handlers h, Options o)
      : ws(tls::Stream(net::make_strand(io))),
        resolver(ws.get_executor()),
        handlers(std::move(h)),
        options(std::move(o)) {}

  // Declared before ws so it outlives the TLS stream that uses it (members die in reverse).
  std::unique_ptr<net::ssl::context> tls_context;  // wss:// only
  websocket::stream<tls::Stream> ws;
  tcp::resolver resolver;
  Handlers handlers;
  Options options;
  beast::flat_buffer read_buffer;
  std::deque<Outgoing> queue;  // queue.front() is being written while writing is true
  bool writing = false;
  Phase phase = Phase::idle;
  std::string local_error;  // why we are closing, when it was our decision
  std::atomic<bool> open_snapshot{false};
  std::atomic<std::uint64_t> voice_dropped{0};
};

std::shared_ptr<Connection> Connection::create(net::io_context& io, Handlers handlers) {
  return create(io, std::move(handlers), Options{});
}

std::shared_ptr<Connection> Connection::create(net::io_context& io, Handlers handlers,
                                               Options options) {
  return std::shared_ptr<Connection>(new Connection(io, std::move(handlers), std::move(options)));
}

Connection::Connection(net::io_context& io, Handlers handlers, Options options)
    : state_(std::make_unique<State>(io, std::move(handlers), std::move(options))) {}

Connection::~Connection() = default;

bool Connection::is_open() const {
  return state_->open_snapshot.load();
}

void Connection::connect(std::string host, std::uint16_t port, std::chrono::milliseconds timeout) {
  net::post(state_->ws.get_executor(), [self = shared_from_this(), host = std::move(host), port,
                                        timeout]() mutable {
    State& s = *self->state_;
    if (s.phase != Phase::idle) return;
    s.phase = Phase::connecting;
    // One deadline for connect and handshake, so a server that accepts but never answers the
    // upgrade still fails in time. (Name resolution has no deadline; hosts are usually IPs,
    // and "localhost" never reaches the resolver: name_to_resolve.)
    beast::get_lowest_layer(s.ws).expires_after(timeout);
    s.resolver.async_resolve(
        name_to_resolve(host), std::to_string(port),
        [self, host, port](beast::error_code ec, const tcp::resolver::results_type& results) {
          State& st = *self->state_;
          if (st.phase != Phase::connecting) return;
          if (ec) {
            self->finish({0, {}, "cannot resolve " + host + ": " + ec.message()});
            return;
          }
          beast::get_lowest_layer(st.ws).async_connect(results, [self, host, port](
                                                                    beast::error_code cec,
                                                                    const tcp::endpoint&) {
            if (self->state_->phase != Phase::connecting) return;
            if (cec) {
              const std::string what =
                  cec == beast::error::timeout ? std::string("timed out") : cec.message();
              self->finish(
                  {0, {}, "cannot connect to " + host + ":" + std::to_string(port) + ": " + what});
              return;
            }
            // Moves are tiny and must not wait for Nagle's algorithm to batch them.
            beast::error_code ignored;
            beast::get_lowest_layer(self->state_->ws)
                .socket()
                .set_option(tcp::no_delay(true), ignored);
            if (self->state_->options.tls) {
              self->start_tls(host, port);
            } else {
              self->start_handshake(host + ":" + std::to_string(port), "/");
            }
          });
        });
  });
}

void Connection::start_tls(std::string host, std::uint16_t port) {
  State& s = *state_;
  try {
    s.tls_context = tls::client_context(s.options.ca_file);
  } catch (const std::runtime_error& e) {
    finish({0, {}, e.what()});
    return;
  }
  s.ws.next_layer().start_tls(*s.tls_context);
  tls::expect_host(s.ws.next_layer().tls(), host);
  // Still under the connect deadline: a server that never finishes the handshake times out.
  s.ws.next_layer().tls().async_handshake(
      net::ssl::stream_base::client, [self = shared_from_this(), host, port](beast::error_code ec) {
        if (self->state_->phase != Phase::connecting) return;
        if (ec) {
          const std::string what =
              ec == beast::error::timeout ? std::string("timed out") : ec.message();
          self->finish({0, {}, "TLS handshake with " + host + " failed: " + what});
          return;
        }
        self->start_handshake(host + ":" + std::to_string(port), "/");
      });
}

void Connection::start_handshake(std::string host_header, std::string target) {
  State& s = *state_;
  s.ws.set_option(websocket::stream_base::decorator(
      [agent = s.options.user_agent](websocket::request_type& req) {
        req.set(beast::http::field::user_agent, agent);
      }));
  s.ws.async_handshake(host_header, target, [self = shared_from_this()](beast::error_code ec) {
    State& st = *self->state_;
    if (st.phase != Phase::connecting) return;
    if (ec) {
      const std::string what =
          ec == beast::error::timeout ? std::string("timed out") : ec.message();
      self->finish({0, {}, "WebSocket handshake failed: " + what});
      return;
    }
    // From here the WebSocket's own timers watch the connection: keep-alive pings at half the
    // idle timeout, and a close if nothing at all arrives for the whole of it.
    beast::get_lowest_layer(st.ws).expires_never();
    websocket::stream_base::timeout t =
        websocket::stream_base::timeout::suggested(beast::role_type::client);
    t.idle_timeout = st.options.idle_timeout;
    t.keep_alive_pings = true;
    st.ws.set_option(t);
    st.ws.read_message_max(proto::kMaxServerMessageBytes);
    st.ws.binary(true);
    st.phase = Phase::open;
    st.open_snapshot = true;
    if (st.handlers.on_open) st.handlers.on_open();
    self->start_read();
    if (!st.queue.empty() && !st.writing) self->write_next();
  });
}

void Connection::start_read() {
  State& s = *state_;
  s.ws.async_read(s.read_buffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    State& st = *self->state_;
    if (ec) {
      // A close frame that arrived counts even when the TCP teardown after it failed (the server
      // may reset the socket before our shutdown, which then reports "not connected").
      if (ec == websocket::error::closed || st.ws.reason().code != websocket::close_code::none) {
        self->finish_with_peer_reason();
      } else if (st.phase == Phase::closing && is_cancellation(ec)) {
        // Our own async_close took over reading the close frame; its handler reports the end.
      } else if (!st.local_error.empty()) {
        self->finish({0, {}, st.local_error});
      } else if (ec == beast::error::timeout) {
        self->finish({0, {}, "the server stopped answering"});
      } else {
        self->finish({0, {}, "connection lost: " + ec.message()});
      }
      return;
    }
    const bool was_text = st.ws.got_text();
    auto data = st.read_buffer.cdata();
    std::string_view bytes(static_cast<const char*>(data.data()), data.size());
    if (st.phase == Phase::open) {
      if (was_text) {
        self->close_with_error("the server sent a text frame; moim speaks binary envelopes");
      } else {
        auto decoded = proto::decode_envelope(bytes, proto::kMaxServerMessageBytes);
        if (auto* error = std::get_if<proto::DecodeError>(&decoded)) {
          self->close_with_error("the server sent a bad message: " + error->message);
        } else if (st.handlers.on_message) {
          st.handlers.on_message(std::move(std::get<v1::Envelope>(decoded)));
        }
      }
    }
    st.read_buffer.consume(st.read_buffer.size());
    // Keep reading while closing: the close handshake completes through the read.
    if (st.phase == Phase::open || st.phase == Phase::closing) self->start_read();
  });
}

void Connection::send(const v1::Envelope& envelope) {
  send_raw(proto::encode(envelope), true);
}

void Connection::send_raw(std::string bytes, bool binary) {
  net::post(state_->ws.get_executor(),
            [self = shared_from_this(), bytes = std::move(bytes), binary]() mutable {
              self->enqueue(std::move(bytes), binary);
            });
}

void Connection::send_voice(const v1::Envelope& envelope) {
  net::post(state_->ws.get_executor(),
            [self = shared_from_this(), bytes = proto::encode(envelope)]() mutable {
              self->enqueue_voice(std::move(bytes));
            });
}

std::uint64_t Connection::voice_dropped() const {
  return state_->voice_dropped.load();
}

void Connection::enqueue_voice(std::string bytes) {
  State& s = *state_;
  if (s.phase != Phase::open) return;  // voice from before the handshake would be stale
  if (s.queue.size() >= kMaxQueuedVoice) {
    ++s.voice_dropped;
    return;
  }
  s.queue.push_back({std::move(bytes), true});
  if (!s.writing) write_next();
}

void Connection::enqueue(std::string bytes, bool binary) {
  State& s = *state_;
  // Sends before the handshake wait in the queue; sends after a close are dropped.
  if (s.phase != Phase::idle && s.phase != Phase::connecting && s.phase != Phase::open) return;
  if (s.queue.size() >= kMaxQueuedMessages) {
    close_with_error("the send queue is full: the server is not reading");
    return;
  }
  s.queue.push_back({std::move(bytes), binary});
  if (s.phase == Phase::open && !s.writing) write_next();
}

void Connection::write_next() {
  State& s = *state_;
  if (s.queue.empty() || s.phase != Phase::open) {
    s.writing = false;
    return;
  }
  s.writing = true;
  s.ws.binary(s.queue.front().binary);
  s.ws.async_write(net::buffer(s.queue.front().bytes),
                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                     State& st = *self->state_;
                     st.writing = false;
                     if (!st.queue.empty()) st.queue.pop_front();
                     if (ec) {
                       // The read side reports the end; a failed write only stops writing.
                       if (!is_cancellation(ec) && st.phase == Phase::open) {
                         self->close_with_error("send failed: " + ec.message());
                       }
                       return;
                     }
                     self->write_next();
                   });
}

void Connection::close(std::string reason) {
  close_with(static_cast<std::uint16_t>(websocket::close_code::normal), std::move(reason));
}

void Connection::leave(std::string reason) {
  close_with(static_cast<std::uint16_t>(websocket::close_code::going_away), std::move(reason));
}

void Connection::close_with(std::uint16_t code, std::string reason) {
  net::post(
      state_->ws.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
        State& s = *self->state_;
        switch (s.phase) {
          case Phase::idle:
            self->finish({0, {}, "closed before connecting"});
            return;
          case Phase::connecting:
            s.local_error = "connection attempt abandoned";
            self->finish({0, {}, s.local_error});
            return;
          case Phase::open:
            break;
          case Phase::closing:
          case Phase::closed:
            return;
        }
        s.phase = Phase::closing;
        s.open_snapshot = false;
        // Drop what was not yet started; the write in flight (if any) finishes on its own.
        if (s.writing) {
          s.queue.erase(s.queue.begin() + 1, s.queue.end());
        } else {
          s.queue.clear();
        }
        s.ws.async_close(websocket::close_reason(static_cast<websocket::close_code>(code), reason),
                         [self](beast::error_code ec) { self->on_closed(ec); });
      });
}

void Connection::close_with_error(std::string error_text) {
  State& s = *state_;
  if (s.phase != Phase::open) {
    finish({0, {}, std::move(error_text)});
    return;
  }
  s.phase = Phase::closing;
  s.open_snapshot = false;
  s.local_error = std::move(error_text);
  s.queue.erase(s.writing ? s.queue.begin() + 1 : s.queue.begin(), s.queue.end());
  // A close reason is at most 123 bytes; the texts here are short ASCII.
  std::string reason = s.local_error.substr(0, 120);
  s.ws.async_close(websocket::close_reason(websocket::close_code::protocol_error, reason),
                   [self = shared_from_this()](beast::error_code ec) { self->on_closed(ec); });
}

void Connection::on_closed(const beast::error_code& ec) {
  State& s = *state_;
  if (!ec) {
    finish_with_peer_reason();
  } else {
    finish({0, {}, s.local_error.empty() ? "close failed: " + ec.message() : s.local_error});
  }
}

void Connection::finish_with_peer_reason() {
  State& s = *state_;
  const auto& reason = s.ws.reason();
  finish({static_cast<int>(reason.code), std::string(reason.reason.data(), reason.reason.size()),
          s.local_error});
}

void Connection::finish(CloseInfo info) {
  State& s = *state_;
  if (s.phase == Phase::closed) return;
  s.phase = Phase::closed;
  s.open_snapshot = false;
  s.queue.clear();
  // Cancel whatever is still pending (resolve, connect, handshake, timers) so that no handler
  // keeps the connection alive after its end has been reported.
  s.resolver.cancel();
  beast::error_code ignored;
  beast::get_lowest_layer(s.ws).socket().close(ignored);
  auto on_close = std::move(s.handlers.on_close);
  s.handlers = {};  // the owner's callbacks often capture the owner; let go of them
  if (on_close) on_close(info);
}

}  // namespace moim::client
