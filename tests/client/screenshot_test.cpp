// The desktop client end to end: two people in the lobby, one of them the real moim-client in
// headless mode. After the other walks, the client's screenshot must show the map and the other
// avatar where the server says it stands. Checks what matters (the avatar's tint at the right
// place, a textured floor), not a golden image.
#include <SDL.h>
#include <SDL_image.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <future>
#include <iostream>
#include <set>
#include <string>

#include "moim/client/core/camera.hpp"
#include "moim/client/core/room_layout.hpp"
#include "screenshot_pixels.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

constexpr int kViewW = 1280;  // the client's default window in headless mode
constexpr int kViewH = 720;
constexpr int kTilePx = 64;  // 32 px tiles at the default zoom of 2

TEST(ClientScreenshot, ShowsTheMapAndTheOtherAvatarWhereTheServerSays) {
  TestServer server;
  const auto map = world::Map::load(std::filesystem::path(MOIM_SOURCE_MAPS_DIR) / "lobby.tmj");
  v1::Joined joined;
  auto other = server.join("박지훈", "lobby", &joined);
  const std::uint32_t color = joined.room().you().color();
  world::TilePos pos{joined.room().you().x(), joined.room().you().y()};

  const auto shot = fresh_dir() / "client.png";
  const std::string command =
      std::string(MOIM_CLIENT_EXE) +
      " --headless --server ws://127.0.0.1:" + std::to_string(server.port()) +
      " --name 김민지 --room lobby --frames 20 --script wait:2.5" + " --screenshot " +
      shot.string() + " > " + shot.string() + ".log 2>&1";
  auto client = std::async(std::launch::async, [&] { return std::system(command.c_str()); });

  // The client's arrival tells us where it stands, hence where its camera is centred.
  auto arrival = other->wait_for(
      [](const v1::Envelope& e) {
        if (!e.has_frame()) return false;
        for (const auto& a : e.frame().upserts()) {
          if (a.display_name() == "김민지") return true;
        }
        return false;
      },
      10s);
  ASSERT_TRUE(arrival) << "the headless client did not join";
  world::TilePos client_pos;
  for (const auto& a : arrival->frame().upserts()) {
    if (a.display_name() == "김민지") client_pos = {a.x(), a.y()};
  }

  // Walk towards the client, at least one step, never onto the client's tile.
  const world::TilePos start = pos;
  std::uint32_t seq = 0;
  for (int steps = 0; steps < 4; ++steps) {
    const int dx = client_pos.x - pos.x;
    const int dy = client_pos.y - pos.y;
    if (steps > 0 && std::abs(dx) + std::abs(dy) <= 2) break;
    world::TilePos next = pos;
    for (const world::TilePos cand :
         {world::TilePos{pos.x + (dx > 0 ? 1 : -1), pos.y},
          world::TilePos{pos.x, pos.y + (dy > 0 ? 1 : -1)}, world::TilePos{pos.x + 1, pos.y},
          world::TilePos{pos.x - 1, pos.y}, world::TilePos{pos.x, pos.y + 1}}) {
      if (map.walkable(cand) && cand != client_pos && cand != start) {
        next = cand;
        break;
      }
    }
    if (next == pos) break;
    v1::Envelope move;
    move.mutable_move()->set_x(next.x);
    move.mutable_move()->set_y(next.y);
    move.mutable_move()->set_seq(++seq);
    other->send(move);
    pos = next;
  }
  ASSERT_NE(pos, start);
  // A refused move would come back as a correction; the server must agree on where we are.
  EXPECT_FALSE(
      other->wait_for([](const v1::Envelope& e) { return e.has_move_correction(); }, 300ms));

  ASSERT_EQ(client.get(), 0) << command;
  Image img{IMG_Load(shot.c_str())};
  ASSERT_NE(img.surface, nullptr) << IMG_GetError();
  ASSERT_EQ(img.surface->w, kViewW);
  ASSERT_EQ(img.surface->h, kViewH);

  // The camera centres on the middle of the client's tile, within the map viewport beside the
  // chat sidebar, clamped at the map's edges: the client library's own camera maths says where.
  const auto layout = client::layout_room(kViewW, kViewH, client::ChatPanel::open);
  client::Camera camera;
  camera.set_viewport(layout.map);
  camera.set_tile_pixels(32);
  camera.set_zoom(static_cast<float>(kTilePx) / 32.0f);
  camera.set_world_size(map.width(), map.height());
  camera.set_center(
      {static_cast<float>(client_pos.x) + 0.5f, static_cast<float>(client_pos.y) + 0.5f});
  auto box_of = [&](world::TilePos p) {
    const auto s = camera.to_screen({static_cast<float>(p.x), static_cast<float>(p.y)});
    return SDL_Rect{static_cast<int>(std::lround(s.x)), static_cast<int>(std::lround(s.y)), kTilePx,
                    kTilePx};
  };
  const SDL_Rect target = box_of(pos);
  ASSERT_TRUE(layout.map.contains(target.x, target.y) &&
              layout.map.contains(target.x + kTilePx - 1, target.y + kTilePx - 1))
      << "the other avatar's tile is outside the map viewport; the test cannot see it";
  const int at_new = count_near(img, box_of(pos), color);
  const int at_start = count_near(img, box_of(start), color);
  std::cerr << "client " << client_pos.x << "," << client_pos.y << " other " << start.x << ","
            << start.y << " -> " << pos.x << "," << pos.y << " shot " << shot << "\n";
  EXPECT_GE(at_new, 150) << "no avatar of colour " << std::hex << color << " at the server's tile";
  EXPECT_GT(at_new, at_start + 100) << "the avatar was drawn where it started, not where it went";

  // The map is drawn: the floor around the client is textured, not one flat clear colour.
  std::set<std::uint32_t> colors;
  for (int y = 40; y < 200; y += 3) {
    for (int x = 500; x < 780; x += 3) {
      const SDL_Color c = img.at(x, y);
      colors.insert((static_cast<std::uint32_t>(c.r) << 16) | (c.g << 8) | c.b);
    }
  }
  EXPECT_GT(colors.size(), 8u);
  // Kept when something failed: the screenshot and the client's log say what it saw.
  if (!HasFailure()) std::filesystem::remove_all(shot.parent_path());
}

}  // namespace
}  // namespace moim::e2e
