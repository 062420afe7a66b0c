#include "moim/client/core/avatars.hpp"

#include <algorithm>
#include <cmath>

#include "moim/proto/frame_moves.hpp"

namespace moim::client {

world::Direction from_proto(v1::Direction d) {
  switch (d) {
    case v1::DIRECTION_LEFT:
      return world::Direction::left;
    case v1::DIRECTION_RIGHT:
      return world::Direction::right;
    case v1::DIRECTION_UP:
      return world::Direction::up;
    default:
      return world::Direction::down;
  }
}

v1::Direction to_proto(world::Direction d) {
  switch (d) {
    case world::Direction::left:
      return v1::DIRECTION_LEFT;
    case world::Direction::right:
      return v1::DIRECTION_RIGHT;
    case world::Direction::up:
      return v1::DIRECTION_UP;
    case world::Direction::down:
      break;
  }
  return v1::DIRECTION_DOWN;
}

namespace {

TileVec to_vec(world::TilePos p) {
  return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

}  // namespace

void Avatars::reset(const google::protobuf::RepeatedPtrField<v1::Avatar>& avatars) {
  avatars_.clear();
  for (const auto& a : avatars) upsert(a);
}

void Avatars::upsert(const v1::Avatar& a) {
  const world::TilePos tile{a.x(), a.y()};
  auto [it, inserted] = avatars_.try_emplace(a.user_id());
  AvatarView& view = it->second;
  view.user_id = a.user_id();
  view.name = a.display_name();
  view.status = a.status();
  view.role = a.role();
  view.color = a.color();
  view.look = a.look();
  view.reconnecting = a.reconnecting();
  if (inserted) {
    view.tile = tile;
    view.facing = from_proto(a.facing());
    view.drawn = to_vec(tile);
  } else {
    move(a.user_id(), tile, from_proto(a.facing()));
  }
}

void Avatars::move(std::uint64_t user_id, world::TilePos tile, world::Direction facing) {
  auto it = avatars_.find(user_id);
  if (it == avatars_.end()) return;  // a move for someone we were never shown
  AvatarView& view = it->second;
  view.tile = tile;
  view.facing = facing;
  const float dx = static_cast<float>(tile.x) - view.drawn.x;
  const float dy = static_cast<float>(tile.y) - view.drawn.y;
  if (std::abs(dx) + std::abs(dy) > kSnapDistanceTiles) view.drawn = to_vec(tile);
}

void Avatars::remove(std::uint64_t user_id) {
  avatars_.erase(user_id);
}

void Avatars::apply(const v1::Frame& frame, std::uint64_t skip_moves_of) {
  for (const auto& a : frame.upserts()) {
    if (a.user_id() == skip_moves_of && avatars_.contains(a.user_id())) {
      // Our own appearance may change (status), our position is predicted locally.
      AvatarView& self = avatars_[a.user_id()];
      self.name = a.display_name();
      self.status = a.status();
      self.role = a.role();
      self.color = a.color();
      self.look = a.look();
      continue;
    }
    upsert(a);
  }
  proto::for_each_move(frame, [&](const proto::FrameMove& m) {
    if (m.user_id != skip_moves_of) move(m.user_id, {m.x, m.y}, from_proto(m.facing));
  });
  for (const auto id : frame.removed()) remove(id);
}

void Avatars::update(float dt) {
  const float max_step = kWalkTilesPerSecond * dt;
  for (auto& [id, view] : avatars_) {
    const float dx = static_cast<float>(view.tile.x) - view.drawn.x;
    const float dy = static_cast<float>(view.tile.y) - view.drawn.y;
    const float distance = std::abs(dx) + std::abs(dy);
    if (distance <= max_step) {
      view.drawn = to_vec(view.tile);
      view.walking = distance > 0;
    } else {
      // Walk along x first then y, as the server's 4-neighbour steps would.
      float budget = max_step;
      const float sx = std::clamp(dx, -budget, budget);
      view.drawn.x += sx;
      budget -= std::abs(sx);
      view.drawn.y += std::clamp(dy, -budget, budget);
      view.walking = true;
    }
    view.walk_time = view.walking ? view.walk_time + dt : 0.0f;
  }
}

const AvatarView* Avatars::find(std::uint64_t user_id) const {
  auto it = avatars_.find(user_id);
  return it == avatars_.end() ? nullptr : &it->second;
}

AvatarView* Avatars::find(std::uint64_t user_id) {
  auto it = avatars_.find(user_id);
  return it == avatars_.end() ? nullptr : &it->second;
}

std::vector<const AvatarView*> Avatars::draw_order() const {
  std::vector<const AvatarView*> order;
  order.reserve(avatars_.size());
  for (const auto& [id, view] : avatars_) order.push_back(&view);
  std::sort(order.begin(), order.end(), [](const AvatarView* a, const AvatarView* b) {
    if (a->drawn.y != b->drawn.y) return a->drawn.y < b->drawn.y;
    return a->user_id < b->user_id;
  });
  return order;
}

}  // namespace moim::client
