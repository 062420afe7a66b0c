// The desktop client (moim-client --headless, a real process) against servers that misbehave
// (bad_server.hpp): each run must end by itself, soon, with exit code 2 and a sentence saying
// what went wrong, and still write its screenshot (the join screen showing that sentence).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "bad_server.hpp"

namespace {

using moim::test::BadServer;
using moim::test::Misbehaviour;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kTimeoutSeconds = 2;  // the client's --timeout for each of these runs

struct Run {
  int exit_code = -1;  // the client's exit status; 124 if the watchdog had to stop it
  std::string log;     // stdout and stderr
  Clock::duration took{};
  bool screenshot = false;
};

std::filesystem::path scratch() {
  static std::mt19937_64 rng(std::random_device{}());
  auto dir = std::filesystem::temp_directory_path() / ("moim-headless-" + std::to_string(rng()));
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs the client against 127.0.0.1:port. coreutils' timeout is the watchdog: a hang shows up as
// exit code 124 instead of a stuck test.
Run run_client(std::uint16_t port) {
  const auto dir = scratch();
  const auto shot = dir / "shot.png";
  const auto log = dir / "log.txt";
  const std::string command = "timeout -k 5 60 " + std::string(MOIM_CLIENT_EXE) +
                              " --headless --server ws://127.0.0.1:" + std::to_string(port) +
                              " --name 김민지 --frames 5 --timeout " +
                              std::to_string(kTimeoutSeconds) + " --screenshot " + shot.string() +
                              " > " + log.string() + " 2>&1";
  Run run;
  const auto start = Clock::now();
  const int status = std::system(command.c_str());
  run.took = Clock::now() - start;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  run.log = text.str();
  std::error_code ec;
  const auto size = std::filesystem::file_size(shot, ec);
  run.screenshot = !ec && size > 0;
  std::filesystem::remove_all(dir);
  return run;
}

void expect_clear_failure(const Run& run, const std::string& phrase) {
  EXPECT_EQ(run.exit_code, 2) << run.log;
  EXPECT_NE(run.log.find(phrase), std::string::npos) << "expected \"" << phrase << "\" in:\n"
                                                     << run.log;
  // Connecting and each answer are bounded by --timeout; start-up and the frames add a little.
  EXPECT_LT(run.took, std::chrono::seconds(3 * kTimeoutSeconds + 8)) << run.log;
  EXPECT_TRUE(run.screenshot) << "the join screen with the message should be written";
}

TEST(HeadlessClient, ServerThatSaysNothingAtAll) {
  BadServer server(Misbehaviour::silent_tcp);
  expect_clear_failure(run_client(server.port()), "Cannot reach the server");
}

TEST(HeadlessClient, ServerThatAnswersTheUpgradeWithGarbage) {
  BadServer server(Misbehaviour::garbage_handshake);
  expect_clear_failure(run_client(server.port()), "WebSocket handshake failed");
}

TEST(HeadlessClient, ServerThatSendsGarbageFrames) {
  BadServer server(Misbehaviour::garbage_frames);
  expect_clear_failure(run_client(server.port()), "the server sent a bad message");
}

TEST(HeadlessClient, ServerThatClosesMidFrame) {
  BadServer server(Misbehaviour::half_frame);
  expect_clear_failure(run_client(server.port()), "closed the connection while joining");
}

TEST(HeadlessClient, ServerThatNeverSendsWelcome) {
  BadServer server(Misbehaviour::silent_websocket);
  expect_clear_failure(run_client(server.port()), "did not answer the greeting within 2 s");
}

TEST(HeadlessClient, ServerThatFreezesAfterTheHandshake) {
  BadServer server(Misbehaviour::frozen_websocket);
  expect_clear_failure(run_client(server.port()), "did not answer the greeting");
}

TEST(HeadlessClient, NoServerAtAll) {
  std::uint16_t port = 0;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor probe(
        io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
    port = probe.local_endpoint().port();
  }
  expect_clear_failure(run_client(port), "Cannot reach the server");
}

}  // namespace
