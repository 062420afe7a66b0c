// Per-address rate limits on a real server: connections from one address share a budget for
// joins, chats and other requests, so more connections do not buy more. (Loopback is exempt by
// default; these tests remove the exemption.)
#include "test_server.hpp"

namespace moim::e2e {
namespace {

bool rate_limited(const std::optional<v1::Envelope>& e) {
  return e && e->has_error() && e->error().code() == v1::ERROR_CODE_RATE_LIMITED;
}

TEST(RateLimitE2E, JoinsFromOneAddressShareABudget) {
  TestServer server([](ServerConfig& c) {
    c.address_limits.exempt.clear();
    c.address_limits.join = {0.01, 3.0};
  });
  std::vector<std::unique_ptr<SyncClient>> joined;
  for (int i = 0; i < 3; ++i) joined.push_back(server.join("사람" + std::to_string(i)));
  auto fourth = server.connect();
  auto refused = fourth->hello_and_join("넷째");
  EXPECT_TRUE(rate_limited(refused)) << (refused ? refused->DebugString() : "timeout");
  // Those already in are still served.
  EXPECT_TRUE(joined[0]->request(chat(v1::CHAT_SCOPE_ROOM, "여전히")));
}

TEST(RateLimitE2E, ChatsAndActionsFromOneAddressShareABudget) {
  TestServer server([](ServerConfig& c) {
    c.address_limits.exempt.clear();
    c.address_limits.chat = {0.01, 4.0};
    c.address_limits.action = {0.01, 4.0};
  });
  auto a = server.join("가");
  auto b = server.join("나");
  // Two chats each use up the address's four; each person is well within their own limit.
  for (auto* c : {a.get(), b.get()}) {
    for (int i = 0; i < 2; ++i) {
      auto ack = c->request(chat(v1::CHAT_SCOPE_ROOM, "줄" + std::to_string(i)));
      ASSERT_TRUE(ack && ack->has_ack());
    }
  }
  EXPECT_TRUE(rate_limited(b->request(chat(v1::CHAT_SCOPE_ROOM, "하나 더"))));
  EXPECT_EQ(server.server().store().recent_chat("lobby", 10)->size(), 4u);

  v1::Envelope status;
  status.mutable_set_status()->set_status(v1::STATUS_BUSY);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(a->request(status)->has_ack());
    ASSERT_TRUE(b->request(status)->has_ack());
  }
  EXPECT_TRUE(rate_limited(a->request(status)));
  EXPECT_TRUE(rate_limited(b->request(status)));
}

TEST(RateLimitE2E, ActionsPerConnectionAreLimitedEvenFromAnExemptAddress) {
  TestServer server([](ServerConfig& c) { c.action_rate = {0.01, 3.0}; });
  auto a = server.join("가");
  auto b = server.join("나");
  v1::Envelope list;
  list.mutable_list_online();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(a->request(list)->has_online_list());
  EXPECT_TRUE(rate_limited(a->request(list)));
  EXPECT_TRUE(b->request(list)->has_online_list());  // another connection has its own
}

}  // namespace
}  // namespace moim::e2e
