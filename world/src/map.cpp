// Map queries and MapBuilder. Loading from Tiled JSON lives in tiled_json.cpp.
#include <algorithm>
#include <array>
#include <utility>

#include "moim/world/map.hpp"

namespace moim::world {
namespace {

struct KindName {
  ZoneKind kind;
  std::string_view name;
};

constexpr std::array<KindName, 8> kind_names{{
    {ZoneKind::spawn, "spawn"},
    {ZoneKind::private_area, "private"},
    {ZoneKind::stage, "stage"},
    {ZoneKind::portal, "portal"},
    {ZoneKind::seat, "seat"},
    {ZoneKind::checkin, "checkin"},
    {ZoneKind::sticker_booth, "sticker-booth"},
    {ZoneKind::quiet, "quiet"},
}};

// Every walkable tile of `area`, row by row.
std::vector<TilePos> walkable_tiles(const Map& map, TileRect area) {
  std::vector<TilePos> tiles;
  for (int y = area.y; y < area.y + area.h; ++y) {
    for (int x = area.x; x < area.x + area.w; ++x) {
      if (map.walkable({x, y})) tiles.push_back({x, y});
    }
  }
  return tiles;
}

}  // namespace

std::string_view zone_kind_name(ZoneKind kind) {
  for (const auto& entry : kind_names) {
    if (entry.kind == kind) return entry.name;
  }
  return "spawn";
}

std::optional<ZoneKind> zone_kind_from_name(std::string_view name) {
  for (const auto& entry : kind_names) {
    if (entry.name == name) return entry.kind;
  }
  return std::nullopt;
}

bool Map::blocked(TilePos p) const {
  if (!in_bounds(p)) return true;
  return blocked_[static_cast<std::size_t>(p.y) * static_cast<std::size_t>(width_) +
                  static_cast<std::size_t>(p.x)] != 0;
}

const Zone* Map::zone_at(TilePos p, ZoneKind kind) const {
  for (const auto& zone : zones_) {
    if (zone.kind == kind && zone.area.contains(p)) return &zone;
  }
  return nullptr;
}

const Zone* Map::find_zone(ZoneKind kind, std::string_view name) const {
  for (const auto& zone : zones_) {
    if (zone.kind == kind && zone.name == name) return &zone;
  }
  return nullptr;
}

TilePos Map::spawn_point(std::string_view name, std::uint32_t salt) const {
  const Zone* zone = name.empty() ? nullptr : find_zone(ZoneKind::spawn, name);
  if (zone == nullptr) {
    auto it = std::find_if(zones_.begin(), zones_.end(),
                           [](const Zone& z) { return z.kind == ZoneKind::spawn; });
    if (it != zones_.end()) zone = &*it;
  }
  if (zone != nullptr) {
    const auto tiles = walkable_tiles(*this, zone->area);
    if (!tiles.empty()) return tiles[salt % tiles.size()];
  }
  // A spawn zone that is all wall is a map bug, but people still need somewhere to stand.
  const auto anywhere = walkable_tiles(*this, {0, 0, width_, height_});
  if (!anywhere.empty()) return anywhere[salt % anywhere.size()];
  return {0, 0};
}

const Tileset* Map::tileset_for(std::uint32_t gid) const {
  if (gid == 0) return nullptr;
  for (const auto& tileset : tilesets_) {
    const auto count = static_cast<std::uint32_t>(std::max(tileset.tile_count, 0));
    if (gid >= tileset.first_gid && gid - tileset.first_gid < count) return &tileset;
  }
  return nullptr;
}

MapBuilder::MapBuilder(std::string id, int width, int height) {
  map_.id_ = std::move(id);
  map_.display_name_ = map_.id_;
  map_.width_ = std::max(width, 0);
  map_.height_ = std::max(height, 0);
  map_.blocked_.assign(static_cast<std::size_t>(map_.width_) * map_.height_, 0);
}

MapBuilder& MapBuilder::wall(TilePos p) {
  if (map_.in_bounds(p)) {
    map_.blocked_[static_cast<std::size_t>(p.y) * map_.width_ + static_cast<std::size_t>(p.x)] = 1;
  }
  return *this;
}

MapBuilder& MapBuilder::zone(ZoneKind kind, std::string name, TileRect area,
                             std::string target_room, std::string target_spawn) {
  Zone z;
  z.id = static_cast<int>(map_.zones_.size()) + 1;
  z.kind = kind;
  z.name = std::move(name);
  z.area = area;
  z.target_room = std::move(target_room);
  z.target_spawn = std::move(target_spawn);
  map_.zones_.push_back(std::move(z));
  return *this;
}

Map MapBuilder::build() const {
  return map_;
}

}  // namespace moim::world
