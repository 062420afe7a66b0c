#pragma once
// A TCP stream that is either plain or TLS, chosen after it connects: the server looks at the
// first bytes on its one port (a TLS ClientHello or not), a client picks by the address scheme
// (ws:// or wss://). The HTTP and WebSocket code is written once against this type, so ws:// and
// wss:// share every line of session code.
//
// Before start_tls() it reads and writes the TCP stream; after it, the TLS stream over that same
// TCP stream. next_layer() (and so beast::get_lowest_layer) reaches the tcp_stream either way, for
// timeouts and closing the socket.
#include <boost/asio/async_result.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/teardown.hpp>
#include <optional>
#include <utility>

namespace moim::tls {

class Stream {
 public:
  using executor_type = boost::beast::tcp_stream::executor_type;
  using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

  explicit Stream(boost::beast::tcp_stream&& plain) : plain_(std::move(plain)) {}
  explicit Stream(const executor_type& executor) : plain_(executor) {}

  // From now on everything goes through TLS; the handshake is the caller's next step.
  void start_tls(boost::asio::ssl::context& context) { tls_.emplace(std::move(plain_), context); }
  bool is_tls() const { return tls_.has_value(); }
  tls_stream& tls() { return *tls_; }

  executor_type get_executor() { return next_layer().get_executor(); }
  boost::beast::tcp_stream& next_layer() { return tls_ ? tls_->next_layer() : plain_; }
  const boost::beast::tcp_stream& next_layer() const { return tls_ ? tls_->next_layer() : plain_; }

  template <typename Buffers, typename Token>
  auto async_read_some(const Buffers& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
        [this](auto handler, const Buffers& b) {
          if (tls_) {
            tls_->async_read_some(b, std::move(handler));
          } else {
            plain_.async_read_some(b, std::move(handler));
          }
        },
        token, buffers);
  }

  template <typename Buffers, typename Token>
  auto async_write_some(const Buffers& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
        [this](auto handler, const Buffers& b) {
          if (tls_) {
            tls_->async_write_some(b, std::move(handler));
          } else {
            plain_.async_write_some(b, std::move(handler));
          }
        },
        token, buffers);
  }

 private:
  boost::beast::tcp_stream plain_;  // moved into tls_ by start_tls()
  std::optional<tls_stream> tls_;
};

// The WebSocket close handshake's last step, found by argument-dependent lookup: a TLS
// connection sends close_notify first, a plain one just shuts the socket down.
template <typename Handler>
void async_teardown(boost::beast::role_type role, Stream& stream, Handler&& handler) {
  using boost::beast::websocket::async_teardown;
  if (stream.is_tls()) {
    async_teardown(role, stream.tls(), std::forward<Handler>(handler));
  } else {
    async_teardown(role, stream.next_layer().socket(), std::forward<Handler>(handler));
  }
}

inline void teardown(boost::beast::role_type role, Stream& stream, boost::system::error_code& ec) {
  using boost::beast::websocket::teardown;
  if (stream.is_tls()) {
    teardown(role, stream.tls(), ec);
  } else {
    teardown(role, stream.next_layer().socket(), ec);
  }
}

}  // namespace moim::tls
