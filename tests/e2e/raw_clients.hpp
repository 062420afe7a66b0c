#pragma once
// Clients that misbehave below the moim protocol, for hostile tests: a bare TCP socket that
// sends exactly the bytes it is given, and a WebSocket that joins and then never reads again.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <boost/asio/connect.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "moim/proto/envelope.hpp"

namespace moim::e2e {

// A plain TCP connection to the server on loopback.
class RawTcp {
 public:
  explicit RawTcp(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    EXPECT_TRUE(connected_);
  }
  ~RawTcp() { ::close(fd_); }
  RawTcp(const RawTcp&) = delete;
  RawTcp& operator=(const RawTcp&) = delete;

  // False once the server has closed the connection.
  bool send(std::string_view bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Reads what the server sends until it closes the connection; true if that happens within
  // `timeout`. Everything received is appended to `received`.
  bool closed_within(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[4096];
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return true;  // EOF or reset
      received.append(buffer, static_cast<std::size_t>(n));
    }
  }
  std::string received;

 private:
  int fd_;
  bool connected_ = false;
};

using RawWebSocket = boost::beast::websocket::stream<boost::beast::tcp_stream>;

// Says Hello and asks to join as `name` (a --dev guest) on a bare WebSocket; the answers are left
// for the caller to read, or not.
inline void send_hello_and_join(RawWebSocket& ws, const std::string& name) {
  ws.binary(true);
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  ws.write(boost::asio::buffer(proto::encode(hello)));
  v1::Envelope join;
  join.mutable_join()->set_display_name(name);
  ws.write(boost::asio::buffer(proto::encode(join)));
}

// Joins over a raw WebSocket with a tiny receive window, then never reads (or answers a ping)
// again: to the server it looks like a reader that stalled or a peer that vanished.
class StalledClient {
 public:
  explicit StalledClient(std::uint16_t port, const std::string& name = "느림보") : ws_(io_) {
    namespace asio = boost::asio;
    auto& socket = boost::beast::get_lowest_layer(ws_).socket();
    socket.open(asio::ip::tcp::v4());
    socket.set_option(asio::socket_base::receive_buffer_size(4096));
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    ws_.handshake("127.0.0.1", "/ws");
    send_hello_and_join(ws_, name);
  }

 private:
  boost::asio::io_context io_;
  RawWebSocket ws_;
};

}  // namespace moim::e2e
