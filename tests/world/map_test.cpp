// Map queries and MapBuilder; loading from files is in tiled_json_test.cpp.
#include "moim/world/map.hpp"

#include <gtest/gtest.h>

#include <set>

namespace moim::world {
namespace {

TEST(WorldMap, ZoneKindNamesRoundTrip) {
  for (auto kind : {ZoneKind::spawn, ZoneKind::private_area, ZoneKind::stage, ZoneKind::portal,
                    ZoneKind::seat, ZoneKind::checkin, ZoneKind::sticker_booth, ZoneKind::quiet}) {
    EXPECT_EQ(zone_kind_from_name(zone_kind_name(kind)), kind);
  }
  EXPECT_EQ(zone_kind_name(ZoneKind::private_area), "private");
  EXPECT_EQ(zone_kind_name(ZoneKind::sticker_booth), "sticker-booth");
  EXPECT_FALSE(zone_kind_from_name("Spawn").has_value());
  EXPECT_FALSE(zone_kind_from_name("").has_value());
}

TEST(WorldMap, BuilderWallsBlockAndOutOfBoundsIsBlocked) {
  const Map map = MapBuilder("m", 3, 2).wall({1, 0}).build();
  EXPECT_EQ(map.id(), "m");
  EXPECT_EQ(map.width(), 3);
  EXPECT_EQ(map.height(), 2);
  EXPECT_TRUE(map.blocked({1, 0}));
  EXPECT_TRUE(map.walkable({0, 0}));
  EXPECT_TRUE(map.blocked({-1, 0}));
  EXPECT_TRUE(map.blocked({3, 0}));
  EXPECT_TRUE(map.blocked({0, 2}));
  EXPECT_FALSE(map.walkable({0, 2}));
}

TEST(WorldMap, ZoneLookups) {
  const Map map = MapBuilder("m", 10, 10)
                      .zone(ZoneKind::spawn, "main", {0, 0, 2, 2})
                      .zone(ZoneKind::private_area, "a", {4, 4, 3, 3})
                      .zone(ZoneKind::private_area, "b", {5, 5, 3, 3})
                      .zone(ZoneKind::portal, "door", {9, 9, 1, 1}, "lobby", "main")
                      .build();
  ASSERT_NE(map.zone_at({5, 5}, ZoneKind::private_area), nullptr);
  EXPECT_EQ(map.zone_at({5, 5}, ZoneKind::private_area)->name, "a");  // first one wins
  EXPECT_EQ(map.zone_at({7, 7}, ZoneKind::private_area)->name, "b");
  EXPECT_EQ(map.zone_at({5, 5}, ZoneKind::stage), nullptr);
  const Zone* door = map.find_zone(ZoneKind::portal, "door");
  ASSERT_NE(door, nullptr);
  EXPECT_EQ(door->target_room, "lobby");
  EXPECT_EQ(door->target_spawn, "main");
  EXPECT_EQ(map.find_zone(ZoneKind::spawn, "door"), nullptr);
}

TEST(WorldMap, SpawnPointIsWalkableAndSpreadBySalt) {
  const Map map = MapBuilder("m", 6, 6)
                      .wall({1, 1})
                      .zone(ZoneKind::spawn, "main", {1, 1, 2, 2})
                      .zone(ZoneKind::spawn, "back", {4, 4, 1, 1})
                      .build();
  std::set<TilePos> seen;
  for (std::uint32_t salt = 0; salt < 12; ++salt) {
    const TilePos p = map.spawn_point("main", salt);
    EXPECT_TRUE(map.walkable(p));
    EXPECT_TRUE((TileRect{1, 1, 2, 2}.contains(p)));
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 3u);  // every free tile gets used
  EXPECT_EQ(map.spawn_point("back"), (TilePos{4, 4}));
  EXPECT_TRUE((TileRect{1, 1, 2, 2}.contains(map.spawn_point("nope"))));  // first spawn
  EXPECT_TRUE((TileRect{1, 1, 2, 2}.contains(map.spawn_point())));
}

TEST(WorldMap, SpawnPointFallsBackToAnyWalkableTile) {
  const Map map =
      MapBuilder("m", 2, 1).wall({0, 0}).zone(ZoneKind::spawn, "s", {0, 0, 1, 1}).build();
  EXPECT_EQ(map.spawn_point("s"), (TilePos{1, 0}));
  const Map no_spawn = MapBuilder("m", 2, 1).build();
  EXPECT_TRUE(no_spawn.walkable(no_spawn.spawn_point()));
}

TEST(WorldMap, BuilderMapHasNoTilesets) {
  const Map map = MapBuilder("m", 2, 2).build();
  EXPECT_TRUE(map.layers().empty());
  EXPECT_EQ(map.tileset_for(1), nullptr);
  EXPECT_EQ(map.tileset_for(0), nullptr);
}

}  // namespace
}  // namespace moim::world
