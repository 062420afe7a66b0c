#pragma once
// Accepts TCP connections and starts an HttpSession for each, on its own strand.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

namespace moim::app {
class Hub;
}
namespace moim::api {
class Router;
}

namespace moim::net {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens; throws boost::system::system_error if the address is unusable. With a
  // `tls` context every connection must speak TLS (it outlives the listener and its sessions).
  // `api` answers /api/... requests.
  Listener(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint, app::Hub& hub,
           const api::Router& api, boost::asio::ssl::context* tls = nullptr);
  void run();
  void stop();
  boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

 private:
  void accept_next();
  void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  app::Hub& hub_;
  const api::Router& api_;
  boost::asio::ssl::context* tls_;
};

}  // namespace moim::net
