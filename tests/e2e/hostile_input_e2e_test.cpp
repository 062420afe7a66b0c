// Hostile input over a real connection, as a table: every case gets its error code, close code
// or correction; a well-behaved client in the same room keeps being answered; nothing stored
// changes unless the case says what must be stored (verbatim). Transport-level cases (slow-loris,
// silence, half-open) are in hostile_transport_e2e_test.cpp.
#include <climits>

#include "moim/proto/envelope.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

struct Expect {
  v1::ErrorCode error = v1::ERROR_CODE_UNSPECIFIED;      // expected Error code, or
  int close_code = 0;                                    // expected close code, or
  bool correction = false;                               // expected MoveCorrection, or
  std::function<bool(const v1::Envelope&)> answer = {};  // an answer like this
};

struct BadCase {
  std::string name;
  bool join_first;
  std::function<void(SyncClient&)> send;
  Expect expect;
  std::function<void(TestServer&)> verify = {};  // what the store must hold afterwards
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

v1::Envelope moderate(v1::ModerationAction action, std::uint64_t user, std::string reason = "") {
  v1::Envelope e;
  e.mutable_moderate()->set_action(action);
  e.mutable_moderate()->set_user_id(user);
  e.mutable_moderate()->set_reason(std::move(reason));
  return e;
}

std::function<void(SyncClient&)> send_times(v1::Envelope e, int times) {
  return [e, times](SyncClient& c) {
    for (int i = 0; i < times; ++i) c.send(e);
  };
}

// Malformed bytes and impossible values.
void add_malformed_cases(std::vector<BadCase>& out) {
  auto truncated = proto::encode(join_env("잘린이름입니다"));
  truncated.resize(truncated.size() - 3);
  out.push_back({"truncated protobuf",
                 false,
                 [truncated](SyncClient& c) { c.send_raw(truncated); },
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  // A known message with an unknown field beside it: the field is ignored, the ping answered.
  v1::Envelope ping;
  ping.set_request_id(77);
  ping.mutable_ping()->set_client_time_us(5);
  const auto with_unknown = proto::encode(ping) + std::string("\xba\x3e\x02hi", 5);
  out.push_back({"unknown field beside a known message",
                 false,
                 [with_unknown](SyncClient& c) { c.send_raw(with_unknown); },
                 {.answer = [](const v1::Envelope& e) { return e.has_pong(); }}});
  out.push_back({"negative coordinates", true, send_env(move_to({-1, -1})), {.correction = true}});
  out.push_back({"coordinates at INT_MAX",
                 true,
                 send_env(move_to({INT_MAX, INT_MIN})),
                 {.correction = true}});
  v1::Envelope bad_direction = move_to({3, 3});
  bad_direction.mutable_move()->set_facing(static_cast<v1::Direction>(1234));
  out.push_back(
      {"unknown direction", true, send_env(bad_direction), {.error = v1::ERROR_CODE_BAD_REQUEST}});
  v1::Envelope bad_status;
  bad_status.mutable_set_status()->set_status(static_cast<v1::Status>(-7));
  out.push_back(
      {"unknown status", true, send_env(bad_status), {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"1,000 chats in a second",
                 true,
                 send_times(chat(v1::CHAT_SCOPE_NEARBY, "도배"), 1000),
                 {.close_code = 1008}});
}

// Names and chat text: control characters, bad UTF-8, huge, and SQL that must stay text.
void add_text_cases(std::vector<BadCase>& out) {
  out.push_back({"name of 10,000 characters",
                 false,
                 hello_then(join_env(std::string(10000, 'n'))),
                 {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"name with a right-to-left override",
                 false,
                 hello_then(join_env("abc\u202Edef")),
                 {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"name of only spaces",
                 false,
                 hello_then(join_env("     ")),
                 {.error = v1::ERROR_CODE_INVALID_NAME}});
  out.push_back({"chat not UTF-8",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_ROOM, "\xed\xa0\x80 surrogate")),
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"chat with control characters",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_ROOM, "bell\x07 and escape\x1b[2J")),
                 {.error = v1::ERROR_CODE_INVALID_TEXT}});
  out.push_back({"chat of 10,000 characters",
                 true,
                 send_env(chat(v1::CHAT_SCOPE_NEARBY, std::string(10000, 'x'))),
                 {.error = v1::ERROR_CODE_TEXT_TOO_LONG}});
  const std::string sql_name = "x'); DROP TABLE users;--";
  out.push_back({"SQL in a name is just a name",
                 false,
                 hello_then(join_env(sql_name)),
                 {.answer =
                      [sql_name](const v1::Envelope& e) {
                        return e.has_joined() && e.joined().room().you().display_name() == sql_name;
                      }},
                 [](TestServer& server) {
                   // The table is still there: the first person is still found.
                   auto first = server.server().store().find_user(1);
                   ASSERT_TRUE(first && *first);
                   EXPECT_EQ((*first)->display_name, "구경꾼");
                 }});
  const std::string sql_chat = "'; DELETE FROM chat WHERE '1'='1";
  out.push_back({"SQL in room chat is stored verbatim",
                 false,
                 [sql_chat](SyncClient& c) {
                   c.hello_and_join("따옴표", "", "study-room");
                   c.send(chat(v1::CHAT_SCOPE_ROOM, sql_chat));
                 },
                 {.answer = [](const v1::Envelope& e) { return e.has_ack(); }},
                 [sql_chat](TestServer& server) {
                   auto stored = server.server().store().recent_chat("study-room", 10);
                   ASSERT_TRUE(stored);
                   ASSERT_EQ(stored->size(), 1u);
                   EXPECT_EQ(stored->front().text, sql_chat);
                 }});
}

// Acting beyond one's role, place or session.
void add_authority_cases(std::vector<BadCase>& out) {
  out.push_back({"attendee muting",
                 true,
                 send_env(moderate(v1::MODERATION_ACTION_MUTE, 1)),
                 {.error = v1::ERROR_CODE_FORBIDDEN}});
  out.push_back({"attendee kicking",
                 true,
                 send_env(moderate(v1::MODERATION_ACTION_KICK, 1)),
                 {.error = v1::ERROR_CODE_FORBIDDEN}});
  out.push_back({"unknown moderation action",
                 true,
                 send_env(moderate(static_cast<v1::ModerationAction>(42), 1)),
                 {.error = v1::ERROR_CODE_BAD_REQUEST}});
  out.push_back({"moderation reason of 10,000 characters",
                 true,
                 send_env(moderate(v1::MODERATION_ACTION_MUTE, 1, std::string(10000, 'r'))),
                 {.error = v1::ERROR_CODE_TEXT_TOO_LONG}});
  v1::Envelope locate;
  locate.mutable_locate()->set_user_id(424242);
  out.push_back({"locating someone who is not here",
                 true,
                 send_env(locate),
                 {.error = v1::ERROR_CODE_NO_SUCH_USER}});
  v1::Envelope into_nowhere = join_env("길잃음");
  into_nowhere.mutable_join()->set_room("../../etc/passwd");
  out.push_back({"joining a room that does not exist",
                 false,
                 hello_then(into_nowhere),
                 {.error = v1::ERROR_CODE_NO_SUCH_ROOM}});
  v1::Envelope with_invite = join_env("초대");
  with_invite.mutable_join()->set_invite_code("MOIM-AAAA-BBBB-CCCC");
  out.push_back({"unknown invite code",
                 false,
                 hello_then(with_invite),
                 {.error = v1::ERROR_CODE_INVALID_INVITE}});
  v1::Envelope forged;
  forged.mutable_resume()->set_resume_token("forged-token-0000000000000000");
  out.push_back({"resume with a forged token",
                 false,
                 hello_then(forged),
                 {.error = v1::ERROR_CODE_RESUME_EXPIRED}});
  out.push_back({"joins faster than a person retries",
                 false,
                 [](SyncClient& c) {
                   c.request(hello_env());
                   for (int i = 0; i < 10; ++i) c.send(join_env(""));
                 },
                 {.error = v1::ERROR_CODE_RATE_LIMITED}});
  v1::Envelope list;
  list.mutable_list_online();
  out.push_back({"online list asked for in a loop",
                 true,
                 send_times(list, 40),
                 {.error = v1::ERROR_CODE_RATE_LIMITED}});
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
  add_malformed_cases(out);
  add_text_cases(out);
  add_authority_cases(out);
  return out;
}

bool matches(const v1::Envelope& e, const Expect& expect) {
  if (expect.answer) return expect.answer(e);
  if (expect.correction) return e.has_move_correction();
  return e.has_error() && e.error().code() == expect.error;
}

TEST(HostileInputE2E, EachCaseGetsItsAnswerAndOthersAreStillServed) {
  TestServer server;
  auto bystander = server.join("구경꾼");
  ASSERT_TRUE(bystander->request(chat(v1::CHAT_SCOPE_ROOM, "before")));
  const auto stored_before = server.server().store().recent_chat("lobby", 100)->size();

  const auto all = cases();
  EXPECT_GE(all.size(), 50u);
  for (const auto& c : all) {
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
    if (c.verify) c.verify(server);
    // The bystander is still served promptly.
    v1::Envelope ping;
    ping.mutable_ping();
    auto pong = bystander->request(ping, std::chrono::seconds(2));
    ASSERT_TRUE(pong && pong->has_pong());
  }
  // Nothing bad was stored: the only room chat is the bystander's.
  EXPECT_EQ(server.server().store().recent_chat("lobby", 100)->size(), stored_before);
  // Every hostile connection is gone, whatever way it ended: nobody is left behind as a ghost.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  v1::Envelope list;
  list.mutable_list_online();
  int online = -1;
  while (std::chrono::steady_clock::now() < deadline) {
    auto answer = bystander->request(list);
    ASSERT_TRUE(answer && answer->has_online_list());
    online = answer->online_list().entries_size();
    if (online == 1) break;
    std::this_thread::sleep_for(250ms);  // within the per-connection action budget
  }
  EXPECT_EQ(online, 1);
}

}  // namespace
}  // namespace moim::e2e
