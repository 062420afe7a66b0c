// Voice on the client's connection: the inbox takes voice off the envelope stream (and only
// voice), keeps the newest when the voice thread falls behind; voice frames to a server that stops
// reading are dropped instead of queued, and the connection stays open for moves and chat.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "bad_server.hpp"
#include "moim/client/connection.hpp"
#include "moim/client/voice_inbox.hpp"

namespace moim::client {
namespace {

using namespace std::chrono_literals;

v1::Envelope batch(std::uint64_t speaker, std::uint32_t seq) {
  v1::Envelope e;
  auto* p = e.mutable_voice_batch()->add_packets();
  p->set_speaker(speaker);
  p->set_seq(seq);
  p->set_opus("xyz");
  p->set_reach(v1::VOICE_REACH_NEARBY);
  return e;
}

TEST(VoiceInbox, TakesVoiceAndLeavesEverythingElse) {
  VoiceInbox inbox;
  v1::Envelope chat;
  chat.mutable_chat()->set_text("hi");
  EXPECT_FALSE(inbox.offer(chat));
  EXPECT_EQ(chat.chat().text(), "hi");
  auto b = batch(5, 1);
  EXPECT_TRUE(inbox.offer(b));
  auto b2 = batch(6, 9);
  EXPECT_TRUE(inbox.offer(b2));
  v1::Envelope listeners;
  listeners.mutable_voice_listeners()->add_users(42);
  EXPECT_TRUE(inbox.offer(listeners));
  auto drained = inbox.drain();
  ASSERT_EQ(drained.packets.size(), 2u);
  EXPECT_EQ(drained.packets[0].speaker(), 5u);
  EXPECT_EQ(drained.packets[1].seq(), 9u);
  ASSERT_TRUE(drained.listeners);
  EXPECT_EQ(drained.listeners->users(0), 42u);
  auto again = inbox.drain();
  EXPECT_TRUE(again.packets.empty());
  EXPECT_FALSE(again.listeners);
}

TEST(VoiceInbox, KeepsTheNewestWhenTheVoiceThreadFallsBehind) {
  VoiceInbox inbox(3);
  for (std::uint32_t s = 1; s <= 5; ++s) {
    auto b = batch(1, s);
    inbox.offer(b);
  }
  auto drained = inbox.drain();
  ASSERT_EQ(drained.packets.size(), 3u);
  EXPECT_EQ(drained.packets.front().seq(), 3u);
  EXPECT_EQ(drained.dropped_batches, 2u);
}

TEST(VoiceInbox, FrameEnvelopeCarriesTheFrame) {
  const std::vector<std::uint8_t> opus{1, 2, 3, 0, 255};
  const auto e = voice_frame_envelope(77, opus, 55);
  ASSERT_TRUE(e.has_voice_frame());
  EXPECT_EQ(e.voice_frame().seq(), 77u);
  EXPECT_EQ(e.voice_frame().opus(), std::string("\x01\x02\x03\x00\xff", 5));
  EXPECT_EQ(e.voice_frame().level(), 55u);
}

TEST(VoiceConnection, VoiceToAServerThatStopsReadingIsDroppedNotQueued) {
  test::BadServer server(test::Misbehaviour::frozen_websocket);
  boost::asio::io_context io;
  std::shared_ptr<Connection> conn;
  bool closed = false;
  Connection::Handlers handlers;
  handlers.on_open = [&] {
    // 20 MB of voice: far more than the socket buffers hold and 5x the ordinary queue limit.
    const std::vector<std::uint8_t> opus(512, 0x5a);
    for (std::uint32_t s = 0; s < 40000; ++s) conn->send_voice(voice_frame_envelope(s, opus, 50));
  };
  handlers.on_close = [&](const CloseInfo&) { closed = true; };
  conn = Connection::create(io, std::move(handlers));
  conn->connect("127.0.0.1", server.port());
  // Until the flood has been queued or dropped (a loaded machine takes a while to encode it).
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (conn->voice_dropped() < 39000 && !closed && std::chrono::steady_clock::now() < deadline) {
    io.run_for(100ms);
  }
  EXPECT_FALSE(closed) << "voice never closes the connection";
  EXPECT_TRUE(conn->is_open());
  EXPECT_GT(conn->voice_dropped(), 30000u) << "what the socket buffers cannot hold is dropped";
  conn->close();
  io.restart();
  io.run_for(1s);
}

}  // namespace
}  // namespace moim::client
