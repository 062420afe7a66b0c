// Every registered host-API route, for every kind of caller, over real HTTP. The routes come
// from the server's own router, so a route added later is covered without touching this file.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "api/router.hpp"
#include "app/hub.hpp"
#include "http_client.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

// A concrete path for a route's pattern: every `{name}` becomes 1.
std::string example_path(const std::string& pattern) {
  return std::regex_replace(pattern, std::regex(R"(\{[^}/]+\})"), "1");
}

std::vector<api::Router::RouteInfo> registered_routes(TestServer& server) {
  auto routes = server.server().api().routes();
  EXPECT_GT(routes.size(), 10u);  // the real routes, not an empty router
  return routes;
}

class ApiRoles : public ::testing::Test {
 protected:
  HttpResult call(const api::Router::RouteInfo& route, const std::string& token) {
    const auto body = route.method == "GET" || route.method == "DELETE" ? "" : "{}";
    return http_request(server_.port(), route.method, example_path(route.pattern), body, token);
  }

  TestServer server_;
};

TEST_F(ApiRoles, EveryRouteForEveryCaller) {
  const auto host = server_.host_token(store::Role::host);
  const auto admin = server_.host_token(store::Role::admin);
  // A row an older database may hold: the store no longer creates one.
  const auto attendee = server_.host_token(store::Role::attendee);
  for (const auto& route : registered_routes(server_)) {
    SCOPED_TRACE(route.method + " " + route.pattern);
    if (route.access == api::Access::open) {
      const auto open = call(route, "");
      EXPECT_NE(open.status, 401);
      EXPECT_NE(open.status, 403);
      EXPECT_NE(open.status, 0);
      continue;
    }
    const auto none = call(route, "");
    EXPECT_EQ(none.status, 401);
    EXPECT_NE(none.www_authenticate.find("Bearer"), std::string::npos);
    EXPECT_EQ(call(route, "not-a-token-anyone-made").status, 401);
    const auto refused = call(route, attendee);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
    for (const auto* token : {&host, &admin}) {
      const auto r = call(route, *token);
      EXPECT_NE(r.status, 0);
      EXPECT_NE(r.status, 401) << r.body;
      EXPECT_NE(r.status, 403) << r.body;
    }
  }
}

TEST_F(ApiRoles, HostInvitesAreForAdminsOnly) {
  const auto body = R"({"role":"host"})";
  const auto port = server_.port();
  EXPECT_EQ(http_request(port, "POST", "/api/invites", body).status, 401);
  EXPECT_EQ(
      http_request(port, "POST", "/api/invites", body, server_.host_token(store::Role::attendee))
          .status,
      403);
  EXPECT_EQ(http_request(port, "POST", "/api/invites", body, server_.host_token()).status, 403);
  EXPECT_EQ(http_request(port, "POST", "/api/invites", body, server_.host_token(store::Role::admin))
                .status,
            201);
  // Admins are made on the server's machine only.
  EXPECT_EQ(http_request(port, "POST", "/api/invites", R"({"role":"admin"})",
                         server_.host_token(store::Role::admin))
                .status,
            400);
}

TEST_F(ApiRoles, TheStoreRefusesAnAttendeeToken) {
  auto refused = server_.server().store().create_host_token("t0ken", store::Role::attendee, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::bad_request);
  EXPECT_EQ(http_request(server_.port(), "GET", "/api/online", "", "t0ken").status, 401);
}

TEST_F(ApiRoles, PathsAreRoutedAsSent) {
  const auto host = server_.host_token();
  const auto port = server_.port();
  EXPECT_EQ(http_request(port, "GET", "/api/online", "", host).status, 200);
  EXPECT_EQ(http_request(port, "GET", "/api//online", "", host).status, 404);
  EXPECT_EQ(http_request(port, "GET", "/api/online/", "", host).status, 404);
  EXPECT_EQ(http_request(port, "GET", "/api/%6Fnline", "", host).status, 404);
  auto talk =
      http_request(port, "POST", "/api/talks",
                   R"({"kind":"tech_talk","title":"t","speaker":"s","start":"2030-01-01T10:00",
                               "end":"2030-01-01T11:00","room":"hall"})",
                   host);
  ASSERT_EQ(talk.status, 201) << talk.body;
  const auto id = std::to_string(talk.json()["id"].get<int>());
  EXPECT_EQ(http_request(port, "GET", "/api/talks/" + id, "", host).status, 200);
  EXPECT_EQ(http_request(port, "GET", "/api/talks%2F" + id, "", host).status, 404);
  EXPECT_EQ(http_request(port, "GET", "/api/talks%2f" + id + "/notes", "", host).status, 404);
  EXPECT_EQ(http_request(port, "GET", "/api/talks//" + id, "", host).status, 404);
  // A path parameter is decoded after matching: %3X is the digit X.
  EXPECT_EQ(http_request(port, "GET", "/api/talks/%3" + id, "", host).status, 200);
  EXPECT_EQ(http_request(port, "GET", "/api/%zz", "", host).status, 400);
}

TEST_F(ApiRoles, DuplicateKeysAndFractionsAreRefused) {
  const auto admin = server_.host_token(store::Role::admin);
  const auto port = server_.port();
  auto twice =
      http_request(port, "POST", "/api/invites", R"({"role":"admin","role":"attendee"})", admin);
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(twice.json()["error"]["code"], "bad_request");
  EXPECT_NE(twice.json()["error"]["message"].get<std::string>().find("twice"), std::string::npos);
  auto fraction = http_request(port, "POST", "/api/invites", R"({"max_uses":1.5})", admin);
  EXPECT_EQ(fraction.status, 400);
  EXPECT_NE(fraction.json()["error"]["message"].get<std::string>().find("whole number"),
            std::string::npos);
  EXPECT_EQ(http_request(port, "POST", "/api/invites", R"({"max_uses":4294967297})", admin).status,
            400);
  EXPECT_EQ(http_request(port, "PUT", "/api/graduation/palette",
                         R"({"colors":[{"name":"a","rgb":"#000000","rgb":"#FFFFFF"}]})", admin)
                .status,
            400);
  EXPECT_EQ(http_request(port, "POST", "/api/raffle", R"({"winners":2.5})", admin).status, 400);
  EXPECT_EQ(
      http_request(port, "POST", "/api/talks", R"({"capacity":3,"capacity":4})", admin).status,
      400);
  // The same requests written once are fine.
  auto good =
      http_request(port, "POST", "/api/invites", R"({"role":"attendee","max_uses":2})", admin);
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(good.json()["max_uses"], 2);
}

TEST(MetricsE2e, OpenByDefaultAndBehindATokenWhenOneIsSet) {
  TestServer open_server;
  EXPECT_EQ(http_request(open_server.port(), "GET", "/metrics").status, 200);
  TestServer server([](ServerConfig& c) { c.metrics_token = "scrape-me"; });
  const auto none = http_request(server.port(), "GET", "/metrics");
  EXPECT_EQ(none.status, 401);
  EXPECT_NE(none.www_authenticate.find("Bearer"), std::string::npos);
  EXPECT_EQ(http_request(server.port(), "GET", "/metrics", "", "scrape-m").status, 401);
  EXPECT_EQ(http_request(server.port(), "GET", "/metrics", "", "scrape-me-too").status, 401);
  // A host token is not the metrics token.
  EXPECT_EQ(http_request(server.port(), "GET", "/metrics", "", server.host_token()).status, 401);
  const auto ok = http_request(server.port(), "GET", "/metrics", "", "scrape-me");
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("moim_"), std::string::npos);
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);  // stays open
}

// docs/api.md is the reference a script writer reads: every route the server registers must be
// there, as a heading "`METHOD /path`".
TEST(ApiDocs, EveryRegisteredRouteIsDocumented) {
  std::ifstream in(std::string(MOIM_SOURCE_DOCS_DIR) + "/api.md");
  ASSERT_TRUE(in) << "docs/api.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = text.str();
  TestServer server;
  for (const auto& route : registered_routes(server)) {
    const auto heading = "`" + route.method + " " + route.pattern + "`";
    EXPECT_NE(doc.find("### " + heading), std::string::npos)
        << heading << " is registered but not documented in docs/api.md";
  }
}

}  // namespace
}  // namespace moim::e2e
