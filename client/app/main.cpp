// moim-client: the desktop client. A thin main: parse the command line, run the app.
#include <CLI/CLI.hpp>

#include "app.hpp"

int main(int argc, char** argv) {
  using moim::client::app::AppOptions;
  AppOptions options;
  if (const auto path = moim::client::default_settings_path()) {
    options.settings_file = *path;
    options.join = moim::client::load_join_settings(*path);
  }
  options.maps_dir = MOIM_SOURCE_MAPS_DIR;
  options.assets_dir = MOIM_SOURCE_ASSETS_DIR;
  std::string name;
  CLI::App app{"moim-client: join a moim gathering"};
  app.add_option("--server", options.join.server, "Server address, ws://HOST:PORT or wss://...");
  app.add_option("--ca-file", options.ca_file,
                 "wss://: also trust this PEM certificate or CA (e.g. a self-signed server's)")
      ->check(CLI::ExistingFile);
  app.add_option("--name", name, "Display name (joins at once when given)");
  app.add_option("--invite", options.join.invite, "Invite code");
  app.add_option("--room", options.join.room, "Room to join (default: the lobby)");
  app.add_option("--maps", options.maps_dir, "Directory of the Tiled maps")->capture_default_str();
  app.add_option("--assets", options.assets_dir, "Directory of sprites")->capture_default_str();
  app.add_flag("--headless", options.headless, "No window: render offscreen (for tests, docs)");
  app.add_option("--screenshot", options.screenshot, "Headless: write the last frame to this PNG");
  app.add_option("--frames", options.frames, "Headless: frames to run once in the room")
      ->capture_default_str();
  app.add_option(
      "--script", options.script,
      "Headless actions, in order: goto:X,Y  say:TEXT  room:TEXT  wait:S  zoom:F  follow:NAME  "
      "walkafter:NAME  chat:fold  talk:on|off  openmic:on|off  voice:panel");
  app.add_option("--timeout", options.timeout_s,
                 "Seconds to wait for the connection, then for each answer while joining")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 600.0));
  app.add_option("--bench-avatars", options.bench_avatars,
                 "Headless measurement: draw N avatars in a room (no server) and print frame "
                 "times");
  app.add_option("--bench-frames", options.bench_frames, "Frames to measure with --bench-avatars")
      ->capture_default_str();
  app.add_flag("!--no-voice", options.voice, "Text only: open no sound device");
  app.add_option("--audio-in", options.audio_input,
                 "Microphone (a device name; default: system's)");
  app.add_option("--audio-out", options.audio_output,
                 "Loudspeaker (a device name; default: system's)");
  CLI11_PARSE(app, argc, argv);
  if (!name.empty()) {
    options.join.name = name;
    options.autojoin = true;
  }
  // Made once per device and saved with the settings on the first join (join_screen.cpp).
  moim::client::ensure_device_key(options.join);
  if (options.bench_avatars > 0) options.headless = true;  // measured offscreen
  if (options.headless) options.settings_file.reset();     // tests must not overwrite a person's
  return moim::client::app::run(options);
}
