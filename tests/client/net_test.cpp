// moim::client_net against a tiny in-test Beast WebSocket server on an ephemeral loopback port.
// The fake server echoes every message, answers Ping with a Notice push followed by the Pong
// (so request matching has something to skip), and closes with a reason when asked to.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "moim/client/connection.hpp"
#include "moim/client/server_address.hpp"
#include "moim/client/sync_client.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;
using moim::client::describe;
using moim::client::SyncClient;
namespace v1 = moim::v1;

// A Notice whose text starts with this makes the fake server close with the rest as reason.
constexpr std::string_view kCloseCommand = "close:";

enum class FakeMode { echo, never_upgrade };

// Blocking, one thread per connection: simple enough to trust in a test of the real client.
class FakeServer {
 public:
  explicit FakeServer(FakeMode mode = FakeMode::echo)
      : mode_(mode), acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { accept_loop(); });
  }
  ~FakeServer() {
    // A blocking accept() does not wake when the acceptor is closed from another thread, so
    // knock once to let it see stopping_.
    stopping_ = true;
    beast::error_code ignored;
    tcp::socket knock(io_);
    knock.connect(acceptor_.local_endpoint(), ignored);
    if (thread_.joinable()) thread_.join();
    acceptor_.close(ignored);
    for (auto& t : sessions_) t.join();
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  void accept_loop() {
    while (!stopping_) {
      beast::error_code ec;
      tcp::socket socket(io_);
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      if (mode_ == FakeMode::never_upgrade) {
        held_.push_back(std::move(socket));  // accepted, never answered
        continue;
      }
      sessions_.emplace_back([s = std::move(socket)]() mutable { serve(std::move(s)); });
    }
  }

  static void serve(tcp::socket socket) {
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    websocket::stream<tcp::socket> ws(std::move(socket));
    ws.accept(ec);
    if (ec) return;
    while (true) {
      beast::flat_buffer buffer;
      ws.read(buffer, ec);
      if (ec) return;
      const std::string bytes = beast::buffers_to_string(buffer.data());
      v1::Envelope in;
      if (ws.got_binary() && in.ParseFromString(bytes) && in.has_ping()) {
        v1::Envelope push;
        push.mutable_notice()->set_text("push before the answer");
        v1::Envelope pong;
        pong.set_request_id(in.request_id());
        pong.mutable_pong()->set_client_time_us(in.ping().client_time_us());
        ws.binary(true);
        ws.write(net::buffer(push.SerializeAsString()), ec);
        ws.write(net::buffer(pong.SerializeAsString()), ec);
      } else if (ws.got_binary() && in.ParseFromString(bytes) && in.has_notice() &&
                 in.notice().text().starts_with(kCloseCommand)) {
        const std::string reason = in.notice().text().substr(kCloseCommand.size());
        ws.close(websocket::close_reason(static_cast<websocket::close_code>(4001), reason), ec);
        // Drain until the client's close echo arrives.
        while (!ec) ws.read(buffer, ec);
        return;
      } else {
        ws.binary(ws.got_binary());
        ws.write(buffer.data(), ec);
      }
      if (ec) return;
    }
  }

  FakeMode mode_;
  net::io_context io_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::vector<std::thread> sessions_;
  std::vector<tcp::socket> held_;
};

v1::Envelope notice(const std::string& text) {
  v1::Envelope e;
  e.mutable_notice()->set_text(text);
  return e;
}

v1::Envelope ping(std::uint64_t t) {
  v1::Envelope e;
  e.mutable_ping()->set_client_time_us(t);
  return e;
}

TEST(SyncClient, ConnectsAndEchoes) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  EXPECT_EQ(client.send(notice("안녕하세요")), 1u);
  auto echoed = client.next();
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->request_id(), 1u);
  EXPECT_EQ(echoed->notice().text(), "안녕하세요");
  EXPECT_FALSE(client.closed());
}

TEST(SyncClient, RequestMatchesByIdAndKeepsOtherMessagesQueued) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  EXPECT_EQ(client.send(notice("first")), 1u);
  auto pong = client.request(ping(42));
  ASSERT_TRUE(pong);
  EXPECT_EQ(pong->request_id(), 2u);
  ASSERT_TRUE(pong->has_pong());
  EXPECT_EQ(pong->pong().client_time_us(), 42u);
  // The echo of "first" and the push sent before the pong are still there, in order.
  auto a = client.next();
  auto b = client.next();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->notice().text(), "first");
  EXPECT_EQ(b->notice().text(), "push before the answer");
  EXPECT_EQ(b->request_id(), 0u);
}

TEST(SyncClient, KeepsAnExplicitRequestId) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  auto e = ping(1);
  e.set_request_id(77);
  auto pong = client.request(e);
  ASSERT_TRUE(pong);
  EXPECT_EQ(pong->request_id(), 77u);
}

TEST(SyncClient, WaitForDropsNonMatching) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send(notice("a"));
  client.send(notice("b"));
  client.send(notice("c"));
  auto c = client.wait_for([](const v1::Envelope& e) { return e.notice().text() == "c"; });
  ASSERT_TRUE(c);
  EXPECT_FALSE(client.next(100ms));
}

TEST(SyncClient, RawBytesArriveExactly) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send_raw(notice("raw").SerializeAsString());
  auto echoed = client.next();
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->notice().text(), "raw");
}

TEST(SyncClient, GarbageFromTheServerClosesWithAClearError) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send_raw("\xff\xff\xff not protobuf");  // echoed back: the client must refuse it
  EXPECT_FALSE(client.next());
  ASSERT_TRUE(client.wait_closed(2s));
  EXPECT_NE(client.close_info()->error.find("bad message"), std::string::npos);
}

TEST(SyncClient, TextFramesFromTheServerAreRefused) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send_raw("plain text, valid UTF-8", false);
  EXPECT_FALSE(client.next());
  ASSERT_TRUE(client.close_info());
  EXPECT_NE(client.close_info()->error.find("text frame"), std::string::npos)
      << describe(*client.close_info());
}

TEST(SyncClient, ServerCloseReasonArrives) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send(notice("close:send queue full"));
  ASSERT_TRUE(client.wait_closed(2s));
  auto info = client.close_info();
  ASSERT_TRUE(info);
  EXPECT_EQ(info->code, 4001);
  EXPECT_EQ(info->reason, "send queue full");
  EXPECT_TRUE(info->error.empty());
  EXPECT_EQ(moim::client::describe(*info), "closed by server (4001): send queue full");
  EXPECT_FALSE(client.next(100ms));
}

TEST(SyncClient, ClientCloseIsNormal) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.close("done");
  ASSERT_TRUE(client.closed());
  EXPECT_EQ(client.close_info()->code, 1000) << describe(*client.close_info());
}

TEST(SyncClient, ClosedPortFailsFast) {
  std::uint16_t port = 0;
  {
    // Bind and release a port so that nothing listens on it.
    net::io_context io;
    tcp::acceptor probe(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    port = probe.local_endpoint().port();
  }
  SyncClient client;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(client.connect("127.0.0.1", port, 5s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  ASSERT_TRUE(client.close_info());
  EXPECT_NE(client.close_info()->error.find("cannot connect"), std::string::npos);
}

TEST(SyncClient, HandshakeTimeoutIsEnforced) {
  FakeServer server(FakeMode::never_upgrade);
  SyncClient client;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(client.connect("127.0.0.1", server.port(), 300ms));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  ASSERT_TRUE(client.close_info());
  EXPECT_NE(client.close_info()->error.find("timed out"), std::string::npos);
}

TEST(SyncClient, NextTimesOutWhenNothingArrives) {
  FakeServer server;
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(client.next(150ms));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 140ms);
  EXPECT_FALSE(client.closed());
}

TEST(Connection, CallbacksAndExactlyOneClose) {
  FakeServer server;
  net::io_context io;
  int opens = 0;
  int closes = 0;
  std::string got;
  std::shared_ptr<moim::client::Connection> conn;
  moim::client::Connection::Handlers handlers;
  handlers.on_open = [&] {
    ++opens;
    conn->send(notice("hi"));
  };
  handlers.on_message = [&](v1::Envelope&& e) {
    got = e.notice().text();
    conn->close();
    conn->close();  // a second close is harmless
  };
  handlers.on_close = [&](const moim::client::CloseInfo&) { ++closes; };
  conn = moim::client::Connection::create(io, std::move(handlers));
  conn->connect("127.0.0.1", server.port());
  io.run_for(3s);
  EXPECT_EQ(opens, 1);
  EXPECT_EQ(got, "hi");
  EXPECT_EQ(closes, 1);
  EXPECT_FALSE(conn->is_open());
}

TEST(ServerAddress, LocalhostNamesAreLoopbackWithoutAResolver) {
  using moim::client::name_to_resolve;
  EXPECT_EQ(name_to_resolve("localhost"), "127.0.0.1");
  EXPECT_EQ(name_to_resolve("LocalHost."), "127.0.0.1");
  EXPECT_EQ(name_to_resolve("moim.localhost"), "127.0.0.1");
  EXPECT_EQ(name_to_resolve("notlocalhost"), "notlocalhost");
  EXPECT_EQ(name_to_resolve("localhost.example.org"), "localhost.example.org");
  EXPECT_EQ(name_to_resolve("10.0.0.7"), "10.0.0.7");
}

TEST(ServerAddress, Parses) {
  using moim::client::parse_server_address;
  auto a = parse_server_address("ws://127.0.0.1:7700");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 7700);
  EXPECT_EQ(a->target, "/");
  auto b = parse_server_address("example.org");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->port, moim::client::kDefaultPort);
  auto c = parse_server_address("ws://[::1]:9000/ws");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->host, "::1");
  EXPECT_EQ(c->port, 9000);
  EXPECT_EQ(c->target, "/ws");
  EXPECT_FALSE(a->tls);
  auto d = parse_server_address("wss://moim.example.org:8443");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->tls);
  EXPECT_EQ(d->host, "moim.example.org");
  EXPECT_EQ(d->port, 8443);
  EXPECT_FALSE(parse_server_address("http://x:1"));
  EXPECT_FALSE(parse_server_address("https://x:1"));
  EXPECT_FALSE(parse_server_address("x:0"));
  EXPECT_FALSE(parse_server_address("x:99999"));
  EXPECT_FALSE(parse_server_address(":80"));
  EXPECT_FALSE(parse_server_address(""));
}

}  // namespace
