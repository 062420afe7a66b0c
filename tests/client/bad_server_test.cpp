// The client library against servers that misbehave (bad_server.hpp): every case ends with a
// clear error, in bounded time, and never crashes or hangs.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "bad_server.hpp"
#include "moim/client/connection.hpp"
#include "moim/client/sync_client.hpp"

namespace {

using moim::client::describe;
using moim::client::SyncClient;
using moim::test::BadServer;
using moim::test::Misbehaviour;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace v1 = moim::v1;

v1::Envelope hello() {
  v1::Envelope e;
  e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  return e;
}

std::string error_of(const SyncClient& client) {
  const auto info = client.close_info();
  return info ? describe(*info) : std::string("(still open)");
}

TEST(BadServer, SilentTcpTimesOutTheHandshake) {
  BadServer server(Misbehaviour::silent_tcp);
  SyncClient client;
  const auto start = Clock::now();
  EXPECT_FALSE(client.connect("127.0.0.1", server.port(), 400ms));
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_EQ(server.accepted(), 1);
  EXPECT_NE(error_of(client).find("timed out"), std::string::npos) << error_of(client);
}

TEST(BadServer, GarbageInsteadOfAnUpgradeFailsTheHandshake) {
  BadServer server(Misbehaviour::garbage_handshake);
  SyncClient client;
  const auto start = Clock::now();
  EXPECT_FALSE(client.connect("127.0.0.1", server.port(), 2s));
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_NE(error_of(client).find("handshake failed"), std::string::npos) << error_of(client);
}

TEST(BadServer, GarbageFramesCloseWithABadMessageError) {
  BadServer server(Misbehaviour::garbage_frames);
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  client.send(hello());
  EXPECT_FALSE(client.next(2s));  // nothing decodable ever arrives
  ASSERT_TRUE(client.wait_closed(2s));
  EXPECT_NE(error_of(client).find("the server sent a bad message"), std::string::npos)
      << error_of(client);
}

TEST(BadServer, CloseMidFrameEndsTheConnectionWithAnError) {
  BadServer server(Misbehaviour::half_frame);
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port())) << error_of(client);
  EXPECT_FALSE(client.next(2s));
  ASSERT_TRUE(client.wait_closed(2s));
  const auto info = client.close_info();
  EXPECT_EQ(info->code, 0);  // no close frame: a transport error, not a server's close
  EXPECT_NE(info->error.find("connection lost"), std::string::npos) << describe(*info);
}

TEST(BadServer, NoWelcomeLeavesARequestUnansweredButBounded) {
  BadServer server(Misbehaviour::silent_websocket);
  SyncClient client;
  ASSERT_TRUE(client.connect("127.0.0.1", server.port()));
  const auto start = Clock::now();
  EXPECT_FALSE(client.request(hello(), 500ms));
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_FALSE(client.closed());  // it answers pings: alive, just not talking
  client.close("giving up");
  EXPECT_TRUE(client.closed());
}

TEST(BadServer, AFrozenServerIsDetectedByTheIdleTimeout) {
  BadServer server(Misbehaviour::frozen_websocket);
  boost::asio::io_context io;
  std::optional<moim::client::CloseInfo> closed;
  bool opened = false;
  moim::client::Connection::Handlers handlers;
  handlers.on_open = [&] { opened = true; };
  handlers.on_close = [&](const moim::client::CloseInfo& info) { closed = info; };
  moim::client::Connection::Options options;
  options.idle_timeout = 600ms;  // a ping at 300 ms, then nothing comes back
  auto conn = moim::client::Connection::create(io, std::move(handlers), options);
  conn->connect("127.0.0.1", server.port(), 2s);
  const auto start = Clock::now();
  io.run_for(5s);
  EXPECT_TRUE(opened);
  ASSERT_TRUE(closed);
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_NE(describe(*closed).find("stopped answering"), std::string::npos) << describe(*closed);
}

}  // namespace
