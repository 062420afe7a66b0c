#include "moim/client/core/follow.hpp"

#include <cstdlib>
#include <utility>

#include "moim/world/pathfind.hpp"

namespace moim::client {

namespace {

bool beside_or_on(world::TilePos a, world::TilePos b) {
  return std::abs(a.x - b.x) + std::abs(a.y - b.y) <= 1;
}

}  // namespace

void Follow::start(std::uint64_t user_id, std::string name, FollowMode mode) {
  user_id_ = user_id;
  name_ = std::move(name);
  mode_ = mode;
  last_seen_.reset();
  planned_for_.reset();
  next_locate_at_ = 0;
}

void Follow::stop() {
  *this = Follow{};
}

void Follow::set_mode(FollowMode mode) {
  mode_ = mode;
  planned_for_.reset();  // walking starts from a fresh plan
}

void Follow::seen_at(world::TilePos tile) {
  last_seen_ = tile;
}

bool Follow::should_locate(double now) {
  if (!active() || now < next_locate_at_) return false;
  next_locate_at_ = now + kFollowLocateInterval;
  return true;
}

std::optional<world::TilePos> Follow::walk_goal(world::TilePos me) {
  if (!active() || mode_ != FollowMode::walk || !last_seen_) return std::nullopt;
  if (planned_for_ == last_seen_) return std::nullopt;
  if (beside_or_on(me, *last_seen_)) {
    planned_for_ = last_seen_;  // nothing to walk; wait until they move on
    return std::nullopt;
  }
  planned_for_ = last_seen_;
  return last_seen_;
}

std::vector<world::TilePos> path_beside(const world::Map& map, world::TilePos from,
                                        world::TilePos target) {
  if (beside_or_on(from, target)) return {};
  auto path = world::find_path(map, from, target);
  if (!path.empty()) path.pop_back();
  return path;
}

}  // namespace moim::client
