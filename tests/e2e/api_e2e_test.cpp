// The host API over real HTTP on the game port.
#include <gtest/gtest.h>

#include "http_client.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

TEST(ApiE2e, NeedsAHostTokenAndRefusesAttendeeTokens) {
  TestServer server;
  auto none = http_request(server.port(), "GET", "/api/online");
  EXPECT_EQ(none.status, 401);
  EXPECT_NE(none.www_authenticate.find("Bearer"), std::string::npos);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/online", "", "made-up").status, 401);
  const auto attendee = server.host_token(store::Role::attendee);
  auto refused = http_request(server.port(), "GET", "/api/online", "", attendee);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
}

TEST(ApiE2e, ListsWhoIsOnlineWithTheirRoom) {
  TestServer server;
  auto mina = server.join("민아");
  auto r = http_request(server.port(), "GET", "/api/online", "", server.host_token());
  ASSERT_EQ(r.status, 200) << r.body;
  const auto online = r.json()["online"];
  ASSERT_EQ(online.size(), 1u);
  EXPECT_EQ(online[0]["display_name"], "민아");
  EXPECT_EQ(online[0]["room"], server.config().lobby);
}

TEST(ApiE2e, InvitesCreatedOverTheApiLetPeopleJoin) {
  TestServer server([](ServerConfig& c) { c.dev = false; });
  const auto host = server.host_token();
  auto r = http_request(server.port(), "POST", "/api/invites",
                        R"({"role":"attendee","max_uses":1,"label":"cohort 3"})", host);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string code = r.json()["code"];
  auto c = server.connect();
  auto joined = c->hello_and_join("지훈", code, "");
  ASSERT_TRUE(joined && joined->has_joined()) << (joined ? joined->DebugString() : "timeout");
  // Used up: a second person cannot join with it.
  auto other = server.connect();
  auto refused = other->hello_and_join("서연", code, "");
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_INVALID_INVITE);
}

TEST(ApiE2e, OnlyAdminsMintHostInvites) {
  TestServer server;
  const auto body = R"({"role":"host"})";
  EXPECT_EQ(http_request(server.port(), "POST", "/api/invites", body, server.host_token()).status,
            403);
  EXPECT_EQ(http_request(server.port(), "POST", "/api/invites", body,
                         server.host_token(store::Role::admin))
                .status,
            201);
}

TEST(ApiE2e, BadRequestsGetClearErrorsAndTheServerKeepsServing) {
  TestServer server;
  const auto host = server.host_token();
  auto malformed = http_request(server.port(), "POST", "/api/invites", "{nope", host);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.json()["error"]["message"].get<std::string>().find("invalid JSON"),
            std::string::npos);
  EXPECT_EQ(http_request(server.port(), "POST", "/api/invites", R"({"role":"king"})", host).status,
            400);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/%zz", "", host).status, 400);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/nothing-here", "", host).status, 404);
  EXPECT_EQ(http_request(server.port(), "DELETE", "/api/online", "", host).status, 405);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/online", "", host).status, 200);
}

}  // namespace
}  // namespace moim::e2e
