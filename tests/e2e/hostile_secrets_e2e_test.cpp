// Secrets never reach the log: a real server logging at trace level sees invite codes, host
// tokens and resume tokens used rightly and wrongly, over WebSocket and the host API, and
// nothing it writes contains one of them.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "http_client.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

// Sends everything spdlog's default logger writes, at every level, to a string for its lifetime.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()), previous_level_(spdlog::get_level()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_);
    auto logger = std::make_shared<spdlog::logger>("capture", sink);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::trace);
  }
  ~LogCapture() {
    spdlog::set_default_logger(previous_);
    spdlog::set_level(previous_level_);
  }
  std::string text() {
    spdlog::default_logger()->flush();
    return stream_.str();
  }

 private:
  std::ostringstream stream_;
  std::shared_ptr<spdlog::logger> previous_;
  spdlog::level::level_enum previous_level_;
};

v1::Envelope hello() {
  v1::Envelope e;
  e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  return e;
}

v1::Envelope resume(const std::string& token) {
  v1::Envelope e;
  e.mutable_resume()->set_resume_token(token);
  return e;
}

TEST(HostileSecrets, InviteCodesAndTokensNeverReachTheLog) {
  LogCapture log;
  std::vector<std::string> secrets;
  {
    TestServer server([](ServerConfig& c) { c.dev = false; });  // joining needs an invite
    const auto admin = server.host_token(store::Role::admin);
    secrets.push_back(admin);

    // The host API: a good token makes invites, wrong ones are refused.
    auto made = http_request(server.port(), "POST", "/api/invites",
                             R"({"role":"attendee","max_uses":1})", admin);
    ASSERT_EQ(made.status, 201) << made.body;
    const auto code = made.json().at("code").get<std::string>();
    secrets.push_back(code);
    const auto near_miss = admin.substr(0, admin.size() - 1) + (admin.back() == 'a' ? "b" : "a");
    secrets.push_back(near_miss);
    EXPECT_EQ(http_request(server.port(), "GET", "/api/online", "", near_miss).status, 401);

    // Joining: the right code, a used-up one, a wrong one.
    auto mina = server.connect();
    auto joined = mina->hello_and_join("미나", code);
    ASSERT_TRUE(joined && joined->has_joined());
    const auto resume_token = joined->joined().resume_token();
    secrets.push_back(resume_token);
    const std::string wrong_code = "MOIM-ZZZZ-YYYY-XXXX";
    secrets.push_back(wrong_code);
    for (const auto& attempt : {code, wrong_code}) {
      auto other = server.connect();
      auto refused = other->hello_and_join("준", attempt);
      ASSERT_TRUE(refused && refused->has_error());
      EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_INVALID_INVITE);
    }

    // Resuming: a forged token is refused; the real one works after the drop.
    const std::string forged(resume_token.size(), 'f');
    secrets.push_back(forged);
    auto thief = server.connect();
    ASSERT_TRUE(thief->request(hello()));
    auto stolen = thief->request(resume(forged));
    ASSERT_TRUE(stolen && stolen->has_error());
    mina.reset();
    auto back = server.connect();
    ASSERT_TRUE(back->request(hello()));
    auto resumed = back->request(resume(resume_token));
    ASSERT_TRUE(resumed && resumed->has_joined()) << (resumed ? resumed->DebugString() : "");
    secrets.push_back(resumed->joined().resume_token());

    // Garbage after the secrets, so error paths log too.
    back->send_raw("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01");
    back->wait_closed(2s);
  }
  const auto text = log.text();
  // The capture works: the server's start and stop were logged.
  ASSERT_NE(text.find("listening"), std::string::npos) << text;
  ASSERT_NE(text.find("shutting down"), std::string::npos) << text;
  for (const auto& secret : secrets) {
    ASSERT_FALSE(secret.empty());
    EXPECT_EQ(text.find(secret), std::string::npos) << "logged: " << secret << "\n" << text;
    EXPECT_EQ(text.find(sha256_hex(secret)), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace moim::e2e
