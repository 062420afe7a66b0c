#include "moim/client/core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace moim::client {

void Camera::follow(TileVec target, float dt) {
  // Exponential ease: covers ~99% of the gap in half a second whatever the frame rate.
  const float k = 1.0f - std::exp(-10.0f * dt);
  center_.x += (target.x - center_.x) * k;
  center_.y += (target.y - center_.y) * k;
}

void Camera::zoom_by(float factor) {
  set_zoom(zoom_ * factor);
}

void Camera::set_zoom(float zoom) {
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
}

ScreenPoint Camera::to_screen(TileVec p) const {
  const float s = tile_size();
  return {(p.x - center_.x) * s + static_cast<float>(view_w_) / 2.0f,
          (p.y - center_.y) * s + static_cast<float>(view_h_) / 2.0f};
}

TileVec Camera::to_world(ScreenPoint p) const {
  const float s = tile_size();
  return {(p.x - static_cast<float>(view_w_) / 2.0f) / s + center_.x,
          (p.y - static_cast<float>(view_h_) / 2.0f) / s + center_.y};
}

world::TilePos Camera::tile_at(ScreenPoint s) const {
  const TileVec w = to_world(s);
  return {static_cast<int>(std::floor(w.x)), static_cast<int>(std::floor(w.y))};
}

world::TileRect Camera::visible_tiles() const {
  const world::TilePos a = tile_at({0, 0});
  const world::TilePos b =
      tile_at({static_cast<float>(view_w_) - 1.0f, static_cast<float>(view_h_) - 1.0f});
  return {a.x, a.y, b.x - a.x + 1, b.y - a.y + 1};
}

}  // namespace moim::client
