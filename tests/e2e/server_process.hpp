#pragma once
// The real moim-server binary as a child process, for tests that must kill it (SIGKILL in the
// middle of work) and start it again on the same data directory. Output goes to
// <data_dir>/server-<n>.log; the port is read from the "listening on" line, so several servers
// can run at once on ephemeral ports.
//
// Needs MOIM_SERVER_BINARY (the path of moim-server) and MOIM_SOURCE_MAPS_DIR defined.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace moim::e2e {

class ServerProcess {
 public:
  // Starts `moim-server --dev --port 0 --data-dir <data_dir> --maps <shipped maps> <extra...>`
  // and waits (up to 15 s) until it listens. port() is 0 if it never did.
  explicit ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra = {})
      : data_dir_(std::move(data_dir)) {
    static int started = 0;
    log_ = data_dir_ / ("server-" + std::to_string(++started) + ".log");
    std::vector<std::string> args = {
        MOIM_SERVER_BINARY,  "--dev", "--port", "0", "--data-dir", data_dir_.string(), "--maps",
        MOIM_SOURCE_MAPS_DIR};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = ::fork();
    if (pid_ == 0) exec_child(args);
    port_ = wait_for_port();
    EXPECT_NE(port_, 0) << "moim-server did not start; its log:\n" << log_text();
  }
  ~ServerProcess() { kill(SIGKILL); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  bool running() const { return pid_ > 0; }

  // Sends `signal` and reaps the process; returns its wait status (-1 if it was not running).
  int kill(int signal) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  std::string log_text() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  [[noreturn]] void exec_child(const std::vector<std::string>& args) {
    const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }

  std::uint16_t wait_for_port() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto text = log_text();
      if (auto at = text.find("listening on ws://"); at != std::string::npos) {
        const auto end = text.find("/ws", at + 18);
        const auto colon = text.rfind(':', end);
        if (end != std::string::npos && colon != std::string::npos && colon > at) {
          return static_cast<std::uint16_t>(std::stoi(text.substr(colon + 1, end - colon - 1)));
        }
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;  // it exited
        return 0;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
  }

  std::filesystem::path data_dir_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace moim::e2e
