#pragma once
// Start-up and the main loop: SDL and its libraries, the window, the fixed-step loop, and in
// headless mode the screenshot at the end.
#include "context.hpp"

namespace moim::client::app {

// Returns the process exit code: 0 on a normal end, 1 on a start-up failure (message on stderr),
// 2 when a headless run ended without a room because joining failed or the connection ended
// (the reason on stderr), 3 when a headless run gave up waiting for the room (the screenshot is
// still written in both cases).
int run(const AppOptions& options);

// Writes what the renderer shows now to a PNG; false (SDL_GetError() says why) on failure.
bool save_screenshot(SDL_Renderer* r, const std::filesystem::path& file);

}  // namespace moim::client::app
