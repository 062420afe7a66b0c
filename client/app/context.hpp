#pragma once
// What every screen may use: the renderer and text, loaded assets and maps, the session with the
// server, the screen stack, and the clock.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "moim/client/core/join_settings.hpp"
#include "moim/world/map.hpp"
#include "screen.hpp"
#include "sdl_ptrs.hpp"
#include "session.hpp"
#include "text.hpp"

namespace moim::client::app {

// Textures loaded from files once and kept by path.
class Textures {
 public:
  explicit Textures(SDL_Renderer* renderer) : renderer_(renderer) {}
  // nullptr (and a log line on stderr) if the file cannot be loaded.
  SDL_Texture* get(const std::filesystem::path& file);

 private:
  SDL_Renderer* renderer_;
  std::map<std::filesystem::path, TexturePtr> textures_;
};

class Voice;  // voice.hpp

struct AppOptions {
  JoinSettings join;
  bool autojoin = false;  // a name came on the command line: skip the join screen's button
  std::filesystem::path maps_dir;
  std::filesystem::path assets_dir;
  std::optional<std::filesystem::path> settings_file;
  bool headless = false;
  std::filesystem::path screenshot;
  int frames = 60;
  std::vector<std::string> script;  // headless actions, see room_script.cpp
  double timeout_s = 10.0;          // connecting, and each answer while joining
  std::string ca_file;              // wss://: also trust this PEM certificate (self-signed, own CA)
  int bench_avatars = 0;            // > 0: draw this many avatars offscreen and print frame times
  int bench_frames = 600;
  // Proximity voice. Off in headless runs unless SDL_AUDIODRIVER names a driver (tests use
  // SDL's disk driver), so a test never opens the machine's real sound card.
  bool voice = true;
  std::string audio_input;  // device names; empty: the system's default
  std::string audio_output;
};

struct AppContext {
  SDL_Renderer* renderer = nullptr;
  SDL_Window* window = nullptr;
  Text* text = nullptr;
  Textures* textures = nullptr;
  const world::MapSet* maps = nullptr;
  Session* session = nullptr;
  Voice* voice = nullptr;  // null when voice is off
  ScreenStack* screens = nullptr;
  const AppOptions* options = nullptr;
  double now = 0;  // seconds since start, advanced by the fixed step
  int width = 1280;
  int height = 720;
};

}  // namespace moim::client::app
