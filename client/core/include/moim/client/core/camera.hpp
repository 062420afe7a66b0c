#pragma once
// The view onto the map: which world point sits at the centre of the window and at what zoom.
// World coordinates here are tile units (TileVec); screen coordinates are window pixels.
#include "moim/client/core/avatars.hpp"
#include "moim/world/geometry.hpp"

namespace moim::client {

struct ScreenPoint {
  float x = 0;
  float y = 0;
};

inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 4.0f;

class Camera {
 public:
  // `tile_pixels`: the map's tile size in image pixels (32 for the shipped maps).
  void set_viewport(int width, int height) {
    view_w_ = width;
    view_h_ = height;
  }
  void set_tile_pixels(int tile_pixels) { tile_pixels_ = tile_pixels; }
  void set_center(TileVec center) { center_ = center; }
  // Eases towards `target` (the centre of a tile), fast enough to keep a walker on screen.
  void follow(TileVec target, float dt);
  void zoom_by(float factor);
  void set_zoom(float zoom);

  float zoom() const { return zoom_; }
  TileVec center() const { return center_; }
  int viewport_width() const { return view_w_; }
  int viewport_height() const { return view_h_; }
  // On-screen size of one tile, in pixels.
  float tile_size() const { return static_cast<float>(tile_pixels_) * zoom_; }

  // Top-left corner of tile-space point p on the screen.
  ScreenPoint to_screen(TileVec p) const;
  TileVec to_world(ScreenPoint s) const;
  // The tile under a screen pixel (floor, so negative coordinates stay off the map).
  world::TilePos tile_at(ScreenPoint s) const;
  // The tiles at least partly visible: [x0, x1) × [y0, y1), not clipped to the map.
  world::TileRect visible_tiles() const;

 private:
  TileVec center_;
  float zoom_ = 2.0f;
  int tile_pixels_ = 32;
  int view_w_ = 1280;
  int view_h_ = 720;
};

}  // namespace moim::client
