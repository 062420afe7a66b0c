// The desktop client over wss://: the real moim-client process (headless) joins a TLS server
// with a self-signed certificate it was told to trust (--ca-file) and says something to the
// room; without --ca-file it refuses the certificate, exits with code 2 and says why.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <string>

#include "test_server.hpp"
#include "tls_certificate.hpp"

namespace moim::e2e {
namespace {

struct ClientRun {
  int exit_code = -1;
  std::string log;
};

ClientRun run_client(const std::filesystem::path& dir, std::uint16_t port,
                     const std::string& extra) {
  const auto log = dir / "client.log";
  const std::string command = "timeout -k 5 60 " + std::string(MOIM_CLIENT_EXE) +
                              " --headless --server wss://127.0.0.1:" + std::to_string(port) +
                              " --name 김민지 --frames 5 --timeout 5 " + extra + " > " +
                              log.string() + " 2>&1";
  const int status = std::system(command.c_str());
  ClientRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  run.log = text.str();
  return run;
}

TEST(ClientTls, JoinsAndTalksOverWssTrustingTheGivenCertificate) {
  const auto dir = fresh_dir();
  const auto certificate = make_self_signed(dir, "server", "IP:127.0.0.1");
  TestServer server([&](ServerConfig& c) {
    c.tls_cert = certificate.cert;
    c.tls_key = certificate.key;
  });
  client::Connection::Options options;
  options.tls = true;
  options.ca_file = certificate.cert.string();
  SyncClient listener(options);
  ASSERT_TRUE(listener.connect("127.0.0.1", server.port()));
  ASSERT_TRUE(listener.hello_and_join("박지훈"));

  auto client = std::async(std::launch::async, [&] {
    return run_client(dir, server.port(),
                      "--ca-file " + certificate.cert.string() + " --script room:보안연결 wait:1");
  });
  EXPECT_TRUE(listener.wait_for(chat_with("보안연결"), 20s));
  const auto run = client.get();
  EXPECT_EQ(run.exit_code, 0) << run.log;

  // Without the certificate to trust, the client refuses the server and says so.
  const auto refused = run_client(dir, server.port(), "");
  EXPECT_EQ(refused.exit_code, 2) << refused.log;
  EXPECT_NE(refused.log.find("certificate"), std::string::npos) << refused.log;
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace moim::e2e
