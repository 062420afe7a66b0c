#include "moim/client/core/own_avatar.hpp"

#include <utility>

namespace moim::client {

std::optional<world::Direction> direction_of(world::TilePos from, world::TilePos to) {
  if (!world::is_step(from, to)) return std::nullopt;
  if (to.x < from.x) return world::Direction::left;
  if (to.x > from.x) return world::Direction::right;
  if (to.y < from.y) return world::Direction::up;
  return world::Direction::down;
}

void OwnAvatar::reset(world::TilePos tile, world::Direction facing) {
  tile_ = from_ = tile;
  facing_ = facing;
  progress_ = 1.0f;
  walk_time_ = 0;
  path_.clear();
  path_index_ = 0;
}

TileVec OwnAvatar::drawn() const {
  return {static_cast<float>(from_.x) + static_cast<float>(tile_.x - from_.x) * progress_,
          static_cast<float>(from_.y) + static_cast<float>(tile_.y - from_.y) * progress_};
}

v1::Move OwnAvatar::make_move(world::TilePos to) {
  v1::Move move;
  move.set_x(to.x);
  move.set_y(to.y);
  move.set_facing(to_proto(facing_));
  move.set_seq(next_seq_++);
  return move;
}

std::optional<v1::Move> OwnAvatar::step_to(const world::Map& map, world::TilePos to) {
  const auto d = direction_of(tile_, to);
  if (!d) return std::nullopt;
  if (!map.walkable(to)) {
    if (*d == facing_) return std::nullopt;
    facing_ = *d;
    return make_move(tile_);  // turn in place
  }
  facing_ = *d;
  from_ = tile_;
  tile_ = to;
  progress_ = 0.0f;
  return make_move(to);
}

std::optional<v1::Move> OwnAvatar::try_step(const world::Map& map, world::Direction d) {
  path_.clear();
  path_index_ = 0;
  if (walking()) return std::nullopt;
  return step_to(map, world::step(tile_, d));
}

void OwnAvatar::follow_path(std::vector<world::TilePos> path) {
  path_ = std::move(path);
  path_index_ = 0;
}

std::optional<v1::Move> OwnAvatar::update(float dt, const world::Map& map) {
  if (walking()) {
    progress_ += dt * kWalkTilesPerSecond;
    walk_time_ += dt;
    if (progress_ >= 1.0f) {
      progress_ = 1.0f;
      from_ = tile_;
    }
  }
  if (walking()) return std::nullopt;
  if (!following_path()) {
    walk_time_ = 0;
    return std::nullopt;
  }
  const world::TilePos next = path_[path_index_++];
  auto move = step_to(map, next);
  if (!move || !walking()) {
    // The path no longer fits the map (or where the server has us): stop rather than guess.
    path_.clear();
    path_index_ = 0;
  }
  return move;
}

void OwnAvatar::correct(const v1::MoveCorrection& correction) {
  if (correction.seq() < corrected_seq_) return;
  corrected_seq_ = correction.seq();
  reset({correction.x(), correction.y()}, from_proto(correction.facing()));
}

}  // namespace moim::client
