// Bad input from issue 2: every case gets an error code or a close reason, a well-behaved
// client in the same room keeps being served, and nothing stored changes.
#include "moim/proto/envelope.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

struct Expect {
  v1::ErrorCode error = v1::ERROR_CODE_UNSPECIFIED;  // expected Error code, or
  int close_code = 0;                                // expected close code
  bool correction = false;                           // expected MoveCorrection
};

struct BadCase {
  std::string name;
  bool join_first;
  std::function<void(SyncClient&)> send;
  Expect expect;
};

v1::Envelope hello_env() {
  v1::Envelope e;
  e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  return e;
}

v1::Envelope join_env(const std::string& name) {
  v1::Envelope e;
  e.mutable_join()->set_display_name(name);
  return e;
}

std::function<void(SyncClient&)> send_env(v1::Envelope e) {
  return [e](SyncClient& c) { c.send(e); };
}

std::function<void(SyncClient&)> hello_then(v1::Envelope e) {
  return [e](SyncClient& c) {
    c.request(hello_env());
    c.send(e);
  };
}

std::vector<BadCase> cases() {
  std::vector<BadCase> out;
  out.push_back({"text frame",
                 false,
                 [](SyncClient& c) { c.send_raw("hello", false); },
                 {.close_code = 1003}});
  out.push_back({"frame over 64 KiB",
                 false,
                 [](SyncClient& c) { c.send_raw(std::string(70 * 1024, 'x')); },
                 {.close_code = 1009}});
  out.push_back({"garbage bytes",
                 false,
                 [](SyncClient& c) { c.send_raw("\xff\xff\xff\xff"); },
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"empty envelope",
                 false,
                 [](SyncClient& c) { c.send_raw(""); },
                 {.error = v1::ERROR_CODE_UNKNOWN_MESSAGE}});
  out.push_back({"unknown message kind",
                 false,
                 [](SyncClient& c) { c.send_raw(std::string("\xba\x3e\x00", 3)); },
                 {.error = v1::ERROR_CODE_UNKNOWN_MESSAGE}});
  out.push_back({"join before hello",
                 false,
                 send_env(join_env("빠름")),
                 {.error = v1::ERROR_CODE_NOT_HELLO}});
  out.push_back({"move before join",
                 false,
                 hello_then(move_to({3, 3})),
                 {.error = v1::ERROR_CODE_NOT_JOINED}});
  out.push_back({"chat before join",
                 false,
                 hello_then(chat(v1::CHAT_SCOPE_ROOM, "hi")),
                 {.error = v1::ERROR_CODE_NOT_JOINED}});
  v1::Envelope old_hello;
  old_hello.mutable_hello()->set_protocol_version(99);
  out.push_back({"unsupported protocol version",
                 false,
                 send_env(old_hello),
                 {.error = v1::ERROR_CODE_UNSUPPORTED_VERSION}});
  out.push_back(
      {"empty name", false, hello_then(join_env("")), {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"name of 33 characters",
                 false,
                 hello_then(join_env(std::string(33, 'n'))),
                 {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"name with control characters",
                 false,
                 hello_then(join_env("a\x1b[31mb")),
                 {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"name not UTF-8",
                 false,
                 hello_then(join_env("\xc3\x28")),
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});  // protobuf refuses it at decoding
  out.push_back(
      {"second join", true, send_env(join_env("또")), {.error = v1::ERROR_CODE_ALREADY_JOINED}});
  out.push_back(
      {"second hello", true, send_env(hello_env()), {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"teleport", true, send_env(move_to({40, 3})), {.correction = true}});
  out.push_back({"off the map", true, send_env(move_to({-5, 100000})), {.correction = true}});
  out.push_back({"chat of 501 characters",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_ROOM, std::string(501, 'c'))),
                 {.error = v1::ERROR_CODE_TEXT_TOO_LONG}});
  out.push_back({"empty chat",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_ROOM, "")),
                 {.error = v1::ERROR_CODE_INVALID_TEXT}});
  out.push_back({"chat scope the server decides",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_STAGE, "me on stage")),
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"direct chat to nobody",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_DIRECT, "hello?", 987654321)),
                 {.error = v1::ERROR_CODE_RECIPIENT_UNAVAILABLE}});
  out.push_back({"chat faster than a person types",
                 true,
                 [](SyncClient& c) {
                   for (int i = 0; i < 30; ++i) c.send(chat(v1::CHAT_SCOPE_NEARBY, "spam"));
                 },
                 {.error = v1::ERROR_CODE_RATE_LIMITED}});
  v1::Envelope frame;
  frame.mutable_frame()->set_tick(1);
  out.push_back({"a server message sent by a client",
                 true,
                 send_env(frame),
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"attendee moderating",
                 true,
                 [](SyncClient& c) {
                   v1::Envelope e;
                   e.mutable_moderate()->set_action(v1::MODERATION_ACTION_BAN);
                   e.mutable_moderate()->set_user_id(1);
                   c.send(e);
                 },
                 {.error = v1::ERROR_CODE_FORBIDDEN}});
  out.push_back({"message flood",
                 true,
                 [](SyncClient& c) {
                   v1::Envelope ping;
                   ping.mutable_ping();
                   for (int i = 0; i < 400; ++i) c.send(ping);
                 },
                 {.close_code = 1008}});
  return out;
}

bool matches(const v1::Envelope& e, const Expect& expect) {
  if (expect.correction) return e.has_move_correction();
  return e.has_error() && e.error().code() == expect.error;
}

TEST(BadInputE2E, EachCaseGetsItsAnswerAndOthersAreStillServed) {
  TestServer server;
  auto bystander = server.join("구경꾼");
  ASSERT_TRUE(bystander->request(chat(v1::CHAT_SCOPE_ROOM, "before")));
  const auto stored_before = server.server().hub().store().recent_chat("lobby", 100)->size();

  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    auto client = c.join_first ? server.join("시험") : server.connect();
    c.send(*client);
    if (c.expect.close_code != 0) {
      ASSERT_TRUE(client->wait_closed(std::chrono::seconds(5)));
      EXPECT_EQ(client->close_info()->code, c.expect.close_code) << client->close_info()->reason;
      EXPECT_FALSE(client->close_info()->reason.empty());
    } else {
      auto answer = client->wait_for([&](const v1::Envelope& e) { return matches(e, c.expect); });
      EXPECT_TRUE(answer) << "no matching answer";
    }
    // The bystander is still served promptly.
    v1::Envelope ping;
    ping.mutable_ping();
    auto pong = bystander->request(ping, std::chrono::seconds(2));
    ASSERT_TRUE(pong && pong->has_pong());
  }
  // Nothing bad was stored: the only room chat is the bystander's.
  EXPECT_EQ(server.server().hub().store().recent_chat("lobby", 100)->size(), stored_before);
}

}  // namespace
}  // namespace moim::e2e
