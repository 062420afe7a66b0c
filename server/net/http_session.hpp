#pragma once
// HTTP on the game port: reads requests, answers /healthz, /metrics (behind a bearer token when
// --metrics-token is set) and the host API (/api/..., routed by api::Router on the path as
// sent), and hands WebSocket upgrade requests to a WsSession. Bodies
// and headers are size-limited and every read has a deadline, so a slow-loris client cannot hold a
// connection open.
//
// With a TLS context the first bytes decide: a TLS ClientHello gets the handshake and then the
// same HTTP code over TLS (https://, and wss:// after the upgrade); anything else is answered 400
// and closed, so no secret ever crosses a TLS server's port in the clear.
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>

#include "moim/tls/stream.hpp"

namespace moim {
struct Metrics;
struct ServerConfig;
}  // namespace moim
namespace moim::app {
class Hub;
class ProgrammeService;
}  // namespace moim::app
namespace moim::api {
class Router;
}

namespace moim::net {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// What the HTTP connections work with, handed down by the listener from whoever starts the
// server (boot/server.cpp). Each outlives the listener and its sessions.
struct HttpParts {
  app::Hub& hub;                             // handed to the WebSocket sessions it starts
  app::ProgrammeService& programme;          // likewise
  const api::Router& api;                    // answers /api/...
  const ServerConfig& config;                // request deadlines, the metrics token
  Metrics& metrics;                          // what /metrics shows
  boost::asio::ssl::context* tls = nullptr;  // null: plain HTTP and WebSocket only
};

// Answers one plain HTTP request (everything but the WebSocket upgrade).
HttpResponse route_http(const HttpRequest& request, const HttpParts& parts);

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, const HttpParts& parts);
  void run();

 private:
  void detect_tls();
  void on_detect(boost::system::error_code ec, bool is_tls);
  void on_handshake(boost::system::error_code ec, std::size_t buffered_bytes_used);
  void read_request();
  void on_read(boost::system::error_code ec, std::size_t bytes);
  void on_write(bool keep_alive, boost::system::error_code ec, std::size_t bytes);
  void drain();

  tls::Stream stream_;
  boost::beast::flat_buffer buffer_;
  HttpParts parts_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<HttpResponse> response_;
};

}  // namespace moim::net
