#pragma once
// Our own avatar, predicted: a step is shown at once and sent as a Move; the server answers only
// when it refuses one (MoveCorrection), and then we snap to where it has us. Steps take
// 1/kWalkTilesPerSecond seconds each, so holding a key walks at 8 tiles per second, under the
// server's move rate limit.
#include <cstdint>
#include <optional>
#include <vector>

#include "moim/client/core/avatars.hpp"
#include "moim/v1/moim.pb.h"
#include "moim/world/geometry.hpp"
#include "moim/world/map.hpp"

namespace moim::client {

class OwnAvatar {
 public:
  void reset(world::TilePos tile, world::Direction facing);

  // One step in `d` if the previous one has finished. A blocked step turns in place (a Move to
  // the current tile) when that changes the facing. Cancels a click-to-walk path.
  std::optional<v1::Move> try_step(const world::Map& map, world::Direction d);
  // Walks along `path` (tiles from world::find_path, first step first), one step per update.
  void follow_path(std::vector<world::TilePos> path);
  bool following_path() const { return path_index_ < path_.size(); }
  // Advances the current step by dt seconds; returns the next path step's Move when one starts.
  std::optional<v1::Move> update(float dt, const world::Map& map);
  // The server refused a move: snap to its position and forget the path. Corrections older than
  // one already applied are ignored.
  void correct(const v1::MoveCorrection& correction);

  world::TilePos tile() const { return tile_; }
  world::Direction facing() const { return facing_; }
  TileVec drawn() const;
  bool walking() const { return progress_ < 1.0f; }
  float walk_time() const { return walk_time_; }
  std::uint32_t last_seq() const { return next_seq_ - 1; }

 private:
  v1::Move make_move(world::TilePos to);
  std::optional<v1::Move> step_to(const world::Map& map, world::TilePos to);

  world::TilePos tile_;
  world::TilePos from_;
  world::Direction facing_ = world::Direction::down;
  float progress_ = 1.0f;  // 0..1 along from_ → tile_; 1 means standing on tile_
  float walk_time_ = 0;
  std::uint32_t next_seq_ = 1;
  std::uint32_t corrected_seq_ = 0;
  std::vector<world::TilePos> path_;
  std::size_t path_index_ = 0;
};

// The direction of a single step, or nullopt if `to` is not a neighbour of `from`.
std::optional<world::Direction> direction_of(world::TilePos from, world::TilePos to);

}  // namespace moim::client
