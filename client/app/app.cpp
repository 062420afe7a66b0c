#include "app.hpp"

#include <SDL_image.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "bench.hpp"
#include "join_screen.hpp"
#include "net_thread.hpp"
#include "voice.hpp"

namespace moim::client::app {

namespace {

constexpr double kStep = 1.0 / 60.0;
// A headless run that never reaches the room still ends, with what it shows written out.
constexpr double kHeadlessGiveUpSeconds = 20.0;

// SDL, SDL_ttf and SDL_image, initialised in order and shut down in reverse.
class SdlLibraries {
 public:
  explicit SdlLibraries(bool headless) {
    if (headless && std::getenv("SDL_VIDEODRIVER") == nullptr) {
      SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    }
    if (headless) {
      // Offscreen, the window's pixels stay in memory: without this SDL would copy every frame
      // into an OpenGL texture (Mesa's llvmpipe on a machine without a GPU) just to show nobody.
      SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
      if (!headless) throw std::runtime_error(std::string("SDL_Init: ") + SDL_GetError());
      SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
      if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        throw std::runtime_error(std::string("SDL_Init: ") + SDL_GetError());
      }
    }
    sdl_ = true;
    if (TTF_Init() != 0) throw std::runtime_error(std::string("TTF_Init: ") + TTF_GetError());
    ttf_ = true;
    if ((IMG_Init(IMG_INIT_PNG) & IMG_INIT_PNG) == 0) {
      throw std::runtime_error(std::string("IMG_Init: ") + IMG_GetError());
    }
    img_ = true;
  }
  ~SdlLibraries() {
    if (img_) IMG_Quit();
    if (ttf_) TTF_Quit();
    if (sdl_) SDL_Quit();
  }
  SdlLibraries(const SdlLibraries&) = delete;
  SdlLibraries& operator=(const SdlLibraries&) = delete;

 private:
  bool sdl_ = false;
  bool ttf_ = false;
  bool img_ = false;
};

world::MapSet load_maps(const std::filesystem::path& dir) {
  try {
    return world::MapSet::load_dir(dir);
  } catch (const std::exception& e) {
    // Without maps the client still joins and shows people on a plain floor.
    std::cerr << "moim-client: warning: cannot load maps from " << dir << ": " << e.what() << '\n';
    return {};
  }
}

}  // namespace

bool save_screenshot(SDL_Renderer* r, const std::filesystem::path& file) {
  int w = 0;
  int h = 0;
  SDL_GetRendererOutputSize(r, &w, &h);
  SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!surface) return false;
  if (SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch) !=
      0) {
    return false;
  }
  return IMG_SavePNG(surface.get(), file.c_str()) == 0;
}

int run(const AppOptions& options) {
  try {
    SdlLibraries sdl(options.headless);
    const Uint32 window_flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                (options.headless ? SDL_WINDOW_HIDDEN : 0);
    WindowPtr window(SDL_CreateWindow("moim", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280,
                                      720, window_flags));
    if (!window) throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
    RendererPtr renderer;
    if (!options.headless) {
      renderer.reset(SDL_CreateRenderer(window.get(), -1,
                                        SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    }
    if (!renderer) renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!renderer) throw std::runtime_error(std::string("no renderer: ") + SDL_GetError());
    SDL_SetRenderDrawBlendMode(renderer.get(), SDL_BLENDMODE_BLEND);
    SDL_StopTextInput();  // only while a text field has focus

    Text text(renderer.get());
    Textures textures(renderer.get());
    const world::MapSet maps = load_maps(options.maps_dir);
    NetworkThread net;
    VoiceOptions voice_options;
    voice_options.enabled =
        options.voice && (!options.headless || std::getenv("SDL_AUDIODRIVER") != nullptr);
    voice_options.input = options.audio_input;
    voice_options.output = options.audio_output;
    if (const char* clock = std::getenv("MOIM_VOICE_CLOCK")) voice_options.clock_file = clock;
    std::unique_ptr<Voice> voice;
    if (voice_options.enabled && options.bench_avatars == 0) {
      voice = std::make_unique<Voice>(net, voice_options);
    }
    Session session(net);
    session.set_timeout(options.timeout_s);
    session.set_ca_file(options.ca_file);
    ScreenStack screens;
    AppContext ctx;
    ctx.renderer = renderer.get();
    ctx.window = window.get();
    ctx.text = &text;
    ctx.textures = &textures;
    ctx.maps = &maps;
    ctx.session = &session;
    ctx.voice = voice.get();
    ctx.screens = &screens;
    ctx.options = &options;
    if (options.bench_avatars > 0) return run_bench(ctx);
    screens.push(std::make_unique<JoinScreen>(ctx));
    screens.apply_pending();

    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    double accumulator = 0;
    int settled_frames = 0;
    bool running = true;
    int exit_code = 0;
    while (running && !screens.empty()) {
      SDL_Event event;
      while (SDL_PollEvent(&event) != 0) {
        if (event.type == SDL_QUIT) running = false;
        if (Screen* top = screens.top()) top->handle_event(event);
        screens.apply_pending();
      }
      const auto now = Clock::now();
      accumulator += std::min(0.25, std::chrono::duration<double>(now - last).count());
      last = now;
      while (accumulator >= kStep) {
        accumulator -= kStep;
        ctx.now += kStep;
        SDL_GetRendererOutputSize(renderer.get(), &ctx.width, &ctx.height);
        if (Screen* top = screens.top()) top->update(kStep);
        screens.apply_pending();
      }
      Screen* top = screens.top();
      if (top == nullptr) break;
      top->draw();
      if (options.headless) {
        if (top->settled()) ++settled_frames;
        const bool done = settled_frames >= options.frames;
        const bool gave_up = ctx.now > kHeadlessGiveUpSeconds;
        if (done || gave_up) {
          if (!options.screenshot.empty() && !save_screenshot(renderer.get(), options.screenshot)) {
            std::cerr << "moim-client: cannot write " << options.screenshot << ": "
                      << SDL_GetError() << '\n';
            exit_code = 1;
          }
          if (const std::string problem = top->problem(); !problem.empty()) {
            // A join that failed is a failed run, whatever the screenshot shows.
            std::cerr << "moim-client: " << problem << '\n';
            exit_code = 2;
          } else if (gave_up && !done) {
            std::cerr << "moim-client: gave up waiting: "
                      << (session.error().empty() ? "no room" : session.error()) << '\n';
            exit_code = 3;
          }
          running = false;
        }
      }
      SDL_RenderPresent(renderer.get());
      if (options.headless) std::this_thread::sleep_for(std::chrono::milliseconds(16));
    }
    session.leave();
    return exit_code;
  } catch (const std::exception& e) {
    std::cerr << "moim-client: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace moim::client::app
