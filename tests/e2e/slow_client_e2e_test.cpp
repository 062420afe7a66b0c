// A client that stops reading is closed as a slow consumer; everyone else is still served and
// the server's memory for it stays bounded by the send queue.
#include "moim/proto/envelope.hpp"
#include "raw_clients.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

TEST(SlowClientE2E, AReaderThatStopsIsClosedAndOthersAreStillServed) {
  TestServer server([](ServerConfig& c) {
    c.send_queue_bytes = 256 * 1024;  // above one burst of 50 chats, far below the test's total
    c.flush_min = std::chrono::milliseconds(1);
    c.messages_per_second = c.messages_burst = 100000;  // the talker floods on purpose
    c.room.chat_rate = {100000.0, 100000.0};
    c.action_rate = {100000.0, 100000.0};  // a sync after every burst
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
