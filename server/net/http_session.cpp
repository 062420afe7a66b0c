#include "net/http_session.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "api/api.hpp"
#include "api/router.hpp"
#include "app/config.hpp"
#include "app/metrics.hpp"
#include "core/secret_hash.hpp"
#include "net/ws_session.hpp"

namespace moim::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

namespace {

constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBodyBytes = 1024 * 1024;  // the host API's largest upload (CSV)
constexpr std::chrono::seconds kLingerTime{2};

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

namespace {

HttpResponse to_http(const HttpRequest& request, api::ApiResponse answer) {
  HttpResponse response = text_response(request, static_cast<http::status>(answer.status),
                                        std::move(answer.body), answer.content_type);
  for (const auto& [name, value] : answer.headers) response.set(name, value);
  if (request.method() == http::verb::head) response.body().clear();
  return response;
}

HttpResponse route_api(const HttpRequest& request, const api::Router& router) {
  const std::string_view target = request.target();
  const auto question = target.find('?');
  const auto path = target.substr(0, question);
  // The router matches the path as sent (see api/router.hpp); a malformed escape anywhere in it
  // is still a bad request rather than an unknown path.
  auto query = api::parse_query(question == std::string_view::npos ? std::string_view{}
                                                                   : target.substr(question + 1));
  if (!api::percent_decode(path) || !query) {
    return to_http(request, api::ApiResponse::error(400, "bad_request", "malformed URL escape"));
  }
  api::ApiRequest api_request;
  api_request.method = std::string(request.method_string());
  api_request.path = std::string(path);
  api_request.query = std::move(*query);
  api_request.authorization = std::string(request[http::field::authorization]);
  api_request.content_type = std::string(request[http::field::content_type]);
  api_request.body = request.body();
  return to_http(request, router.handle(std::move(api_request)));
}

// With --metrics-token set, /metrics needs it as a bearer token; without, it is open (the
// server listens on loopback unless told otherwise). Compared by SHA-256 so the time taken
// says nothing about how much of a guess was right.
bool metrics_allowed(const HttpRequest& request, const ServerConfig& config) {
  if (config.metrics_token.empty()) return true;
  const auto token = api::bearer_token(request[http::field::authorization]);
  return !token.empty() && sha256_hex(token) == sha256_hex(config.metrics_token);
}

HttpResponse metrics(const HttpRequest& request, const HttpParts& parts) {
  if (!metrics_allowed(request, parts.config)) {
    auto response = text_response(request, http::status::unauthorized,
                                  "/metrics needs Authorization: Bearer <metrics token>\n");
    response.set(http::field::www_authenticate, "Bearer realm=\"moim metrics\"");
    return response;
  }
  return text_response(request, http::status::ok, parts.metrics.render_prometheus(),
                       prometheus_content_type);
}

}  // namespace

HttpResponse route_http(const HttpRequest& request, const HttpParts& parts) {
  const auto target = request.target();
  if (target.starts_with("/api/")) return route_api(request, parts.api);
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    return text_response(request, http::status::method_not_allowed, "method not allowed\n");
  }
  if (target == "/healthz") return text_response(request, http::status::ok, "ok\n");
  if (target == "/metrics") return metrics(request, parts);
  return text_response(request, http::status::not_found, "not found\n");
}

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, const HttpParts& parts)
    : stream_(beast::tcp_stream(std::move(socket))), parts_(parts) {}

void HttpSession::run() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (self->parts_.tls) {
      self->detect_tls();
    } else {
      self->read_request();
    }
  });
}

void HttpSession::detect_tls() {
  // The same deadline as a request: a client that connects and says nothing, or stalls in the
  // handshake, is dropped.
  stream_.next_layer().expires_after(parts_.config.http_timeout);
  beast::async_detect_ssl(
      stream_.next_layer(), buffer_,
      [self = shared_from_this()](error_code ec, bool is_tls) { self->on_detect(ec, is_tls); });
}

void HttpSession::on_detect(error_code ec, bool is_tls) {
  if (ec) return;
  if (!is_tls) return read_request();  // plain HTTP on a TLS port: answered 400 in on_read
  stream_.start_tls(*parts_.tls);
  // The bytes detect_ssl read are the start of the ClientHello: the handshake goes on from them.
  // (Beast 1.81 checks this handler against the unbuffered signature too, hence the default.)
  stream_.tls().async_handshake(asio::ssl::stream_base::server, buffer_.data(),
                                [self = shared_from_this()](error_code hec, std::size_t used = 0) {
                                  self->on_handshake(hec, used);
                                });
}

void HttpSession::on_handshake(error_code ec, std::size_t buffered_bytes_used) {
  if (ec) {
    spdlog::debug("TLS handshake: {}", ec.message());
    return;
  }
  buffer_.consume(buffered_bytes_used);
  read_request();
}

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(kMaxHeaderBytes);
  parser_->body_limit(kMaxBodyBytes);
  stream_.next_layer().expires_after(parts_.config.http_timeout);  // slow-loris requests end here
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](error_code ec, std::size_t bytes) { self->on_read(ec, bytes); });
}

void HttpSession::on_read(error_code ec, std::size_t) {
  if (ec) {
    // Oversized or malformed requests get a 413 or 400 when the socket still works; timeouts
    // and disconnects just end.
    if (ec == http::error::header_limit || ec == http::error::body_limit ||
        ec == http::error::bad_target || ec == http::error::bad_method) {
      HttpRequest dummy{http::verb::get, "/", 11};
      const bool too_large = ec == http::error::body_limit;
      response_ = std::make_shared<HttpResponse>(
          too_large ? text_response(dummy, http::status::payload_too_large,
                                    "request body larger than 1 MiB\n")
                    : text_response(dummy, http::status::bad_request, "bad request\n"));
      response_->keep_alive(false);
      http::async_write(stream_, *response_,
                        [self = shared_from_this()](error_code wec, std::size_t n) {
                          self->on_write(false, wec, n);
                        });
    }
    return;
  }
  HttpRequest request = parser_->release();
  if (parts_.tls && !stream_.is_tls()) {
    response_ = std::make_shared<HttpResponse>(text_response(
        request, http::status::bad_request, "this port speaks TLS: use https:// or wss://\n"));
    response_->keep_alive(false);
  } else if (beast::websocket::is_upgrade(request)) {
    if (request.target() != "/" && request.target() != "/ws") {
      response_ = std::make_shared<HttpResponse>(
          text_response(request, http::status::not_found, "WebSocket endpoint is /ws\n"));
    } else {
      std::make_shared<WsSession>(std::move(stream_), parts_.hub, parts_.programme)
          ->run(std::move(request));
      return;
    }
  } else {
    response_ = std::make_shared<HttpResponse>(route_http(request, parts_));
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
    stream_.next_layer().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    stream_.next_layer().expires_after(kLingerTime);
    drain();
    return;
  }
  read_request();
}

// A client whose upload was refused early (413) may still be sending. Closing a socket with unread
// data makes the kernel send a reset, which can destroy the answer before the client reads it; so
// read and discard until the client closes or the linger deadline passes.
void HttpSession::drain() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(4096),
                          [self = shared_from_this()](error_code ec, std::size_t) {
                            if (!ec) self->drain();
                          });
}

}  // namespace moim::net
