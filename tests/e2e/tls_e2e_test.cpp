// TLS on the server's one port with a self-signed certificate made for the test: the real client
// joins and chats over wss://, a host calls the API over https://, the client refuses a
// certificate it cannot verify, and plain ws:// or http:// to the TLS port fails cleanly while
// everyone else carries on.
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>

#include "http_client.hpp"
#include "test_server.hpp"
#include "tls_certificate.hpp"

namespace moim::e2e {
namespace {

client::Connection::Options wss(std::string ca_file) {
  client::Connection::Options options;
  options.tls = true;
  options.ca_file = std::move(ca_file);
  return options;
}

class TlsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_dir();
    certificate_ = make_self_signed(dir_, "server", "DNS:localhost,IP:127.0.0.1");
    server_ = std::make_unique<TestServer>([this](ServerConfig& c) {
      c.tls_cert = certificate_.cert;
      c.tls_key = certificate_.key;
      // Long enough for a TLS handshake of the sanitizer build on a loaded 2-core machine (1 s
      // failed there while other tests ran beside it), short enough to watch a silent socket go.
      c.http_timeout = std::chrono::milliseconds(3000);
    });
  }
  void TearDown() override {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // A client that trusts the test certificate, joined over wss://.
  std::unique_ptr<SyncClient> join_wss(const std::string& name, const std::string& invite = "",
                                       const std::string& host = "127.0.0.1") {
    auto c = std::make_unique<SyncClient>(wss(certificate_.cert.string()));
    EXPECT_TRUE(c->connect(host, server_->port())) << describe_close(*c);
    auto reply = c->hello_and_join(name, invite);
    EXPECT_TRUE(reply && reply->has_joined())
        << name << ": " << (reply ? reply->DebugString() : "no answer");
    return c;
  }

  static std::string describe_close(const SyncClient& c) {
    return c.close_info() ? client::describe(*c.close_info()) : "(still open)";
  }

  std::filesystem::path dir_;
  Certificate certificate_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(TlsE2E, PeopleJoinAndChatOverWss) {
  auto mina = join_wss("미나");
  auto joon = join_wss("준", "", "localhost");  // by name: SNI and the DNS alternative name
  ASSERT_TRUE(mina->request(chat(v1::CHAT_SCOPE_ROOM, "암호화된 안녕")));
  EXPECT_TRUE(joon->wait_for(chat_with("암호화된 안녕")));
}

TEST_F(TlsE2E, HostApiOverHttpsAndTheInviteItMadeJoinsOverWss) {
  const auto ca = certificate_.cert.string();
  EXPECT_EQ(https_request(server_->port(), ca, "GET", "/healthz").status, 200);
  const auto token = server_->host_token();
  auto made = https_request(server_->port(), ca, "POST", "/api/invites",
                            R"({"role":"attendee","max_uses":1})", token);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto code = made.json().at("code").get<std::string>();
  auto guest = join_wss("초대손님", code);
  EXPECT_EQ(https_request(server_->port(), ca, "GET", "/api/online", "", "wrong").status, 401);
}

TEST_F(TlsE2E, ClientRefusesACertificateItCannotVerify) {
  // Without the test certificate as a CA the self-signed certificate is not trusted.
  SyncClient wary(wss(""));
  EXPECT_FALSE(wary.connect("127.0.0.1", server_->port()));
  EXPECT_NE(describe_close(wary).find("certificate verify failed"), std::string::npos)
      << describe_close(wary);
  EXPECT_EQ(https_request(server_->port(), "", "GET", "/healthz").status, 0);

  // Trusted, but issued for other names: the host name check refuses it.
  const auto other = make_self_signed(dir_, "other", "DNS:other.example");
  SyncClient misnamed(wss(other.cert.string()));
  EXPECT_FALSE(misnamed.connect("127.0.0.1", server_->port()));
  EXPECT_NE(describe_close(misnamed).find("TLS handshake"), std::string::npos)
      << describe_close(misnamed);

  // A CA file that does not exist is an error that says which file.
  SyncClient missing(wss((dir_ / "nope.pem").string()));
  EXPECT_FALSE(missing.connect("127.0.0.1", server_->port()));
  EXPECT_NE(describe_close(missing).find("nope.pem"), std::string::npos) << describe_close(missing);
}

TEST_F(TlsE2E, PlainConnectionsToTheTlsPortFailCleanlyAndOthersCarryOn) {
  auto mina = join_wss("미나");

  // ws:// to a wss:// server: the upgrade is declined with a 400, not left hanging.
  SyncClient plain;
  EXPECT_FALSE(plain.connect("127.0.0.1", server_->port()));
  EXPECT_NE(describe_close(plain).find("handshake"), std::string::npos) << describe_close(plain);

  // http:// gets the reason in words; no request reaches the API in the clear.
  const auto token = server_->host_token();
  auto refused =
      http_request(server_->port(), "POST", "/api/invites", R"({"role":"attendee"})", token);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("TLS"), std::string::npos) << refused.body;
  auto online =
      https_request(server_->port(), certificate_.cert.string(), "GET", "/api/online", "", token);
  ASSERT_EQ(online.status, 200) << online.body;
  EXPECT_NE(online.body.find("미나"), std::string::npos) << online.body;

  // A connection that says nothing at all is dropped after the HTTP timeout (3 s here).
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket silent(io);
  silent.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
  const auto start = std::chrono::steady_clock::now();
  char byte = 0;
  boost::system::error_code ec;
  boost::asio::read(silent, boost::asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset)
      << ec.message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 8s);

  // The wss:// person was never disturbed, and newcomers still get in.
  ASSERT_TRUE(mina->request(chat(v1::CHAT_SCOPE_ROOM, "아직 여기")));
  auto joon = join_wss("준");
  ASSERT_TRUE(mina->request(chat(v1::CHAT_SCOPE_ROOM, "어서 와")));
  EXPECT_TRUE(joon->wait_for(chat_with("어서 와")));
}

TEST(TlsConfig, AMissingOrMismatchedCertificateStopsStartUpWithTheFileNamed) {
  const auto dir = fresh_dir();
  const auto a = make_self_signed(dir, "a", "DNS:localhost");
  const auto b = make_self_signed(dir, "b", "DNS:localhost");
  auto config_with = [&](std::filesystem::path cert, std::filesystem::path key) {
    ServerConfig c;
    c.port = 0;
    c.data_dir = dir;
    c.maps_dir = MOIM_SOURCE_MAPS_DIR;
    c.tls_cert = std::move(cert);
    c.tls_key = std::move(key);
    return c;
  };
  auto start_up_error = [](const ServerConfig& c) -> std::string {
    try {
      app::Server server(c);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(start_up_error(config_with(dir / "missing.crt", a.key)).find("missing.crt"),
            std::string::npos);
  const auto mismatch = start_up_error(config_with(a.cert, b.key));  // OpenSSL checks the pair
  EXPECT_NE(mismatch.find("b.key"), std::string::npos) << mismatch;
  EXPECT_NE(mismatch.find("mismatch"), std::string::npos) << mismatch;
  EXPECT_NE(start_up_error(config_with(a.cert, "")).find("--tls-key"), std::string::npos);
  EXPECT_EQ(start_up_error(config_with(a.cert, a.key)), "");
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace moim::e2e
