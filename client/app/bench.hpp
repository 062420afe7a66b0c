#pragma once
// --bench-avatars N: how fast the room screen draws N avatars, measured offscreen with no
// server. Prints frame-time statistics; never a pass/fail test (timings depend on the machine).
#include "context.hpp"

namespace moim::client::app {

// Returns the process exit code (0, or 1 when the room cannot be set up).
int run_bench(AppContext& ctx);

}  // namespace moim::client::app
