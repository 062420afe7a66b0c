// Map::load: turns a Tiled JSON map into a validated Map. The JSON details are in tiled_json.cpp;
// this file decides what the pieces mean for moim (collision, zones, validation).
#include <algorithm>

#include "moim/world/map.hpp"
#include "tiled_json.hpp"

namespace moim::world {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Tile and object layers in drawing order; Tiled group layers are flattened.
void collect_layers(const json& layers, std::vector<const json*>& out) {
  for (const auto& layer : layers) {
    if (layer.value("type", "") == "group") {
      collect_layers(detail::array_at(layer, "layers"), out);
    } else {
      out.push_back(&layer);
    }
  }
}

// gid → does that tile carry collides=true; index 0 (empty) never collides.
std::vector<bool> collision_by_gid(const std::vector<detail::LoadedTileset>& tilesets) {
  std::uint32_t end = 1;
  for (const auto& ts : tilesets) {
    end = std::max(end, ts.info.first_gid + static_cast<std::uint32_t>(ts.info.tile_count));
  }
  std::vector<bool> collides(end, false);
  for (const auto& ts : tilesets) {
    for (std::size_t i = 0; i < ts.collides.size(); ++i) {
      collides[ts.info.first_gid + i] = ts.collides[i];
    }
  }
  return collides;
}

// Blocked tiles: anything in the "collision" layer, or a tile marked collides in any layer.
// Gids outside every tileset are reported, since Tiled would draw them as holes.
std::vector<std::uint8_t> compute_blocked(const std::vector<TileLayer>& layers,
                                          const std::vector<bool>& collides, std::size_t tile_count,
                                          const fs::path& file) {
  std::vector<std::uint8_t> blocked(tile_count, 0);
  for (const auto& layer : layers) {
    const bool collision_layer = layer.name == "collision";
    for (std::size_t i = 0; i < layer.gids.size(); ++i) {
      const std::uint32_t gid = layer.gids[i];
      if (gid == 0) continue;
      if (gid >= collides.size() && !collision_layer) {
        detail::fail(file, "layer \"" + layer.name + "\" uses gid " + std::to_string(gid) +
                               " which is in no tileset");
      }
      if (collision_layer || collides[gid]) blocked[i] = 1;
    }
  }
  return blocked;
}

void validate_zones(const std::vector<Zone>& zones, const fs::path& file) {
  if (std::none_of(zones.begin(), zones.end(),
                   [](const Zone& z) { return z.kind == ZoneKind::spawn; })) {
    detail::fail(file, "no spawn zone in the \"zones\" object layer");
  }
  for (const auto& zone : zones) {
    if (zone.kind == ZoneKind::portal && (zone.target_room.empty() || zone.target_spawn.empty())) {
      detail::fail(file, "portal \"" + zone.name + "\" needs target_room and target_spawn");
    }
  }
}

}  // namespace

Map Map::load(const fs::path& tmj_file) {
  const json doc = detail::read_json_file(tmj_file);
  const char* where = "map";
  Map map;
  map.id_ = tmj_file.stem().string();
  if (doc.value("infinite", false)) detail::fail(tmj_file, "infinite maps are not supported");
  map.width_ = detail::require_int(doc, "width", tmj_file, where);
  map.height_ = detail::require_int(doc, "height", tmj_file, where);
  map.tile_width_ = detail::require_int(doc, "tilewidth", tmj_file, where);
  map.tile_height_ = detail::require_int(doc, "tileheight", tmj_file, where);
  if (map.width_ <= 0 || map.height_ <= 0 || map.tile_width_ <= 0 || map.tile_height_ <= 0) {
    detail::fail(tmj_file, "map and tile sizes must be positive");
  }
  const auto props = detail::parse_properties(doc);
  auto name = props.find("display_name");
  map.display_name_ = name != props.end() ? name->second : map.id_;
  map.properties = props;

  std::vector<detail::LoadedTileset> tilesets;
  for (const auto& entry : detail::array_at(doc, "tilesets")) {
    tilesets.push_back(detail::load_tileset(entry, tmj_file));
    map.tilesets_.push_back(tilesets.back().info);
  }

  std::vector<const json*> layers;
  collect_layers(detail::array_at(doc, "layers"), layers);
  for (const json* layer : layers) {
    const std::string type = layer->value("type", "");
    if (type == "tilelayer") {
      map.layers_.push_back(detail::parse_tile_layer(*layer, map.width_, map.height_, tmj_file));
    } else if (type == "objectgroup" && layer->value("name", "") == "zones") {
      for (const auto& object : detail::array_at(*layer, "objects")) {
        auto zone = detail::parse_zone(object, map.tile_width_, map.tile_height_, tmj_file);
        if (zone) map.zones_.push_back(std::move(*zone));
      }
    }
  }
  map.blocked_ = compute_blocked(map.layers_, collision_by_gid(tilesets),
                                 static_cast<std::size_t>(map.width_) * map.height_, tmj_file);
  validate_zones(map.zones_, tmj_file);
  return map;
}

}  // namespace moim::world
