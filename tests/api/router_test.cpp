#include "api/router.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/secret_hash.hpp"
#include "store/sqlite_store.hpp"

namespace moim::api {
namespace {

// A database file in a fresh directory, removed afterwards.
class TempFile {
 public:
  TempFile()
      : dir_(std::filesystem::temp_directory_path() /
             ("moim-api-test-" + random_token(8).value())) {
    std::filesystem::create_directories(dir_);
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::filesystem::path path() const { return dir_ / "moim.db"; }

 private:
  std::filesystem::path dir_;
};

// The store refuses to create an attendee's token; a database from before that rule may hold
// one, so the test writes the row the way such a database has it.
void insert_attendee_token(const std::filesystem::path& file, const std::string& token) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  const auto sql = "INSERT INTO host_tokens (token_hash, role, label, created_at_ms) VALUES ('" +
                   sha256_hex(token) + "', 1, 'old', 0)";
  ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : store_(store::open_sqlite_store(file_.path())), router_(*store_) {
    EXPECT_TRUE(store_->create_host_token("host-secret", store::Role::host, "h"));
    EXPECT_TRUE(store_->create_host_token("admin-secret", store::Role::admin, "a"));
    insert_attendee_token(file_.path(), "attendee-secret");
    router_.add("GET", "/api/talks", Access::open, [](const ApiRequest& r) {
      return ApiResponse::json(200, {{"q", r.query_value("q")}});
    });
    router_.add("POST", "/api/talks/{id}/notes", Access::host, [](const ApiRequest& r) {
      const auto body = nlohmann::json::parse(r.body);
      return ApiResponse::json(
          201,
          {{"id", r.param("id")}, {"text", body.at("text")}, {"role", static_cast<int>(*r.role)}});
    });
    router_.add("GET", "/api/boom", Access::open,
                [](const ApiRequest&) -> ApiResponse { throw std::runtime_error("kaboom"); });
  }

  ApiResponse call(std::string method, std::string path, std::string auth = "",
                   std::string body = "") {
    ApiRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.authorization = std::move(auth);
    request.body = std::move(body);
    return router_.handle(std::move(request));
  }

  static std::string error_code(const ApiResponse& response) {
    return nlohmann::json::parse(response.body).at("error").at("code");
  }

  TempFile file_;
  std::unique_ptr<store::Store> store_;
  Router router_;
};

TEST_F(RouterTest, MatchesPlaceholdersAndPassesTheCallersRole) {
  auto r = call("POST", "/api/talks/42/notes", "Bearer host-secret", R"({"text":"slides"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["id"], "42");
  EXPECT_EQ(body["text"], "slides");
  EXPECT_EQ(body["role"], static_cast<int>(store::Role::host));
  EXPECT_EQ(r.content_type, "application/json");
}

TEST_F(RouterTest, HostRoutesRefuseMissingAndUnknownTokensWith401) {
  for (const std::string auth : {"", "Bearer", "Basic host-secret", "Bearer wrong-secret",
                                 "Bearer host-secret-but-longer"}) {
    auto r = call("POST", "/api/talks/1/notes", auth, R"({"text":"x"})");
    EXPECT_EQ(r.status, 401) << "'" << auth << "'";
    EXPECT_EQ(error_code(r), "unauthorized");
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0].first, "WWW-Authenticate");
  }
}

TEST_F(RouterTest, HostRoutesRefuseAnAttendeeTokenWith403) {
  auto r = call("POST", "/api/talks/1/notes", "Bearer attendee-secret", R"({"text":"x"})");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "forbidden");
}

TEST_F(RouterTest, AdminTokensAndAnyCaseSchemeAreAccepted) {
  EXPECT_EQ(call("POST", "/api/talks/1/notes", "bearer admin-secret", R"({"text":"x"})").status,
            201);
}

TEST_F(RouterTest, OpenRoutesNeedNoToken) {
  ApiRequest request;
  request.method = "GET";
  request.path = "/api/talks";
  request.query = {{"q", "paper reading"}};
  auto r = router_.handle(request);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["q"], "paper reading");
}

TEST_F(RouterTest, UnknownPathIs404AndWrongMethodIs405) {
  EXPECT_EQ(call("GET", "/api/nothing").status, 404);
  EXPECT_EQ(call("GET", "/api/talks/1/notes/extra").status, 404);
  EXPECT_EQ(call("DELETE", "/api/talks").status, 405);
  EXPECT_EQ(error_code(call("PUT", "/api/talks")), "method_not_allowed");
}

TEST_F(RouterTest, StoreRefusesToCreateAnAttendeeToken) {
  auto refused = store_->create_host_token("new-attendee", store::Role::attendee, "x");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::bad_request);
  EXPECT_NE(refused.error().message.find("a host token's role is host or admin"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(call("POST", "/api/talks/1/notes", "Bearer new-attendee", R"({"text":"x"})").status,
            401);
}

TEST_F(RouterTest, RoutesOnThePathAsSent) {
  const std::string host = "Bearer host-secret";
  // An escaped slash is part of a segment, not a separator; empty segments match nothing.
  EXPECT_EQ(call("POST", "/api/talks%2F1/notes", host, R"({"text":"x"})").status, 404);
  EXPECT_EQ(call("POST", "/api/talks/1%2Fnotes", host, R"({"text":"x"})").status, 404);
  EXPECT_EQ(call("POST", "/api//talks/1/notes", host, R"({"text":"x"})").status, 404);
  EXPECT_EQ(call("POST", "/api/talks//notes", host, R"({"text":"x"})").status, 404);
  EXPECT_EQ(call("POST", "/api/talks/1/notes/", host, R"({"text":"x"})").status, 404);
  EXPECT_EQ(call("GET", "//api/talks").status, 404);
  EXPECT_EQ(call("GET", "api/talks").status, 404);
  EXPECT_EQ(call("GET", "/api/%74alks").status, 404);  // literals are not decoded either
  // Parameters are decoded after matching.
  auto r = call("POST", "/api/talks/%ED%95%9C/notes", host, R"({"text":"x"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["id"], "한");
}

TEST_F(RouterTest, ListsEveryRouteAsAdded) {
  const auto routes = router_.routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/api/talks/{id}/notes");
  EXPECT_EQ(routes[1].access, Access::host);
  EXPECT_EQ(routes[0].access, Access::open);
}

TEST_F(RouterTest, HeadIsAnsweredLikeGet) {
  EXPECT_EQ(call("HEAD", "/api/talks").status, 200);
}

TEST_F(RouterTest, MalformedJsonIs400AndHandlerFailuresAre500) {
  auto bad = call("POST", "/api/talks/1/notes", "Bearer host-secret", "{not json");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_code(bad), "bad_request");
  auto missing = call("POST", "/api/talks/1/notes", "Bearer host-secret", R"({"other":1})");
  EXPECT_EQ(missing.status, 400);
  auto boom = call("GET", "/api/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(error_code(boom), "internal");
}

TEST(ApiErrors, DomainErrorsMapToFittingStatuses) {
  EXPECT_EQ(ApiResponse::from(Error{Errc::forbidden, "no"}).status, 403);
  EXPECT_EQ(ApiResponse::from(Error{Errc::no_such_user, "who"}).status, 404);
  EXPECT_EQ(ApiResponse::from(Error{Errc::room_full, "full"}).status, 409);
  EXPECT_EQ(ApiResponse::from(Error{Errc::internal, "db"}).status, 500);
  const auto body = nlohmann::json::parse(ApiResponse::from(Error{Errc::bad_request, "m"}).body);
  EXPECT_EQ(body["error"]["code"], "bad_request");
  EXPECT_EQ(body["error"]["message"], "m");
}

TEST(ApiUrls, PercentDecodingAndQueries) {
  EXPECT_EQ(percent_decode("%ED%95%9C%EA%B8%80"), "한글");
  EXPECT_EQ(percent_decode("a+b%20c"), "a+b c");
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("%4"));
  EXPECT_FALSE(percent_decode("%zz"));
  auto q = parse_query("q=paper+reading&tz=Asia%2FSeoul&flag&&empty=");
  ASSERT_TRUE(q);
  EXPECT_EQ((*q)["q"], "paper reading");
  EXPECT_EQ((*q)["tz"], "Asia/Seoul");
  EXPECT_EQ((*q)["flag"], "");
  EXPECT_EQ((*q)["empty"], "");
  EXPECT_FALSE(parse_query("a=%G0"));
}

}  // namespace
}  // namespace moim::api
