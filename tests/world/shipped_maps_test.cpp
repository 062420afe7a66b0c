// The maps in maps/ as shipped: they load, their portals lead somewhere real, and nobody can be
// stranded — every portal and zone is reachable on foot from every spawn.
#include <gtest/gtest.h>

#include <filesystem>

#include "moim/world/map.hpp"
#include "moim/world/pathfind.hpp"

namespace moim::world {
namespace {

const std::filesystem::path maps_dir = MOIM_SOURCE_MAPS_DIR;
constexpr std::size_t no_limit = 1'000'000;

const MapSet& shipped() {
  static const MapSet set = MapSet::load_dir(maps_dir);
  return set;
}

// Can someone at `from` walk onto some tile of `area`?
bool reaches(const Map& map, TilePos from, TileRect area) {
  if (area.contains(from)) return true;
  for (int y = area.y; y < area.y + area.h; ++y) {
    for (int x = area.x; x < area.x + area.w; ++x) {
      if (!find_path(map, from, {x, y}, no_limit).empty()) return true;
    }
  }
  return false;
}

TEST(WorldShippedMaps, AllRoomsLoad) {
  EXPECT_EQ(shipped().ids(), (std::vector<std::string>{"bigmap", "graduation-1f", "graduation-2f",
                                                       "hall", "lobby", "study-room"}));
}

TEST(WorldShippedMaps, EveryMapHasLayersTilesetAndName) {
  for (const auto& id : shipped().ids()) {
    SCOPED_TRACE(id);
    const Map& map = *shipped().find(id);
    EXPECT_FALSE(map.display_name().empty());
    EXPECT_NE(map.display_name(), id);
    ASSERT_EQ(map.tilesets().size(), 1u);
    EXPECT_TRUE(std::filesystem::exists(map.tilesets()[0].image));
    ASSERT_GE(map.layers().size(), 3u);
    EXPECT_EQ(map.layers()[0].name, "floor");
    EXPECT_EQ(map.layers()[1].name, "furniture");
    EXPECT_EQ(map.layers()[2].name, "collision");
  }
}

TEST(WorldShippedMaps, WallsSurroundEveryRoomExceptAtPortals) {
  for (const auto& id : shipped().ids()) {
    SCOPED_TRACE(id);
    const Map& map = *shipped().find(id);
    for (int x = 0; x < map.width(); ++x) {
      for (TilePos p : {TilePos{x, 0}, TilePos{x, map.height() - 1}}) {
        EXPECT_TRUE(map.blocked(p) || map.zone_at(p, ZoneKind::portal)) << p.x << "," << p.y;
      }
    }
    for (int y = 0; y < map.height(); ++y) {
      for (TilePos p : {TilePos{0, y}, TilePos{map.width() - 1, y}}) {
        EXPECT_TRUE(map.blocked(p) || map.zone_at(p, ZoneKind::portal)) << p.x << "," << p.y;
      }
    }
  }
}

TEST(WorldShippedMaps, SpawnPointsAreWalkableAndNotOnPortals) {
  for (const auto& id : shipped().ids()) {
    const Map& map = *shipped().find(id);
    for (const auto& zone : map.zones()) {
      if (zone.kind != ZoneKind::spawn) continue;
      SCOPED_TRACE(id + "/" + zone.name);
      for (std::uint32_t salt = 0; salt < 16; ++salt) {
        const TilePos p = map.spawn_point(zone.name, salt);
        EXPECT_TRUE(map.walkable(p));
        EXPECT_TRUE(zone.area.contains(p));
        EXPECT_EQ(map.zone_at(p, ZoneKind::portal), nullptr);  // or arrivals bounce straight on
      }
    }
  }
}

TEST(WorldShippedMaps, EveryPortalIsReachableFromEverySpawn) {
  for (const auto& id : shipped().ids()) {
    const Map& map = *shipped().find(id);
    for (const auto& spawn : map.zones()) {
      if (spawn.kind != ZoneKind::spawn) continue;
      for (const auto& portal : map.zones()) {
        if (portal.kind != ZoneKind::portal) continue;
        EXPECT_TRUE(reaches(map, map.spawn_point(spawn.name), portal.area))
            << id << ": " << spawn.name << " -> " << portal.name;
      }
    }
  }
}

TEST(WorldShippedMaps, EveryZoneIsReachableFromTheFirstSpawn) {
  for (const auto& id : shipped().ids()) {
    const Map& map = *shipped().find(id);
    const TilePos start = map.spawn_point();
    for (const auto& zone : map.zones()) {
      EXPECT_TRUE(reaches(map, start, zone.area))
          << id << ": " << zone_kind_name(zone.kind) << " " << zone.name;
    }
  }
}

TEST(WorldShippedMaps, NamedZonesTheEventsRelyOn) {
  const auto has = [](std::string_view room, ZoneKind kind, std::string_view name) {
    const Map* map = shipped().find(room);
    return map != nullptr && map->find_zone(kind, name) != nullptr;
  };
  for (auto room : {"lobby", "study-room", "hall", "bigmap"}) {
    EXPECT_TRUE(has(room, ZoneKind::spawn, "main")) << room;
  }
  EXPECT_TRUE(has("lobby", ZoneKind::spawn, "from-hall"));
  EXPECT_TRUE(has("lobby", ZoneKind::quiet, "library"));
  EXPECT_TRUE(has("study-room", ZoneKind::private_area, "table-1"));
  EXPECT_TRUE(has("hall", ZoneKind::stage, "stage"));
  EXPECT_TRUE(has("hall", ZoneKind::seat, "seat-1-1"));
  EXPECT_TRUE(has("graduation-1f", ZoneKind::spawn, "entrance"));
  EXPECT_TRUE(has("graduation-1f", ZoneKind::spawn, "stairs-up"));
  EXPECT_TRUE(has("graduation-1f", ZoneKind::checkin, "checkin"));
  EXPECT_TRUE(has("graduation-1f", ZoneKind::sticker_booth, "sticker-booth"));
  EXPECT_TRUE(has("graduation-2f", ZoneKind::spawn, "stairs-down"));
  EXPECT_TRUE(has("graduation-2f", ZoneKind::stage, "stage"));
  const Zone* stairs = shipped().find("graduation-1f")->find_zone(ZoneKind::portal, "stairs");
  ASSERT_NE(stairs, nullptr);
  EXPECT_EQ(stairs->target_room, "graduation-2f");
  EXPECT_EQ(stairs->target_spawn, "stairs-down");
}

TEST(WorldShippedMaps, SeatsAreSingleWalkableTiles) {
  for (const auto& id : shipped().ids()) {
    const Map& map = *shipped().find(id);
    for (const auto& zone : map.zones()) {
      if (zone.kind != ZoneKind::seat) continue;
      EXPECT_EQ(zone.area.w * zone.area.h, 1) << id << " " << zone.name;
      EXPECT_TRUE(map.walkable({zone.area.x, zone.area.y})) << id << " " << zone.name;
    }
  }
}

// The server attaches room features by these names (server/app/room_feature.hpp); the client
// shows a feature's controls when the snapshot lists it.
TEST(WorldShippedMaps, RoomsNameTheirFeatures) {
  using Names = std::vector<std::string>;
  EXPECT_EQ(shipped().find("graduation-1f")->features(), Names{"graduation"});
  EXPECT_EQ(shipped().find("graduation-2f")->features(), (Names{"graduation", "stage"}));
  EXPECT_EQ(shipped().find("study-room")->features(), Names{"study-group"});
  EXPECT_EQ(shipped().find("hall")->features(), Names{"stage"});
  EXPECT_TRUE(shipped().find("lobby")->features().empty());
}

}  // namespace
}  // namespace moim::world
