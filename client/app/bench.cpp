#include "bench.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <random>
#include <vector>

#include "app.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr double kStep = 1.0 / 60.0;
constexpr int kWarmupFrames = 30;
constexpr float kBenchZoom = 1.0f;  // so that a few hundred people fit in one window
constexpr const char* kDefaultRoom = "graduation-1f";

// Hangul names, distinct per person, so that every label is its own texture as in a real event.
std::string name_for(int i) {
  static const char* kFamily[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
  static const char* kGiven[] = {"민지", "서준", "하늘", "지은", "도윤", "수아", "예준", "하은"};
  return std::string(kFamily[i % 10]) + kGiven[(i / 10) % 8] + std::to_string(i);
}

struct Stats {
  double mean = 0, p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Stats stats_of(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))];
  };
  s.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
  s.p50 = at(0.50);
  s.p95 = at(0.95);
  s.p99 = at(0.99);
  s.max = ms.back();
  return s;
}

void print_row(const char* what, const Stats& s) {
  std::cout << std::left << std::setw(14) << what << std::right << std::fixed
            << std::setprecision(2) << std::setw(8) << s.mean << std::setw(8) << s.p50
            << std::setw(8) << s.p95 << std::setw(8) << s.p99 << std::setw(8) << s.max << '\n';
}

// CPU time of this thread, in ms: on a shared machine the wall clock also counts the time other
// processes had the CPU, so both are printed.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Everyone stands on a walkable tile inside the part of the map the camera shows.
std::vector<world::TilePos> visible_walkable(const world::Map& map, const world::TileRect& view) {
  std::vector<world::TilePos> tiles;
  for (int y = std::max(0, view.y); y < std::min(map.height(), view.y + view.h); ++y) {
    for (int x = std::max(0, view.x); x < std::min(map.width(), view.x + view.w); ++x) {
      if (map.walkable({x, y})) tiles.push_back({x, y});
    }
  }
  return tiles;
}

}  // namespace

int run_bench(AppContext& ctx) {
  const AppOptions& options = *ctx.options;
  const std::string room = options.join.room.empty() ? kDefaultRoom : options.join.room;
  const world::Map* map = ctx.maps->find(room);
  if (map == nullptr) {
    std::cerr << "moim-client: bench: no map \"" << room << "\" in " << options.maps_dir << '\n';
    return 1;
  }
  const int n = options.bench_avatars;
  std::mt19937 rng(42);  // the same crowd every run

  v1::Joined joined;
  joined.set_user_id(1);
  auto* snapshot = joined.mutable_room();
  snapshot->set_room(room);
  snapshot->set_map(map->id());
  const world::TilePos centre{map->width() / 2, map->height() / 2};
  auto* you = snapshot->mutable_you();
  you->set_user_id(1);
  you->set_display_name("벤치");
  you->set_x(centre.x);
  you->set_y(centre.y);
  you->set_color(0x55aaff);
  SDL_GetRendererOutputSize(ctx.renderer, &ctx.width, &ctx.height);
  RoomScreen screen(ctx, joined, 5);
  screen.set_zoom(kBenchZoom);
  screen.update(kStep);  // lays out and settles the camera on the chosen zoom
  const auto tiles = visible_walkable(*map, screen.camera().visible_tiles());
  if (tiles.empty()) {
    std::cerr << "moim-client: bench: no walkable tile in view\n";
    return 1;
  }

  v1::Envelope crowd;
  std::uniform_int_distribution<std::size_t> pick(0, tiles.size() - 1);
  std::vector<world::TilePos> at(static_cast<std::size_t>(n) + 2);
  for (int i = 2; i <= n; ++i) {
    auto* a = crowd.mutable_frame()->add_upserts();
    const world::TilePos t = tiles[pick(rng)];
    at[static_cast<std::size_t>(i)] = t;
    a->set_user_id(static_cast<std::uint64_t>(i));
    a->set_display_name(name_for(i));
    a->set_x(t.x);
    a->set_y(t.y);
    a->set_color(rng() & 0xffffff);
    a->set_status(static_cast<v1::Status>(1 + rng() % 3));
    a->set_facing(static_cast<v1::Direction>(1 + rng() % 4));
  }
  screen.inject(crowd);
  // A few people talk: bubbles (with Hangul and emoji) are part of what is drawn.
  for (int i = 2; i <= std::min(n, 31); ++i) {
    v1::Envelope chat;
    auto* m = chat.mutable_chat();
    m->set_scope(v1::CHAT_SCOPE_NEARBY);
    m->set_from_user(static_cast<std::uint64_t>(i));
    m->set_from_name(name_for(i));
    m->set_text(i % 2 == 0 ? "졸업 축하해요! 🎓" : "다음은 스티커 부스 👍");
    screen.inject(chat);
  }

  // A fifth of the crowd keeps walking, one step per person every 8 frames (walking pace).
  std::vector<double> update_ms, draw_ms, frame_ms, cpu_ms;
  using Clock = std::chrono::steady_clock;
  std::uniform_int_distribution<int> who(2, std::max(2, n));
  for (int frame = 0; frame < kWarmupFrames + options.bench_frames; ++frame) {
    v1::Envelope moves;
    for (int k = 0; k < n / 40; ++k) {
      const auto id = static_cast<std::size_t>(who(rng));
      const world::TilePos from = at[id];
      const world::TilePos to = tiles[pick(rng)];
      // One step towards a random visible tile, if that step is walkable.
      const world::TilePos step{from.x + (to.x > from.x) - (to.x < from.x), from.y};
      if (!map->walkable(step)) continue;
      at[id] = step;
      auto* m = moves.mutable_frame()->add_moves();
      m->set_user_id(id);
      m->set_x(step.x);
      m->set_y(step.y);
      m->set_facing(step.x > from.x ? v1::DIRECTION_RIGHT : v1::DIRECTION_LEFT);
    }
    const auto t0 = Clock::now();
    const double c0 = thread_cpu_ms();
    screen.inject(moves);
    ctx.now += kStep;
    screen.update(kStep);
    const auto t1 = Clock::now();
    screen.draw();
    SDL_RenderPresent(ctx.renderer);
    const auto t2 = Clock::now();
    const double c2 = thread_cpu_ms();
    if (frame + 1 == kWarmupFrames + options.bench_frames && !options.screenshot.empty()) {
      save_screenshot(ctx.renderer, options.screenshot);
    }
    if (frame < kWarmupFrames) continue;
    cpu_ms.push_back(c2 - c0);
    update_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    draw_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    frame_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
  }

  SDL_RendererInfo info{};
  SDL_GetRendererInfo(ctx.renderer, &info);
  const Stats frame = stats_of(frame_ms);
  std::cout << "moim-client bench: " << n << " avatars on " << room << ", " << ctx.width << "x"
            << ctx.height << " window, zoom " << kBenchZoom << ", renderer " << info.name << ", "
            << options.bench_frames << " frames\n";
  std::cout << std::left << std::setw(14) << "ms per frame" << std::right << std::setw(8) << "mean"
            << std::setw(8) << "p50" << std::setw(8) << "p95" << std::setw(8) << "p99"
            << std::setw(8) << "max" << '\n';
  print_row("update", stats_of(update_ms));
  print_row("draw", stats_of(draw_ms));
  print_row("frame", frame);
  const Stats cpu = stats_of(cpu_ms);
  print_row("frame (cpu)", cpu);
  const auto slow =
      std::count_if(frame_ms.begin(), frame_ms.end(), [](double ms) { return ms > 1000.0 / 60.0; });
  std::cout << "fps (1000 / mean frame): " << std::fixed << std::setprecision(1)
            << 1000.0 / frame.mean << " wall, " << 1000.0 / cpu.mean
            << " cpu;  frames over 16.7 ms (wall): " << slow << " of " << frame_ms.size() << '\n';
  return 0;
}

}  // namespace moim::client::app
