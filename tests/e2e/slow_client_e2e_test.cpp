// Clients that stop reading are closed as slow consumers (4004, counted in the metrics; a reader
// that stalled cannot take a close frame, so its TCP connection is dropped); everyone else is
// still served and the server's memory for them stays bounded by the send queue.
#include <algorithm>
#include <fstream>
#include <thread>

#include "moim/proto/envelope.hpp"
#include "raw_clients.hpp"
#include "test_server.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MOIM_TEST_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MOIM_TEST_UNDER_ASAN 1
#endif
#ifdef MOIM_TEST_UNDER_ASAN
#include <sanitizer/allocator_interface.h>
#endif

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

namespace moim::e2e {
namespace {

// The process's memory: its RSS, or under AddressSanitizer its live heap, because ASan keeps
// freed blocks in a 256 MiB quarantine (to catch use after free) that RSS would count as growth.
std::size_t memory_in_use() {
#ifdef MOIM_TEST_UNDER_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
#endif
}

// A busy room where one in ten stops reading: the readers get every line, the stalled ones are
// closed as slow consumers, and the server's memory does not grow with what they did not read.
TEST(SlowClientE2E, TenPercentStallInABusyRoomAndMemoryStaysBounded) {
  TestServer server([](ServerConfig& c) {
    c.send_queue_bytes = 256 * 1024;
    c.flush_min = std::chrono::milliseconds(1);
    c.messages_per_second = c.messages_burst = 1e6;
    c.room.chat_rate = {1e6, 1e6};
    c.action_rate = {1e6, 1e6};
  });
  constexpr int kReaders = 9;  // and one stalled: 10%
  std::vector<std::unique_ptr<StalledClient>> stalled;
  stalled.push_back(std::make_unique<StalledClient>(server.port(), "멈춤"));
  std::vector<std::unique_ptr<SyncClient>> readers;
  for (int i = 0; i < kReaders; ++i) readers.push_back(server.join("독자" + std::to_string(i)));
  auto& talker = *readers.front();
  std::vector<int> received(kReaders, 0);
  auto drain = [&] {
    for (int i = 0; i < kReaders; ++i) {
      while (auto e = readers[i]->next(0ms)) received[i] += e->has_chat();
    }
  };
  drain();
  const std::size_t memory_before = memory_in_use();

  // 11,000 lines of 500 Hangul characters: about 17 MB that the stalled reader never takes.
  std::string line;
  for (int i = 0; i < 500; ++i) line += "가";
  constexpr int kLines = 11000;
  auto& metrics = server.server().metrics();
  std::size_t memory_peak = memory_before;
  // Every reader gets every line. Bursts of 100 (155 KB, within one send queue) go out once the
  // readers have the previous one, so a reader starved of CPU by a busy test machine is not
  // mistaken for a slow consumer; the stalled one falls further behind with every burst.
  auto readers_have = [&](int lines) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (*std::min_element(received.begin(), received.end()) < lines) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      drain();
      std::this_thread::sleep_for(1ms);
    }
    return true;
  };
  for (int sent = 0; sent < kLines; sent += 100) {
    for (int i = 0; i < 100; ++i) talker.send(chat(v1::CHAT_SCOPE_ROOM, line));
    sync_with_room(talker);
    ASSERT_TRUE(readers_have(sent + 100)) << "after " << sent << " lines";
    memory_peak = std::max(memory_peak, memory_in_use());
  }
  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(received[i], kLines) << "reader " << i;
  EXPECT_EQ(metrics.slow_client_closes_total.load(), 1u);
  // Without the send-queue bound the server would hold what the stalled one did not read:
  // 17 MB less the few MB the kernel's socket buffers take.
  EXPECT_LT(memory_peak - memory_before, 8u * 1024 * 1024)
      << "memory grew from " << memory_before << " to " << memory_peak;
  // And the readers are still answered at once.
  for (auto& r : readers) {
    v1::Envelope ping;
    ping.mutable_ping();
    auto pong = r->request(ping, 2s);
    EXPECT_TRUE(pong && pong->has_pong());
  }
}

}  // namespace
}  // namespace moim::e2e
