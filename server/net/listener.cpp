#include "net/listener.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "net/http_session.hpp"

namespace moim::net {

namespace asio = boost::asio;
using boost::system::error_code;

Listener::Listener(asio::io_context& io, asio::ip::tcp::endpoint endpoint, app::Hub& hub)
    : io_(io), acceptor_(asio::make_strand(io)), hub_(hub) {
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
    self->acceptor_.close(ignored);
  });
}

void Listener::accept_next() {
  acceptor_.async_accept(asio::make_strand(io_),
                         [self = shared_from_this()](error_code ec, asio::ip::tcp::socket socket) {
                           if (ec == asio::error::operation_aborted) return;
                           if (ec) {
                             // Out of file descriptors and the like: keep serving the connections
                             // we have.
                             spdlog::warn("accept: {}", ec.message());
                           } else {
                             socket.set_option(asio::ip::tcp::no_delay(true), ec);
                             std::make_shared<HttpSession>(std::move(socket), self->hub_)->run();
                           }
                           self->accept_next();
                         });
}

}  // namespace moim::net
