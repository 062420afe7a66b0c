// "Walk after" end to end: the real moim-client in headless mode follows a person (as the online
// list's Walk button does, here through --script walkafter:NAME); that person walks away; the
// server must then see the client arrive beside them, having walked there by itself.
#include <cstdlib>
#include <future>
#include <iostream>
#include <string>

#include "moim/proto/frame_moves.hpp"
#include "moim/world/pathfind.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

int manhattan(world::TilePos a, world::TilePos b) {
  return std::abs(a.x - b.x) + std::abs(a.y - b.y);
}

TEST(ClientFollow, WalksAfterSomeoneUntilBesideThem) {
  TestServer server;
  const auto map = world::Map::load(std::filesystem::path(MOIM_SOURCE_MAPS_DIR) / "lobby.tmj");
  v1::Joined joined;
  auto other = server.join("박지훈", "lobby", &joined);
  world::TilePos pos{joined.room().you().x(), joined.room().you().y()};

  const auto dir = fresh_dir();
  const std::string command =
      std::string(MOIM_CLIENT_EXE) +
      " --headless --server ws://127.0.0.1:" + std::to_string(server.port()) +
      " --name 김민지 --room lobby --frames 5 --script wait:0.5"
      " walkafter:박지훈 wait:5 > " +
      (dir / "client.log").string() + " 2>&1";
  auto client = std::async(std::launch::async, [&] { return std::system(command.c_str()); });

  std::uint64_t client_id = 0;
  world::TilePos client_pos;
  auto arrival = other->wait_for(
      [&](const v1::Envelope& e) {
        for (const auto& a : e.frame().upserts()) {
          if (a.display_name() == "김민지") {
            client_id = a.user_id();
            client_pos = {a.x(), a.y()};
          }
        }
        return client_id != 0;
      },
      10s);
  ASSERT_TRUE(arrival) << "the headless client did not join";

  // Somewhere 7 to 9 steps away by path, still within the client's area of interest.
  std::vector<world::TilePos> path;
  for (int y = 0; y < map.height() && path.empty(); ++y) {
    for (int x = 0; x < map.width() && path.empty(); ++x) {
      if (manhattan({x, y}, client_pos) < 7 || manhattan({x, y}, client_pos) > 10) continue;
      auto p = world::find_path(map, pos, {x, y});
      if (p.size() >= 7 && p.size() <= 9) path = std::move(p);
    }
  }
  ASSERT_FALSE(path.empty()) << "no spot to walk to in the lobby";
  // Give the client a moment to start following, then walk away at walking pace.
  std::this_thread::sleep_for(1500ms);
  std::uint32_t seq = 0;
  for (const world::TilePos step : path) {
    v1::Envelope move;
    move.mutable_move()->set_x(step.x);
    move.mutable_move()->set_y(step.y);
    move.mutable_move()->set_seq(++seq);
    other->send(move);
    pos = step;
    std::this_thread::sleep_for(130ms);
  }

  // The server tells us where the client walks (its moves came in while we walked, too); it must
  // end up beside us without any input.
  world::TilePos seen = client_pos;
  bool corrected = false;
  other->wait_for(
      [&](const v1::Envelope& e) {
        corrected = corrected || e.has_move_correction();
        proto::for_each_move(e.frame(), [&](const proto::FrameMove& m) {
          if (m.user_id == client_id) seen = {m.x, m.y};
        });
        return manhattan(seen, pos) <= 1;
      },
      10s);
  EXPECT_FALSE(corrected) << "the server refused one of our own test moves";
  EXPECT_LE(manhattan(seen, pos), 1)
      << "client at " << seen.x << "," << seen.y << ", followed at " << pos.x << "," << pos.y
      << " (started at " << client_pos.x << "," << client_pos.y << ")";
  EXPECT_GE(manhattan(seen, client_pos), 3) << "the client did not walk";
  EXPECT_EQ(client.get(), 0) << command;
  if (!HasFailure()) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace moim::e2e
