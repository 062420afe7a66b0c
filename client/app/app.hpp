#pragma once
// Start-up and the main loop: SDL and its libraries, the window, the fixed-step loop, and in
// headless mode the screenshot at the end.
#include "context.hpp"

namespace moim::client::app {

// Returns the process exit code: 0 on a normal end, 1 on a start-up failure (message on stderr),
// 3 when a headless run gave up waiting for the room (the screenshot is still written).
int run(const AppOptions& options);

}  // namespace moim::client::app
