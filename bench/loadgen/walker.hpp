#pragma once
// How a bot walks: one legal step at a time on the room's map, as the desktop client would send
// them (4-neighbour steps onto walkable tiles). Portal tiles are avoided so that bots stay in
// the room they are measured in.
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "moim/world/map.hpp"

namespace moim::loadgen {

// A room's map with the tiles a bot may step on precomputed. Shared, read-only.
class Terrain {
 public:
  explicit Terrain(const world::Map& map);
  const world::Map& map() const { return map_; }
  bool allowed(world::TilePos p) const {
    return map_.in_bounds(p) &&
           allowed_[static_cast<std::size_t>(p.y) * static_cast<std::size_t>(map_.width()) +
                    static_cast<std::size_t>(p.x)] != 0;
  }
  // A uniformly random allowed tile.
  world::TilePos random_tile(std::mt19937& rng) const;
  // An allowed neighbour of p, or p itself if it has none.
  world::TilePos neighbour(world::TilePos p, std::mt19937& rng) const;

 private:
  const world::Map& map_;
  std::vector<std::uint8_t> allowed_;
  std::vector<world::TilePos> tiles_;
};

struct Step {
  world::TilePos to;
  world::Direction facing = world::Direction::down;
};

class Walker {
 public:
  // With a home, the walker first heads there, then wanders within `wander` tiles of it
  // (big-map: people spread over the map). Without one it roams the whole room.
  Walker(const Terrain& terrain, std::optional<world::TilePos> home = std::nullopt, int wander = 3)
      : terrain_(&terrain), home_(home), wander_(wander) {}

  void place(world::TilePos p) { pos_ = p; }
  world::TilePos position() const { return pos_; }
  // True once the walker is within its wander radius of home (always true without a home).
  bool settled() const;
  Step next(std::mt19937& rng);

 private:
  bool try_dir(world::Direction d, Step& out) const;

  const Terrain* terrain_;
  std::optional<world::TilePos> home_;
  int wander_;
  world::TilePos pos_;
  world::Direction heading_ = world::Direction::down;
};

}  // namespace moim::loadgen
