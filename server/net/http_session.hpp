#pragma once
// Plain HTTP on the game port: reads requests, answers /healthz, /metrics and the host API
// (/api/..., routed by api::Router), and hands WebSocket upgrade requests to a WsSession. Bodies
// and headers are size-limited and every read has a deadline, so a slow-loris client cannot hold a
// connection open.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>

namespace moim::app {
class Hub;
}

namespace moim::net {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Answers one plain HTTP request (everything but the WebSocket upgrade).
HttpResponse route_http(const HttpRequest& request, app::Hub& hub);

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, app::Hub& hub);
  void run();

 private:
  void read_request();
  void on_read(boost::system::error_code ec, std::size_t bytes);
  void on_write(bool keep_alive, boost::system::error_code ec, std::size_t bytes);
  void drain();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  app::Hub& hub_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<HttpResponse> response_;
};

}  // namespace moim::net
