// Map::load against small hand-written Tiled JSON files.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "moim/world/map.hpp"

namespace moim::world {
namespace {
using test::TempDir;

const std::string floor_layer = test::tile_layer("floor", "1,1,1,1, 1,1,1,1, 1,1,1,1");

// Runs `load` and returns the MapError message ("" if nothing was thrown).
template <typename F>
std::string error_of(F load) {
  try {
    load();
  } catch (const MapError& e) {
    return e.what();
  }
  return {};
}

TEST(WorldTiledJson, LoadsAPlainMap) {
  TempDir dir;
  const auto file = dir.write(
      "my-room.tmj", test::map_json(test::embedded_tileset(),
                                    floor_layer + "," + test::zones_layer(test::default_spawn()),
                                    R"(,"properties":[{"name":"display_name",
        "type":"string","value":"My room"}])"));
  const Map map = Map::load(file);
  EXPECT_EQ(map.id(), "my-room");
  EXPECT_EQ(map.display_name(), "My room");
  EXPECT_EQ(map.width(), 4);
  EXPECT_EQ(map.height(), 3);
  EXPECT_EQ(map.tile_width(), 32);
  ASSERT_EQ(map.layers().size(), 1u);
  EXPECT_EQ(map.layers()[0].name, "floor");
  EXPECT_EQ(map.layers()[0].gids.size(), 12u);
  ASSERT_EQ(map.tilesets().size(), 1u);
  EXPECT_EQ(map.tilesets()[0].image, dir.path() / "t.png");
  EXPECT_EQ(map.tileset_for(4), &map.tilesets()[0]);
  EXPECT_EQ(map.tileset_for(5), nullptr);
  EXPECT_TRUE(map.walkable({3, 2}));
  EXPECT_TRUE(map.features().empty());
}

TEST(WorldTiledJson, FeaturesAreNamesSeparatedByCommas) {
  TempDir dir;
  const auto file = dir.write(
      "hall.tmj", test::map_json(test::embedded_tileset(),
                                 floor_layer + "," + test::zones_layer(test::default_spawn()),
                                 R"(,"properties":[{"name":"features",
        "type":"string","value":" stage ,hands,, "}])"));
  EXPECT_EQ(Map::load(file).features(), (std::vector<std::string>{"stage", "hands"}));
}

TEST(WorldTiledJson, DisplayNameDefaultsToId) {
  TempDir dir;
  EXPECT_EQ(Map::load(dir.write("plain.tmj", test::plain_map())).display_name(), "plain");
}

TEST(WorldTiledJson, CollisionLayerBlocksAnyNonZeroTile) {
  TempDir dir;
  const auto layers = floor_layer + "," +
                      test::tile_layer("collision", "0,0,0,0, 0,3,0,0, 0,0,0,4") + "," +
                      test::zones_layer(test::default_spawn());
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  EXPECT_TRUE(map.blocked({1, 1}));
  EXPECT_TRUE(map.blocked({3, 2}));
  EXPECT_FALSE(map.blocked({0, 1}));
}

TEST(WorldTiledJson, TilePropertyCollidesBlocksInAnyLayer) {
  TempDir dir;
  const auto layers = floor_layer + "," +
                      test::tile_layer("furniture", "0,0,2,0, 0,0,0,0, 0,0,0,0") + "," +
                      test::zones_layer(test::default_spawn());
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  EXPECT_TRUE(map.blocked({2, 0}));
  EXPECT_FALSE(map.blocked({1, 0}));
}

TEST(WorldTiledJson, FlipFlagsAreCleared) {
  TempDir dir;
  // 2 with the horizontal flip flag, 1 with diagonal + hexagonal-rotation flags.
  const auto layers = test::tile_layer("floor", "2147483650,1,1,1, 1,805306369,1,1, 1,1,1,1") +
                      "," + test::zones_layer(test::default_spawn());
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  EXPECT_EQ(map.layers()[0].gids[0], 2u);
  EXPECT_EQ(map.layers()[0].gids[5], 1u);
  EXPECT_TRUE(map.blocked({0, 0}));  // the flipped tile still collides
}

TEST(WorldTiledJson, ZonesConvertFromPixelsToTiles) {
  TempDir dir;
  const auto objects =
      test::default_spawn() + "," +
      test::zone_object(2, "private", "corner", R"("x":32,"y":32,"width":64,"height":32)") + "," +
      test::zone_object(3, "stage", "snapped", R"("x":31.9999,"y":0,"width":64.0001,"height":32)") +
      "," + test::zone_object(4, "seat", "point", R"("x":100,"y":70,"width":0,"height":0)") + "," +
      test::zone_object(5, "quiet", "partial", R"("x":40,"y":10,"width":30,"height":30)") + "," +
      R"({"id":6,"name":"old","type":"checkin","x":0,"y":64,"width":128,"height":32},
         {"id":7,"name":"note","x":0,"y":0,"width":32,"height":32})";
  const auto layers = floor_layer + "," + test::zones_layer(objects);
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  ASSERT_EQ(map.zones().size(), 6u);  // the classless note is ignored
  EXPECT_EQ(map.find_zone(ZoneKind::private_area, "corner")->area, (TileRect{1, 1, 2, 1}));
  EXPECT_EQ(map.find_zone(ZoneKind::stage, "snapped")->area, (TileRect{1, 0, 2, 1}));
  EXPECT_EQ(map.find_zone(ZoneKind::seat, "point")->area, (TileRect{3, 2, 1, 1}));
  EXPECT_EQ(map.find_zone(ZoneKind::quiet, "partial")->area, (TileRect{1, 0, 2, 2}));
  EXPECT_EQ(map.find_zone(ZoneKind::checkin, "old")->area, (TileRect{0, 2, 4, 1}));
  EXPECT_EQ(map.find_zone(ZoneKind::private_area, "corner")->id, 2);
}

TEST(WorldTiledJson, PortalPropertiesAreRead) {
  TempDir dir;
  const auto portal =
      test::zone_object(2, "portal", "door", R"("x":96,"y":64,"width":32,"height":32)",
                        R"(,"properties":[{"name":"target_room","type":"string","value":"hall"},
          {"name":"target_spawn","type":"string","value":"main"},
          {"name":"locked","type":"bool","value":false},
          {"name":"weight","type":"int","value":3}])");
  const auto layers = floor_layer + "," + test::zones_layer(test::default_spawn() + "," + portal);
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  const Zone* door = map.find_zone(ZoneKind::portal, "door");
  ASSERT_NE(door, nullptr);
  EXPECT_EQ(door->target_room, "hall");
  EXPECT_EQ(door->target_spawn, "main");
  EXPECT_EQ(door->properties.at("locked"), "false");
  EXPECT_EQ(door->properties.at("weight"), "3");
}

TEST(WorldTiledJson, ExternalTilesetResolvesAgainstItsOwnFolder) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "assets" / "tilesets");
  std::filesystem::create_directories(dir.path() / "maps");
  std::string tileset = test::embedded_tileset();
  tileset.replace(tileset.find(R"("firstgid":1,)"), 13, R"("type":"tileset",)");
  dir.write("assets/tilesets/x.tsj", tileset);
  const auto file = dir.write(
      "maps/m.tmj", test::map_json(R"({"firstgid":1,"source":"../assets/tilesets/x.tsj"})",
                                   test::tile_layer("floor", "1,2,1,1, 1,1,1,1, 1,1,1,1") + "," +
                                       test::zones_layer(test::default_spawn())));
  const Map map = Map::load(file);
  EXPECT_TRUE(map.blocked({1, 0}));
  EXPECT_EQ(map.tilesets()[0].image.lexically_normal(),
            (std::filesystem::absolute(dir.path()) / "assets/tilesets/t.png").lexically_normal());
}

TEST(WorldTiledJson, GroupLayersAreFlattened) {
  TempDir dir;
  const auto layers = R"({"id":5,"name":"g","type":"group","layers":[)" + floor_layer + "," +
                      test::tile_layer("collision", "0,0,0,1, 0,0,0,0, 0,0,0,0") + "]}," +
                      test::zones_layer(test::default_spawn());
  const Map map = Map::load(dir.write("m.tmj", test::map_json(test::embedded_tileset(), layers)));
  EXPECT_EQ(map.layers().size(), 2u);
  EXPECT_TRUE(map.blocked({3, 0}));
}

// ---- errors: each names the file and the problem.

void expect_error(const TempDir& dir, const std::string& text, const std::string& problem) {
  const auto file = dir.write("bad.tmj", text);
  const std::string message = error_of([&] { Map::load(file); });
  EXPECT_NE(message.find("bad.tmj"), std::string::npos) << message;
  EXPECT_NE(message.find(problem), std::string::npos) << message;
}

TEST(WorldTiledJson, MalformedJsonIsAnError) {
  TempDir dir;
  expect_error(dir, R"({"width": 4, "height": )", "not valid JSON");
  expect_error(dir, "[1,2,3]", "not a JSON object");
}

TEST(WorldTiledJson, MissingFileIsAnError) {
  TempDir dir;
  const std::string message = error_of([&] { Map::load(dir.path() / "nope.tmj"); });
  EXPECT_NE(message.find("nope.tmj"), std::string::npos) << message;
}

TEST(WorldTiledJson, MissingTilesetIsAnError) {
  TempDir dir;
  expect_error(dir,
               test::map_json(R"({"firstgid":1,"source":"gone.tsj"})",
                              floor_layer + "," + test::zones_layer(test::default_spawn())),
               "tileset not found");
  expect_error(dir,
               test::map_json(R"({"firstgid":1,"source":"old.tsx"})",
                              floor_layer + "," + test::zones_layer(test::default_spawn())),
               "XML");
}

TEST(WorldTiledJson, BadLayerSizeIsAnError) {
  TempDir dir;
  expect_error(
      dir,
      test::map_json(test::embedded_tileset(), test::tile_layer("floor", "1,1,1") + "," +
                                                   test::zones_layer(test::default_spawn())),
      "has 3 tiles, expected 12");
}

TEST(WorldTiledJson, MissingSizeIsAnError) {
  TempDir dir;
  expect_error(dir, R"({"height":3,"tilewidth":32,"tileheight":32})", "missing \"width\"");
}

TEST(WorldTiledJson, MapWithoutSpawnIsAnError) {
  TempDir dir;
  expect_error(dir, test::map_json(test::embedded_tileset(), floor_layer), "no spawn zone");
}

TEST(WorldTiledJson, UnknownZoneClassIsAnError) {
  TempDir dir;
  const auto objects =
      test::default_spawn() + "," +
      test::zone_object(2, "stgae", "typo", R"("x":0,"y":0,"width":32,"height":32)");
  expect_error(
      dir, test::map_json(test::embedded_tileset(), floor_layer + "," + test::zones_layer(objects)),
      "unknown class \"stgae\"");
}

TEST(WorldTiledJson, PortalWithoutTargetIsAnError) {
  TempDir dir;
  const auto objects =
      test::default_spawn() + "," +
      test::zone_object(2, "portal", "door", R"("x":0,"y":0,"width":32,"height":32)");
  expect_error(
      dir, test::map_json(test::embedded_tileset(), floor_layer + "," + test::zones_layer(objects)),
      "needs target_room and target_spawn");
}

TEST(WorldTiledJson, GidOutsideEveryTilesetIsAnError) {
  TempDir dir;
  expect_error(dir,
               test::map_json(test::embedded_tileset(),
                              test::tile_layer("floor", "1,1,1,1, 1,9,1,1, 1,1,1,1") + "," +
                                  test::zones_layer(test::default_spawn())),
               "gid 9");
}

TEST(WorldTiledJson, CompressedLayersAndInfiniteMapsAreErrors) {
  TempDir dir;
  std::string layer = test::tile_layer("floor", "1,1,1,1, 1,1,1,1, 1,1,1,1");
  layer.insert(1, R"("encoding":"base64",)");
  expect_error(dir,
               test::map_json(test::embedded_tileset(),
                              layer + "," + test::zones_layer(test::default_spawn())),
               "CSV");
  std::string infinite = test::plain_map();
  infinite.replace(infinite.find(R"("infinite":false)"), 16, R"("infinite":true)");
  expect_error(dir, infinite, "infinite");
}

}  // namespace
}  // namespace moim::world
