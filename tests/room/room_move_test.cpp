#include <gtest/gtest.h>

#include "recording_sink.hpp"

namespace moim::room {
namespace {

using testing::RoomFixture;
using testing::Sent;
using world::MapBuilder;
using world::ZoneKind;

world::Map walled_room() {
  return MapBuilder("test", 20, 10)
      .wall({5, 5})
      .zone(ZoneKind::spawn, "main", {1, 1, 3, 3})
      .zone(ZoneKind::portal, "to-hall", {18, 1, 1, 1}, "hall", "main")
      .build();
}

TEST(RoomMove, AdmitAnswersWithASnapshotOfWhoIsThere) {
  RoomFixture f(walled_room());
  f.admit(1, {2, 2});
  f.admit(2, {3, 3});
  auto snaps = f.sink.of(Sent::Kind::snapshot);
  ASSERT_EQ(snaps.size(), 2u);
  EXPECT_EQ(snaps[1].to[0], 2u);
  EXPECT_EQ(snaps[1].snapshot.avatars.size(), 2u);
  EXPECT_EQ(snaps[1].snapshot.you.pos, (world::TilePos{3, 3}));
  EXPECT_EQ(snaps[1].snapshot.map, "test");
}

TEST(RoomMove, ArrivalWithoutPlaceLandsOnAWalkableSpawnTile) {
  RoomFixture f(walled_room());
  Arrival arrival;
  arrival.avatar = testing::person(7);
  ASSERT_TRUE(f.room.admit(arrival, 1).has_value());
  const auto pos = f.room.find(7)->pos;
  EXPECT_TRUE((world::TileRect{1, 1, 3, 3}.contains(pos)));
}

TEST(RoomMove, FullRoomRefusesAttendeesButNotHosts) {
  RoomConfig config;
  config.capacity = 1;
  RoomFixture f(walled_room(), config);
  f.admit(1, {2, 2});
  auto refused = f.room.admit(testing::arrive_at(2, {3, 3}), 1);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, Errc::room_full);
  EXPECT_TRUE(f.room.admit(testing::arrive_at(3, {3, 3}, Role::host), 1).has_value());
}

TEST(RoomMove, StepIntoWallIsRefusedWithTheAuthoritativePosition) {
  RoomFixture f(walled_room());
  f.admit(1, {4, 5});
  f.room.move(1, {{5, 5}, world::Direction::right, 9}, f.now);
  auto rejected = f.sink.of(Sent::Kind::rejected);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].error.code, Errc::move_blocked);
  EXPECT_EQ(rejected[0].where.pos, (world::TilePos{4, 5}));
  EXPECT_EQ(f.room.find(1)->pos, (world::TilePos{4, 5}));
}

TEST(RoomMove, TeleportAndOffMapAreRefused) {
  RoomFixture f(walled_room());
  f.admit(1, {2, 2});
  f.room.move(1, {{10, 2}, world::Direction::right, 1}, f.now);
  f.room.move(1, {{-1, 2}, world::Direction::left, 2}, f.now);
  f.admit(2, {0, 0});
  f.room.move(2, {{-1, 0}, world::Direction::left, 3}, f.now);
  EXPECT_EQ(f.sink.of(Sent::Kind::rejected).size(), 3u);
  EXPECT_EQ(f.room.find(1)->pos, (world::TilePos{2, 2}));
}

TEST(RoomMove, WalkingFasterThanAllowedIsRefused) {
  RoomConfig config;
  config.move_rate = {10.0, 3.0};
  RoomFixture f(walled_room(), config);
  f.admit(1, {1, 1});
  for (int x = 2; x <= 8; ++x) f.room.move(1, {{x, 1}, world::Direction::right, 0}, f.now);
  auto rejected = f.sink.of(Sent::Kind::rejected);
  ASSERT_FALSE(rejected.empty());
  EXPECT_EQ(rejected[0].error.code, Errc::move_too_fast);
  EXPECT_EQ(f.room.find(1)->pos, (world::TilePos{4, 1}));  // the burst of three went through
}

TEST(RoomMove, PortalTakesYouOutOfTheRoom) {
  RoomFixture f(walled_room());
  f.admit(1, {16, 1});
  f.walk(1, {18, 1});
  auto portals = f.sink.of(Sent::Kind::portal);
  ASSERT_EQ(portals.size(), 1u);
  EXPECT_EQ(portals[0].target_room, "hall");
  EXPECT_FALSE(f.room.contains(1));
}

TEST(RoomMove, TurningInPlaceIsAccepted) {
  RoomFixture f(walled_room());
  f.admit(1, {2, 2});
  f.room.move(1, {{2, 2}, world::Direction::up, 1}, f.now);
  EXPECT_EQ(f.room.find(1)->facing, world::Direction::up);
  EXPECT_TRUE(f.sink.of(Sent::Kind::rejected).empty());
}

}  // namespace
}  // namespace moim::room
