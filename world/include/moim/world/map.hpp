#pragma once
// A room's map, loaded from a Tiled JSON map (.tmj) and its tilesets (embedded or external .tsj).
//
// What moim reads from Tiled (see README "Editing maps in Tiled"):
// - tile layers, drawn in file order by the client;
// - collision: a tile layer named "collision" (any non-zero tile blocks) and/or tiles whose
//   tileset gives them the boolean property "collides" = true, in any tile layer;
// - an object layer named "zones": rectangle objects whose class (Tiled 1.9+ "class", or the
//   older "type") is one of the ZoneKind names below. Object pixel rectangles are converted to
//   the tiles they cover. Properties read: portal: "target_room", "target_spawn"; seat: none;
//   every zone: its object "name".
// - map properties: "display_name" (string, shown in the client); "features" (names separated
//   by commas: what the room offers beyond walking and chat, see server/app/room_feature.hpp).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "moim/world/geometry.hpp"

namespace moim::world {

enum class ZoneKind { spawn, private_area, stage, portal, seat, checkin, sticker_booth, quiet };

// Tiled class name for a kind ("spawn", "private", "stage", "portal", "seat", "checkin",
// "sticker-booth", "quiet") and back.
std::string_view zone_kind_name(ZoneKind kind);
std::optional<ZoneKind> zone_kind_from_name(std::string_view name);

struct Zone {
  int id = 0;  // Tiled object id, unique within the map
  ZoneKind kind = ZoneKind::spawn;
  std::string name;
  TileRect area;
  std::string target_room;   // portal only: room id (map file stem) to go to
  std::string target_spawn;  // portal only: name of a spawn zone in the target room
  std::map<std::string, std::string> properties;  // every custom property, as text
};

struct Tileset {
  std::uint32_t first_gid = 1;
  std::string name;
  std::filesystem::path image;  // absolute path, resolved against the .tmj / .tsj location
  int tile_width = 32;
  int tile_height = 32;
  int columns = 1;
  int tile_count = 0;
  int image_width = 0;
  int image_height = 0;
};

struct TileLayer {
  std::string name;
  bool visible = true;
  float opacity = 1.0f;
  std::vector<std::uint32_t> gids;  // width*height, row-major; flip flags already cleared
};

class MapError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Map {
 public:
  // Loads and validates a map. Throws MapError with the file and the problem (start-up only).
  static Map load(const std::filesystem::path& tmj_file);

  const std::string& id() const { return id_; }  // the file stem, e.g. "lobby"
  const std::string& display_name() const { return display_name_; }
  int width() const { return width_; }  // in tiles
  int height() const { return height_; }
  int tile_width() const { return tile_width_; }  // in pixels
  int tile_height() const { return tile_height_; }

  bool in_bounds(TilePos p) const { return p.x >= 0 && p.y >= 0 && p.x < width_ && p.y < height_; }
  // Out-of-bounds tiles are blocked.
  bool blocked(TilePos p) const;
  bool walkable(TilePos p) const { return in_bounds(p) && !blocked(p); }

  const std::vector<Zone>& zones() const { return zones_; }
  // The first zone of `kind` containing p, or nullptr.
  const Zone* zone_at(TilePos p, ZoneKind kind) const;
  const Zone* find_zone(ZoneKind kind, std::string_view name) const;
  // A walkable tile inside the spawn zone called `name` (any spawn zone when name is empty or
  // unknown); `salt` spreads arrivals over the zone's tiles. Falls back to any walkable tile.
  TilePos spawn_point(std::string_view name = {}, std::uint32_t salt = 0) const;

  const std::vector<TileLayer>& layers() const { return layers_; }
  const std::vector<Tileset>& tilesets() const { return tilesets_; }
  // The tileset a gid belongs to, or nullptr for gid 0 / unknown gids.
  const Tileset* tileset_for(std::uint32_t gid) const;

 private:
  std::string id_;
  std::string display_name_;
  int width_ = 0;
  int height_ = 0;
  int tile_width_ = 32;
  int tile_height_ = 32;
  std::vector<std::uint8_t> blocked_;  // width*height
  std::vector<Zone> zones_;
  std::vector<TileLayer> layers_;
  std::vector<Tileset> tilesets_;

  friend class MapBuilder;  // for tests that build maps in code
};

// Builds small maps in code for tests: walls, zones, no tilesets or layers.
class MapBuilder {
 public:
  MapBuilder(std::string id, int width, int height);
  MapBuilder& wall(TilePos p);
  MapBuilder& zone(ZoneKind kind, std::string name, TileRect area, std::string target_room = {},
                   std::string target_spawn = {});
  Map build() const;

 private:
  Map map_;
};

// Every *.tmj file in a directory, by id. Throws MapError if one fails to load, if two share an
// id, or if a portal names a room or spawn that does not exist.
class MapSet {
 public:
  static MapSet load_dir(const std::filesystem::path& dir);
  void add(Map map);
  const Map* find(std::string_view id) const;
  std::vector<std::string> ids() const;

 private:
  std::map<std::string, std::shared_ptr<const Map>, std::less<>> maps_;
};

}  // namespace moim::world
