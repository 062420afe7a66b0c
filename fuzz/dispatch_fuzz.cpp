// libFuzzer target: arbitrary message sequences from four connections into the whole server
// minus the network (see dispatch_world.hpp). Finds crashes, sanitizer reports and replies that
// are not well-formed envelopes.
#include <google/protobuf/stubs/logging.h>
#include <spdlog/spdlog.h>

#include <vector>

#include "dispatch_world.hpp"

// A smaller quarantine than ASan's 256 MiB: freed memory is reused while it is still mapped,
// instead of every input touching fresh pages (page faults were half of each input's time).
// 16 MiB still holds every allocation of many inputs, so use-after-free within one input is
// caught as before. ASAN_OPTIONS from the environment override this.
extern "C" const char* __asan_default_options() {
  return "quarantine_size_mb=16";
}

// Every input runs the whole server, so it sets tens of thousands of coverage features, and
// libFuzzer's entropic schedule (which keeps a frequency for each) took over half of each
// execution, for no more coverage in our runs. It is off unless the command line turns it on
// (libFuzzer parses the flags after this, the later of two wins).
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  google::protobuf::SetLogHandler(nullptr);  // malformed UTF-8 in strings is expected here
  spdlog::set_level(spdlog::level::off);     // a log line per input is noise and time
  static char entropic_off[] = "-entropic=0";
  static std::vector<char*> args;
  args.assign(*argv, *argv + *argc);
  args.insert(args.begin() + 1, entropic_off);
  args.push_back(nullptr);
  *argv = args.data();
  *argc = static_cast<int>(args.size() - 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  moim::fuzz::run_dispatch(data, size);
  return 0;
}
