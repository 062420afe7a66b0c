#include "moim/world/map.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"

namespace moim::world {
namespace {
using test::TempDir;

// A plain map whose zones layer holds a spawn "main" plus `objects`.
std::string map_with(const std::string& objects) {
  return test::map_json(test::embedded_tileset(),
                        test::tile_layer("floor", "1,1,1,1, 1,1,1,1, 1,1,1,1") + "," +
                            test::zones_layer(test::default_spawn() + objects));
}

std::string portal_to(const std::string& room, const std::string& spawn) {
  return "," + test::zone_object(
                   2, "portal", "door", R"("x":96,"y":64,"width":32,"height":32)",
                   R"(,"properties":[{"name":"target_room","type":"string","value":")" + room +
                       R"("},{"name":"target_spawn","type":"string","value":")" + spawn + R"("}])");
}

TEST(WorldMapSet, LoadsEveryTmjInADirectory) {
  TempDir dir;
  dir.write("a.tmj", map_with(portal_to("b", "main")));
  dir.write("b.tmj", map_with(portal_to("a", "main")));
  dir.write("notes.txt", "not a map");
  const MapSet set = MapSet::load_dir(dir.path());
  EXPECT_EQ(set.ids(), (std::vector<std::string>{"a", "b"}));
  ASSERT_NE(set.find("a"), nullptr);
  EXPECT_EQ(set.find("a")->id(), "a");
  EXPECT_EQ(set.find("c"), nullptr);
}

TEST(WorldMapSet, PortalToUnknownRoomIsAnError) {
  TempDir dir;
  dir.write("a.tmj", map_with(portal_to("nowhere", "main")));
  try {
    MapSet::load_dir(dir.path());
    FAIL() << "expected MapError";
  } catch (const MapError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere"), std::string::npos) << e.what();
  }
}

TEST(WorldMapSet, PortalToUnknownSpawnIsAnError) {
  TempDir dir;
  dir.write("a.tmj", map_with(portal_to("b", "attic")));
  dir.write("b.tmj", map_with(""));
  EXPECT_THROW(MapSet::load_dir(dir.path()), MapError);
}

TEST(WorldMapSet, OneBrokenMapFailsTheSet) {
  TempDir dir;
  dir.write("a.tmj", map_with(""));
  dir.write("b.tmj", "{");
  EXPECT_THROW(MapSet::load_dir(dir.path()), MapError);
}

TEST(WorldMapSet, EmptyOrMissingDirectoryIsAnError) {
  TempDir dir;
  EXPECT_THROW(MapSet::load_dir(dir.path()), MapError);
  EXPECT_THROW(MapSet::load_dir(dir.path() / "missing"), MapError);
}

TEST(WorldMapSet, DuplicateIdsAreAnError) {
  MapSet set;
  set.add(MapBuilder("lobby", 2, 2).build());
  EXPECT_THROW(set.add(MapBuilder("lobby", 3, 3).build()), MapError);
  EXPECT_EQ(set.find("lobby")->width(), 2);
}

}  // namespace
}  // namespace moim::world
