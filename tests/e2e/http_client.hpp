#pragma once
// One blocking HTTP/1.1 request to a test server on loopback, for host-API tests:
//   auto r = http_request(port, "POST", "/api/invites", R"({"role":"attendee"})", token);
//   EXPECT_EQ(r.status, 201); auto body = r.json();
// https_request does the same over TLS, verifying the server's certificate against `ca_file`.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "moim/tls/context.hpp"

namespace moim::e2e {

struct HttpResult {
  int status = 0;  // 0: no answer (connection failed or timed out)
  std::string content_type;
  std::string body;
  std::string www_authenticate;

  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

// Writes the request and reads the answer on a connected (plain or TLS) stream.
template <typename Stream>
HttpResult http_exchange(Stream& stream, const std::string& method, const std::string& target,
                         const std::string& body, const std::string& bearer,
                         const std::string& content_type) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "127.0.0.1");
  if (!bearer.empty()) request.set(http::field::authorization, "Bearer " + bearer);
  if (!body.empty()) {
    request.set(http::field::content_type, content_type);
    request.body() = body;
  }
  request.prepare_payload();
  boost::system::error_code ec;
  // A server may answer (413) and stop reading before the whole body is sent; the answer is
  // still there to read.
  http::write(stream, request, ec);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser, ec);
  if (ec) return {};
  auto& response = parser.get();
  return HttpResult{static_cast<int>(response.result_int()),
                    std::string(response[http::field::content_type]), response.body(),
                    std::string(response[http::field::www_authenticate])};
}

inline HttpResult http_request(std::uint16_t port, const std::string& method,
                               const std::string& target, const std::string& body = "",
                               const std::string& bearer = "",
                               const std::string& content_type = "application/json") {
  boost::asio::io_context io;
  boost::beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(10));
  boost::system::error_code ec;
  stream.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return {};
  return http_exchange(stream, method, target, body, bearer, content_type);
}

// status 0 also when the TLS handshake fails (e.g. the certificate is not trusted).
inline HttpResult https_request(std::uint16_t port, const std::string& ca_file,
                                const std::string& method, const std::string& target,
                                const std::string& body = "", const std::string& bearer = "",
                                const std::string& content_type = "application/json") {
  boost::asio::io_context io;
  auto context = tls::client_context(ca_file);
  tls::Stream::tls_stream stream(boost::beast::tcp_stream(io), *context);
  boost::beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
  boost::system::error_code ec;
  boost::beast::get_lowest_layer(stream).connect({boost::asio::ip::make_address("127.0.0.1"), port},
                                                 ec);
  if (ec) return {};
  tls::expect_host(stream, "127.0.0.1");
  stream.handshake(boost::asio::ssl::stream_base::client, ec);
  if (ec) return {};
  return http_exchange(stream, method, target, body, bearer, content_type);
}

}  // namespace moim::e2e
