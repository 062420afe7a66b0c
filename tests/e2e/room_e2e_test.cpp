// A room's core scenario (joining, walking, chat, leaving) over real WebSockets against a real
// server and SQLite file.
#include "moim/proto/frame_moves.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

using world::TilePos;

// A walkable, zone-free tile next to `p`.
TilePos neighbour_of(const world::Map& map, TilePos p) {
  for (auto d : {world::Direction::right, world::Direction::left, world::Direction::down,
                 world::Direction::up}) {
    auto q = world::step(p, d);
    if (map.walkable(q) && !map.zone_at(q, world::ZoneKind::portal)) return q;
  }
  ADD_FAILURE() << "no free neighbour";
  return p;
}

// A walkable tile with a wall (in bounds) right of it, reachable from `from`.
std::pair<TilePos, TilePos> tile_facing_wall(const world::Map& map, TilePos from) {
  for (int y = 1; y < map.height() - 1; ++y) {
    for (int x = 1; x < map.width() - 1; ++x) {
      TilePos p{x, y}, wall{x + 1, y};
      if (map.walkable(p) && map.blocked(wall) && !map.zone_at(p, world::ZoneKind::portal) &&
          !world::find_path(map, from, p).empty()) {
        return {p, wall};
      }
    }
  }
  ADD_FAILURE() << "no wall";
  return {from, from};
}

TEST(RoomE2E, NearbyRoomWallPortalAndHistoryAfterRestart) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  v1::Joined ja, jb, jc;
  auto a = server.join("에이", "", &ja);
  auto b = server.join("비", "", &jb);
  auto c = server.join("씨", "", &jc);
  const TilePos at_a = position(ja);

  // B stands next to A, C far away.
  walk(*b, lobby, position(jb), neighbour_of(lobby, at_a));
  const TilePos far = far_tile(lobby, at_a, 12);
  walk(*c, lobby, position(jc), far);

  // Nearby chat reaches B, not C.
  auto sent = a->request(chat(v1::CHAT_SCOPE_NEARBY, "가까이 계신 분?"));
  ASSERT_TRUE(sent && sent->has_ack()) << (sent ? sent->DebugString() : "timeout");
  auto heard = b->wait_for(chat_with("가까이 계신 분?"));
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->chat().scope(), v1::CHAT_SCOPE_NEARBY);
  EXPECT_EQ(heard->chat().from_name(), "에이");
  EXPECT_FALSE(c->wait_for(chat_with("가까이 계신 분?"), 400ms));

  // Room chat reaches everyone, and B sees C's walk in its frames.
  ASSERT_TRUE(a->request(chat(v1::CHAT_SCOPE_ROOM, "모두 안녕하세요")));
  for (auto* who : {a.get(), b.get(), c.get()}) {
    EXPECT_TRUE(who->wait_for(chat_with("모두 안녕하세요")));
  }

  // A walk into a wall is refused with the authoritative position.
  auto [before_wall, wall] = tile_facing_wall(lobby, at_a);
  walk(*a, lobby, at_a, before_wall);
  auto refused_move = move_to(wall, 77);
  refused_move.mutable_move()->set_facing(v1::DIRECTION_RIGHT);
  a->send(refused_move);
  auto correction = a->wait_for([](const v1::Envelope& e) { return e.has_move_correction(); });
  ASSERT_TRUE(correction);
  EXPECT_EQ(correction->move_correction().seq(), 77u);
  EXPECT_EQ(correction->move_correction().reason(), v1::ERROR_CODE_MOVE_BLOCKED);
  EXPECT_EQ(correction->move_correction().x(), before_wall.x);
  EXPECT_EQ(correction->move_correction().y(), before_wall.y);

  // The portal to the hall moves A to the hall.
  const auto* portal = lobby.find_zone(world::ZoneKind::portal, "to-hall");
  ASSERT_NE(portal, nullptr);
  const TilePos door{portal->area.x, portal->area.y};
  auto path = world::find_path(lobby, before_wall, door);
  ASSERT_FALSE(path.empty());
  for (auto step : path) a->send(move_to(step));
  auto entered = a->wait_for([](const v1::Envelope& e) { return e.has_room_entered(); });
  ASSERT_TRUE(entered);
  EXPECT_EQ(entered->room_entered().room().room(), "hall");
  EXPECT_EQ(entered->room_entered().room().map(), "hall");
  // Everyone left behind sees A disappear from the lobby.
  auto gone = b->wait_for([&](const v1::Envelope& e) {
    if (!e.has_frame()) return false;
    for (auto id : e.frame().removed()) {
      if (id == ja.user_id()) return true;
    }
    return false;
  });
  EXPECT_TRUE(gone);

  // After a restart the room chat is still there.
  a.reset();
  b.reset();
  c.reset();
  server.restart();
  v1::Joined jd;
  auto d = server.join("디", "", &jd);
  bool found = false;
  for (const auto& line : jd.room().history()) found |= line.text() == "모두 안녕하세요";
  EXPECT_TRUE(found) << jd.room().DebugString();
}

TEST(RoomE2E, OthersSeeYourMovesWhereTheServerPutsYou) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  v1::Joined ja, jb;
  auto a = server.join("Alice", "", &ja);
  auto b = server.join("Bob", "", &jb);
  const TilePos target = neighbour_of(lobby, position(ja));
  walk(*a, lobby, position(ja), target);
  auto seen = b->wait_for([&](const v1::Envelope& e) {
    if (!e.has_frame()) return false;
    bool there = false;
    proto::for_each_move(e.frame(), [&](const proto::FrameMove& m) {
      there = there || (m.user_id == ja.user_id() && m.x == target.x && m.y == target.y);
    });
    return there;
  });
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace moim::e2e

namespace moim::e2e {
namespace {

// Fifty long Hangul lines make a join snapshot larger than the 64 KiB a client may send; the
// server's answers must still reach the client.
TEST(RoomE2E, ALongChatHistoryStillFitsInTheJoinSnapshot) {
  TestServer server([](ServerConfig& c) { c.room.chat_rate = {1000.0, 1000.0}; });
  auto a = server.join("긴글");
  std::string line;
  for (int i = 0; i < 500; ++i) line += "가";
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(a->request(chat(v1::CHAT_SCOPE_ROOM, line)));
  v1::Joined joined;
  auto b = server.join("새로온", "", &joined);
  if (b->closed()) ADD_FAILURE() << client::describe(*b->close_info());
  EXPECT_EQ(joined.room().history_size(), 50);
  EXPECT_GT(joined.ByteSizeLong(), 64u * 1024u);
}

}  // namespace
}  // namespace moim::e2e
