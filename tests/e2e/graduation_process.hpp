#pragma once
// The real moim-server binary as a child process, for tests that must kill it (kill -9) and
// start it again on the same files. Output goes to <data_dir>/server.log.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"

namespace moim::e2e {

// A port nobody listens on right now (bound to 0 and released).
inline std::uint16_t free_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(
      io, {boost::asio::ip::make_address("127.0.0.1"), static_cast<std::uint16_t>(0)});
  return acceptor.local_endpoint().port();
}

// Runs `binary args...` to completion and returns what it printed on stdout.
inline std::string run_capture(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

class ServerProcess {
 public:
  ServerProcess(std::string binary, std::vector<std::string> args, std::filesystem::path log)
      : binary_(std::move(binary)), args_(std::move(args)), log_(std::move(log)) {}
  ~ServerProcess() { kill9(); }

  // Starts the server and waits (up to 15 s) until /healthz answers on `port`.
  bool start(std::uint16_t port) {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      std::vector<char*> argv;
      argv.push_back(binary_.data());
      for (auto& a : args_) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary_.c_str(), argv.data());
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      if (http_request(port, "GET", "/healthz").status == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // SIGKILL: no shutdown code runs, exactly like a crash.
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  std::string binary_;
  std::vector<std::string> args_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
};

}  // namespace moim::e2e
