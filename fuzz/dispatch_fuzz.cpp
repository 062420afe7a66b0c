// libFuzzer target: arbitrary message sequences from four connections into the whole server
// minus the network (see dispatch_world.hpp). Finds crashes, sanitizer reports and replies that
// are not well-formed envelopes.
#include <google/protobuf/stubs/logging.h>

#include "dispatch_world.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);  // malformed UTF-8 in strings is expected here
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  moim::fuzz::run_dispatch(data, size);
  return 0;
}
