#include "moim/client/core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace moim::client {

namespace {

// The centre coordinate along one axis: inside [half, size - half] when the map is larger than
// the view, the map's middle when it is smaller.
float clamp_axis(float center, int world_tiles, float view_tiles) {
  if (world_tiles <= 0) return center;
  const float size = static_cast<float>(world_tiles);
  if (view_tiles >= size) return size / 2.0f;
  const float half = view_tiles / 2.0f;
  return std::clamp(center, half, size - half);
}

}  // namespace

void Camera::clamp() {
  const float s = tile_size();
  if (s <= 0) return;
  center_.x = clamp_axis(center_.x, world_w_, static_cast<float>(view_.w) / s);
  center_.y = clamp_axis(center_.y, world_h_, static_cast<float>(view_.h) / s);
}

void Camera::set_viewport(PixelRect viewport) {
  view_ = viewport;
  clamp();
}

void Camera::set_tile_pixels(int tile_pixels) {
  tile_pixels_ = tile_pixels;
  clamp();
}

void Camera::set_world_size(int width_tiles, int height_tiles) {
  world_w_ = width_tiles;
  world_h_ = height_tiles;
  clamp();
}

void Camera::set_center(TileVec center) {
  center_ = center;
  clamp();
}

void Camera::follow(TileVec target, float dt) {
  // Exponential ease: covers ~99% of the gap in half a second whatever the frame rate.
  const float k = 1.0f - std::exp(-10.0f * dt);
  center_.x += (target.x - center_.x) * k;
  center_.y += (target.y - center_.y) * k;
  clamp();
}

void Camera::zoom_by(float factor) {
  set_zoom(zoom_ * factor);
}

void Camera::set_zoom(float zoom) {
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  clamp();
}

ScreenPoint Camera::to_screen(TileVec p) const {
  const float s = tile_size();
  return {(p.x - center_.x) * s + static_cast<float>(view_.x) + static_cast<float>(view_.w) / 2.0f,
          (p.y - center_.y) * s + static_cast<float>(view_.y) + static_cast<float>(view_.h) / 2.0f};
}

TileVec Camera::to_world(ScreenPoint p) const {
  const float s = tile_size();
  return {(p.x - static_cast<float>(view_.x) - static_cast<float>(view_.w) / 2.0f) / s + center_.x,
          (p.y - static_cast<float>(view_.y) - static_cast<float>(view_.h) / 2.0f) / s + center_.y};
}

world::TilePos Camera::tile_at(ScreenPoint s) const {
  const TileVec w = to_world(s);
  return {static_cast<int>(std::floor(w.x)), static_cast<int>(std::floor(w.y))};
}

world::TileRect Camera::visible_tiles() const {
  const world::TilePos a = tile_at({static_cast<float>(view_.x), static_cast<float>(view_.y)});
  const world::TilePos b = tile_at(
      {static_cast<float>(view_.x + view_.w) - 1.0f, static_cast<float>(view_.y + view_.h) - 1.0f});
  return {a.x, a.y, b.x - a.x + 1, b.y - a.y + 1};
}

}  // namespace moim::client
