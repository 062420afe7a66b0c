#include "net/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "app/hub.hpp"
#include "net/ws_session.hpp"

namespace moim::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

namespace {

constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBodyBytes = 1024 * 1024;  // the host API's largest upload (CSV)
constexpr auto kReadTimeout = std::chrono::seconds(10);

HttpResponse text_response(const HttpRequest& request, http::status status, std::string body,
                           std::string_view content_type = "text/plain; charset=utf-8") {
  HttpResponse response{status, request.version()};
  response.set(http::field::server, "moim");
  response.set(http::field::content_type, content_type);
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

}  // namespace

HttpResponse route_http(const HttpRequest& request, app::Hub& hub) {
  const auto target = request.target();
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    return text_response(request, http::status::method_not_allowed, "method not allowed\n");
  }
  if (target == "/healthz") return text_response(request, http::status::ok, "ok\n");
  if (target == "/metrics") {
    return text_response(request, http::status::ok, hub.metrics().render_prometheus(),
                         prometheus_content_type);
  }
  return text_response(request, http::status::not_found, "not found\n");
}

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, app::Hub& hub)
    : stream_(std::move(socket)), hub_(hub) {}

void HttpSession::run() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(kMaxHeaderBytes);
  parser_->body_limit(kMaxBodyBytes);
  stream_.expires_after(kReadTimeout);
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](error_code ec, std::size_t bytes) { self->on_read(ec, bytes); });
}

void HttpSession::on_read(error_code ec, std::size_t) {
  if (ec) {
    // Oversized or malformed requests get a 400 when the socket still works; timeouts and
    // disconnects just end.
    if (ec == http::error::header_limit || ec == http::error::body_limit ||
        ec == http::error::bad_target || ec == http::error::bad_method) {
      HttpRequest dummy{http::verb::get, "/", 11};
      response_ = std::make_shared<HttpResponse>(
          text_response(dummy, http::status::bad_request, "bad request\n"));
      response_->keep_alive(false);
      http::async_write(stream_, *response_,
                        [self = shared_from_this()](error_code wec, std::size_t n) {
                          self->on_write(false, wec, n);
                        });
    }
    return;
  }
  HttpRequest request = parser_->release();
  if (beast::websocket::is_upgrade(request)) {
    if (request.target() != "/" && request.target() != "/ws") {
      response_ = std::make_shared<HttpResponse>(
          text_response(request, http::status::not_found, "WebSocket endpoint is /ws\n"));
    } else {
      std::make_shared<WsSession>(std::move(stream_), hub_)->run(std::move(request));
      return;
    }
  } else {
    response_ = std::make_shared<HttpResponse>(route_http(request, hub_));
  }
  const bool keep_alive = response_->keep_alive();
  http::async_write(stream_, *response_,
                    [self = shared_from_this(), keep_alive](error_code wec, std::size_t n) {
                      self->on_write(keep_alive, wec, n);
                    });
}

void HttpSession::on_write(bool keep_alive, error_code ec, std::size_t) {
  response_.reset();
  if (ec) return;
  if (!keep_alive) {
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    return;
  }
  read_request();
}

}  // namespace moim::net
