#pragma once
// Helpers for the study-room and hall end-to-end tests: a host who joins with a host invite,
// and builders for the programme's requests.
#include "test_server.hpp"

namespace moim::e2e {

// Joins `room` as a host through a host invite created for this test.
inline std::unique_ptr<SyncClient> join_host(TestServer& server, const std::string& name,
                                             const std::string& room = "",
                                             v1::Joined* joined = nullptr) {
  const std::string code = "HOST-" + random_token(6).value();
  EXPECT_TRUE(server.server().store().create_invite(code, store::Role::host, 0, "hosts"));
  auto c = server.connect();
  auto reply = c->hello_and_join(name, code, room);
  EXPECT_TRUE(reply && reply->has_joined()) << (reply ? reply->DebugString() : "timeout");
  if (reply && joined) *joined = reply->joined();
  return c;
}

inline std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

inline v1::Envelope schedule_talk(v1::TalkKind kind, const std::string& title,
                                  std::int64_t start_ms, std::int64_t end_ms,
                                  std::uint32_t capacity = 0, const std::string& room = "hall") {
  v1::Envelope e;
  auto* t = e.mutable_schedule_talk()->mutable_talk();
  t->set_kind(kind);
  t->set_title(title);
  t->set_speaker("박서준");
  t->set_company("Kakao");
  t->set_start_ms(start_ms);
  t->set_end_ms(end_ms);
  t->set_room(room);
  t->set_capacity(capacity);
  return e;
}

template <typename Fill>
v1::Envelope make(Fill fill) {
  v1::Envelope e;
  fill(e);
  return e;
}

inline void expect_error(const std::optional<v1::Envelope>& reply, v1::ErrorCode code) {
  ASSERT_TRUE(reply) << "timeout";
  ASSERT_TRUE(reply->has_error()) << reply->DebugString();
  EXPECT_EQ(reply->error().code(), code) << reply->error().message();
}

}  // namespace moim::e2e
