// A client that stops reading is closed as a slow consumer; everyone else is still served and
// the server's memory for it stays bounded by the send queue.
#include <boost/asio/connect.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include "moim/proto/envelope.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;

// Joins over a raw WebSocket with a tiny receive window, then never reads again.
class StalledClient {
 public:
  explicit StalledClient(std::uint16_t port) : ws_(io_) {
    auto& socket = beast::get_lowest_layer(ws_).socket();
    socket.open(asio::ip::tcp::v4());
    socket.set_option(asio::socket_base::receive_buffer_size(4096));
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    ws_.handshake("127.0.0.1", "/ws");
    ws_.binary(true);
    v1::Envelope hello;
    hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
    ws_.write(asio::buffer(proto::encode(hello)));
    v1::Envelope join;
    join.mutable_join()->set_display_name("느림보");
    ws_.write(asio::buffer(proto::encode(join)));
  }

 private:
  asio::io_context io_;
  beast::websocket::stream<beast::tcp_stream> ws_;
};

TEST(SlowClientE2E, AReaderThatStopsIsClosedAndOthersAreStillServed) {
  TestServer server([](ServerConfig& c) {
    c.send_queue_bytes = 256 * 1024;  // above one burst of 50 chats, far below the test's total
    c.flush_min = std::chrono::milliseconds(1);
    c.messages_per_second = c.messages_burst = 100000;  // the talker floods on purpose
    c.room.chat_rate = {100000.0, 100000.0};
  });
  StalledClient stalled(server.port());
  auto talker = server.join("수다쟁이");
  auto watcher = server.join("보는이");

  // Room chat reaches the stalled client too; the kernel's socket buffers take a few MB before
  // the server's own queue starts to grow.
  auto& metrics = server.server().metrics();
  const std::string line(490, 'z');
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (metrics.slow_client_closes_total.load() == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    for (int i = 0; i < 50; ++i) talker->send(chat(v1::CHAT_SCOPE_ROOM, line));
    sync_with_room(*talker);
    while (talker->next(0ms)) {
    }
    while (watcher->next(0ms)) {
    }
  }
  EXPECT_GE(metrics.slow_client_closes_total.load(), 1u);
  EXPECT_GE(metrics.send_queue_drops_total.load(), 1u);

  // The others are still served promptly.
  ASSERT_TRUE(watcher->request(chat(v1::CHAT_SCOPE_ROOM, "still here")));
  EXPECT_TRUE(talker->wait_for(chat_with("still here"), 2s));
}

}  // namespace
}  // namespace moim::e2e
