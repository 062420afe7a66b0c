#pragma once
// Accepts TCP connections and starts an HttpSession for each, on its own strand.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "net/http_session.hpp"

namespace moim::net {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens; throws boost::system::system_error if the address is unusable. With a
  // `parts.tls` context every connection must speak TLS. `parts.api` answers /api/... requests;
  // `parts.programme` the study-group and hall requests of sessions.
  Listener(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint,
           const HttpParts& parts);
  void run();
  void stop();
  boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

 private:
  void accept_next();
  void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  HttpParts parts_;
};

}  // namespace moim::net
