// Hostile behaviour below the moim protocol, as a table: slow-loris requests, silence, bytes
// that are not HTTP, oversized headers, wrong paths, a WebSocket that never says Hello and one
// that stops answering (half-open). Each must end on a short timer or with a clear answer, and
// a well-behaved client keeps being served throughout.
#include <thread>

#include "raw_clients.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

struct TransportCase {
  std::string name;
  // Misbehaves against the server; returns true if the server ended it as it should.
  std::function<bool(TestServer&, SyncClient& bystander)> run;
};

int online_count(SyncClient& c) {
  v1::Envelope list;
  list.mutable_list_online();
  auto answer = c.request(list);
  return answer && answer->has_online_list() ? answer->online_list().entries_size() : -1;
}

std::vector<TransportCase> cases() {
  std::vector<TransportCase> out;
  out.push_back({"slow-loris upgrade request", [](TestServer& s, SyncClient&) {
                   RawTcp tcp(s.port());
                   const std::string request =
                       "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n";
                   // One byte every 100 ms: it would take seconds to finish the headers.
                   const auto give_up = std::chrono::steady_clock::now() + 4s;
                   for (char byte : request) {
                     if (!tcp.send(std::string_view(&byte, 1))) return true;
                     if (tcp.closed_within(100ms)) return true;
                     if (std::chrono::steady_clock::now() > give_up) return false;
                   }
                   return tcp.closed_within(3s);
                 }});
  out.push_back({"connect and never speak", [](TestServer& s, SyncClient&) {
                   RawTcp tcp(s.port());
                   return tcp.closed_within(3s);
                 }});
  out.push_back({"bytes that are not HTTP", [](TestServer& s, SyncClient&) {
                   RawTcp tcp(s.port());
                   tcp.send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
                   return tcp.closed_within(3s);
                 }});
  out.push_back({"header over 8 KiB", [](TestServer& s, SyncClient&) {
                   RawTcp tcp(s.port());
                   tcp.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(9000, 'a') +
                            "\r\n\r\n");
                   const bool closed = tcp.closed_within(3s);
                   return closed && tcp.received.starts_with("HTTP/1.1 400");
                 }});
  out.push_back({"upgrade on another path", [](TestServer& s, SyncClient&) {
                   RawTcp tcp(s.port());
                   tcp.send(
                       "GET /admin HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                       "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
                   tcp.closed_within(1s);
                   return tcp.received.starts_with("HTTP/1.1 404");
                 }});
  out.push_back({"WebSocket that never says Hello", [](TestServer& s, SyncClient&) {
                   auto c = s.connect();
                   if (!c->wait_closed(5s)) return false;
                   EXPECT_EQ(c->close_info()->code, 4005) << client::describe(*c->close_info());
                   return c->close_info()->code == 4005;
                 }});
  out.push_back({"half-open after joining", [](TestServer& s, SyncClient& bystander) {
                   const int before = online_count(bystander);
                   {
                     StalledClient gone(s.port(), "사라짐");
                     // It joins, then answers nothing: no pong, no close.
                     const auto deadline = std::chrono::steady_clock::now() + 6s;
                     bool seen = false, dropped = false;
                     while (std::chrono::steady_clock::now() < deadline && !dropped) {
                       const int now = online_count(bystander);
                       seen |= now == before + 1;
                       dropped = seen && now == before;
                       std::this_thread::sleep_for(250ms);
                     }
                     return dropped;
                   }
                 }});
  return out;
}

TEST(HostileTransportE2E, EachCaseEndsOnATimerOrWithAnAnswer) {
  TestServer server([](ServerConfig& c) {
    c.hello_timeout = 1s;
    c.idle_timeout = 1000ms;
    c.http_timeout = 1000ms;
  });
  auto bystander = server.join("구경꾼");
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(c.run(server, *bystander));
    v1::Envelope ping;
    ping.mutable_ping();
    auto pong = bystander->request(ping, 2s);
    ASSERT_TRUE(pong && pong->has_pong());
  }
  EXPECT_EQ(online_count(*bystander), 1);
}

}  // namespace
}  // namespace moim::e2e
