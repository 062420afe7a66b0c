#include "walker.hpp"

#include <array>
#include <cstdlib>

namespace moim::loadgen {

using world::Direction;
using world::TilePos;

namespace {

constexpr std::array<Direction, 4> kDirections{Direction::down, Direction::left, Direction::right,
                                               Direction::up};

int chebyshev(TilePos a, TilePos b) {
  return std::max(std::abs(a.x - b.x), std::abs(a.y - b.y));
}

}  // namespace

Terrain::Terrain(const world::Map& map) : map_(map) {
  allowed_.resize(static_cast<std::size_t>(map.width()) * static_cast<std::size_t>(map.height()));
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x < map.width(); ++x) {
      const TilePos p{x, y};
      const bool ok = map.walkable(p) && map.zone_at(p, world::ZoneKind::portal) == nullptr;
      allowed_[static_cast<std::size_t>(y) * static_cast<std::size_t>(map.width()) +
               static_cast<std::size_t>(x)] = ok ? 1 : 0;
      if (ok) tiles_.push_back(p);
    }
  }
}

TilePos Terrain::random_tile(std::mt19937& rng) const {
  if (tiles_.empty()) return {0, 0};
  return tiles_[std::uniform_int_distribution<std::size_t>(0, tiles_.size() - 1)(rng)];
}

TilePos Terrain::neighbour(TilePos p, std::mt19937& rng) const {
  const auto first = std::uniform_int_distribution<int>(0, 3)(rng);
  for (int i = 0; i < 4; ++i) {
    const auto q = world::step(p, kDirections[static_cast<std::size_t>((first + i) % 4)]);
    if (allowed(q)) return q;
  }
  return p;
}

bool Walker::settled() const {
  return !home_ || chebyshev(pos_, *home_) <= wander_;
}

bool Walker::try_dir(Direction d, Step& out) const {
  const auto q = world::step(pos_, d);
  if (!terrain_->allowed(q)) return false;
  out = {q, d};
  return true;
}

Step Walker::next(std::mt19937& rng) {
  Step step{pos_, heading_};
  bool found = false;
  if (home_ && !settled()) {
    // Head home greedily, along the longer axis first, sideways when something is in the way.
    const int dx = home_->x - pos_.x;
    const int dy = home_->y - pos_.y;
    const Direction hx = dx > 0 ? Direction::right : Direction::left;
    const Direction hy = dy > 0 ? Direction::down : Direction::up;
    const bool x_first = std::abs(dx) >= std::abs(dy);
    found =
        (dx != 0 || dy != 0) && (try_dir(x_first ? hx : hy, step) ||
                                 ((x_first ? dy : dx) != 0 && try_dir(x_first ? hy : hx, step)));
  } else if (std::uniform_int_distribution<int>(0, 3)(rng) != 0) {
    // Mostly keep going the same way, as people do; never leave the wander radius.
    found = try_dir(heading_, step) && (!home_ || chebyshev(step.to, *home_) <= wander_);
  }
  if (!found) {
    const auto first = std::uniform_int_distribution<int>(0, 3)(rng);
    for (int i = 0; i < 4 && !found; ++i) {
      found = try_dir(kDirections[static_cast<std::size_t>((first + i) % 4)], step) &&
              (!home_ || !settled() || chebyshev(step.to, *home_) <= wander_);
    }
  }
  if (!found) step = {pos_, heading_};  // boxed in: turn in place
  pos_ = step.to;
  heading_ = step.facing;
  return step;
}

}  // namespace moim::loadgen
