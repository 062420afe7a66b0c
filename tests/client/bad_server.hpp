#pragma once
// Servers that misbehave, for the client's bad-input tests: real sockets on an ephemeral loopback
// port, written with Asio and Beast, one io_context thread. Each accepted connection gets the same
// misbehaviour. The destructor stops everything, whatever the client did.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace moim::test {

enum class Misbehaviour {
  silent_tcp,         // accepts TCP and says nothing, not even to the upgrade request
  garbage_handshake,  // answers the upgrade request with bytes that are not HTTP
  garbage_frames,     // completes the WebSocket handshake, then sends binary non-protobuf frames
  half_frame,         // completes the handshake, writes half a frame on the raw socket, closes
  silent_websocket,   // completes the handshake, answers pings, never sends a message (no Welcome)
  frozen_websocket,   // completes the handshake, then neither reads nor writes (no pongs either)
};

// The bytes of a string literal, embedded NULs included, without the terminating one.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

class BadServer {
 public:
  explicit BadServer(Misbehaviour how)
      : how_(how),
        acceptor_(io_,
                  boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~BadServer() {
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }
  BadServer(const BadServer&) = delete;
  BadServer& operator=(const BadServer&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  int accepted() const { return accepted_.load(); }

 private:
  using tcp = boost::asio::ip::tcp;
  using Ws = boost::beast::websocket::stream<tcp::socket>;

  // State of one connection, kept alive by the handlers that use it (and by held_).
  struct Conn {
    explicit Conn(tcp::socket s) : ws(std::move(s)) {}
    Ws ws;
    boost::asio::streambuf request;
    boost::beast::flat_buffer buffer;
    std::string out;
  };

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;
      ++accepted_;
      serve(std::make_shared<Conn>(std::move(socket)));
      accept();
    });
  }

  void serve(const std::shared_ptr<Conn>& c) {
    held_.push_back(c);  // nothing here ever lets go of a connection before the server ends
    switch (how_) {
      case Misbehaviour::silent_tcp:
        return;
      case Misbehaviour::garbage_handshake:
        boost::asio::async_read_until(
            c->ws.next_layer(), c->request, "\r\n\r\n",
            [c](boost::system::error_code ec, std::size_t) {
              if (ec) return;
              c->out = bytes("\x16\x03\x01\x00\xff\xfe garbage, not HTTP\r\n\r\n");
              boost::asio::async_write(c->ws.next_layer(), boost::asio::buffer(c->out),
                                       [c](boost::system::error_code, std::size_t) {});
            });
        return;
      default:
        break;
    }
    c->ws.async_accept([this, c](boost::system::error_code ec) {
      if (ec) return;
      after_handshake(c);
    });
  }

  void after_handshake(const std::shared_ptr<Conn>& c) {
    switch (how_) {
      case Misbehaviour::garbage_frames:
        c->out = bytes("\xff\xff\xff\xff\x0f not a protobuf envelope \x00\x01");
        c->ws.binary(true);
        c->ws.async_write(boost::asio::buffer(c->out),
                          [c](boost::system::error_code ec, std::size_t) {
                            if (!ec) read_forever(c);
                          });
        return;
      case Misbehaviour::half_frame: {
        // A binary frame header announcing 100 payload bytes, then 10 of them, then the end.
        c->out = bytes("\x82\x64") + std::string(10, 'x');
        boost::asio::async_write(c->ws.next_layer(), boost::asio::buffer(c->out),
                                 [c](boost::system::error_code, std::size_t) {
                                   boost::system::error_code ignored;
                                   c->ws.next_layer().shutdown(tcp::socket::shutdown_both, ignored);
                                   c->ws.next_layer().close(ignored);
                                 });
        return;
      }
      case Misbehaviour::silent_websocket:
        read_forever(c);
        return;
      default:
        return;  // frozen: the socket stays open, nobody reads it
    }
  }

  // Reading is what answers pings and completes a close; what arrives is thrown away.
  static void read_forever(const std::shared_ptr<Conn>& c) {
    c->ws.async_read(c->buffer, [c](boost::system::error_code ec, std::size_t) {
      if (ec) return;
      c->buffer.consume(c->buffer.size());
      read_forever(c);
    });
  }

  Misbehaviour how_;
  boost::asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
  std::atomic<int> accepted_{0};
  std::vector<std::shared_ptr<Conn>> held_;  // touched only on the io thread
};

}  // namespace moim::test
