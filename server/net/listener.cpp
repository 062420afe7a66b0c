#include "net/listener.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "net/http_session.hpp"

namespace moim::net {

namespace asio = boost::asio;
using boost::system::error_code;

Listener::Listener(asio::io_context& io, asio::ip::tcp::endpoint endpoint, const HttpParts& parts)
    : io_(io), acceptor_(asio::make_strand(io)), backoff_(acceptor_.get_executor()), parts_(parts) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Listener::run() {
  accept_next();
}

void Listener::stop() {
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    error_code ignored;
    self->backoff_.cancel();
    self->acceptor_.close(ignored);
  });
}

void Listener::accept_next() {
  acceptor_.async_accept(asio::make_strand(io_),
                         [self = shared_from_this()](error_code ec, asio::ip::tcp::socket socket) {
                           self->on_accept(ec, std::move(socket));
                         });
}

void Listener::on_accept(error_code ec, asio::ip::tcp::socket socket) {
  if (ec == asio::error::operation_aborted) return;
  if (ec) {
    // Out of file descriptors and the like: keep serving the connections we have, and try
    // again shortly instead of spinning on an error that repeats at once.
    spdlog::warn("accept: {}", ec.message());
    backoff_.expires_after(std::chrono::milliseconds(100));
    backoff_.async_wait([self = shared_from_this()](error_code wait_ec) {
      if (!wait_ec) self->accept_next();
    });
    return;
  }
  socket.set_option(asio::ip::tcp::no_delay(true), ec);
  std::make_shared<HttpSession>(std::move(socket), parts_)->run();
  accept_next();
}

}  // namespace moim::net
