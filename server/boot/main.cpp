// moim-server: parse the command line, then either run an admin command or serve until
// SIGINT/SIGTERM.
#include <google/protobuf/stubs/logging.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <csignal>
#include <iostream>

#include "boot/cli.hpp"
#include "boot/server.hpp"

namespace {

// Protobuf logs every malformed string field it refuses; hostile input would flood the log.
void quiet_protobuf_log(google::protobuf::LogLevel level, const char*, int,
                        const std::string& message) {
  if (level >= google::protobuf::LOGLEVEL_ERROR) spdlog::debug("protobuf: {}", message);
}

int serve(const moim::app::CommandLine& command) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  // Block the signals in every thread the server starts; this thread waits for them.
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  moim::app::Server server(command.config);
  server.start();
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received {}", received == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  server.wait();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Join snapshots of a crowded room are hundreds of KiB and live only until they are sent.
  // glibc raises its mmap threshold to the size of every such block freed, after which they
  // come from the heap and leave it fragmented: an idle server kept megabytes it no longer
  // used. A fixed threshold keeps large blocks in their own mappings, returned when freed.
  mallopt(M_MMAP_THRESHOLD, 64 * 1024);
  auto parsed = moim::app::parse_command_line(argc, argv);
  if (auto* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const auto& command = std::get<moim::app::CommandLine>(parsed);
  spdlog::set_level(spdlog::level::from_str(command.log_level));
  google::protobuf::SetLogHandler(quiet_protobuf_log);
  try {
    if (command.admin.kind != moim::app::AdminCommand::Kind::none) {
      return moim::app::run_admin(command);
    }
    return serve(command);
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return 1;
  }
}
