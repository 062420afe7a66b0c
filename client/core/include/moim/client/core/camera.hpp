#pragma once
// The view onto the map: which world point sits at the centre of the map viewport and at what
// zoom. World coordinates here are tile units (TileVec); screen coordinates are window pixels.
//
// The camera never shows void beyond the map: along an axis where the map is larger than the
// viewport the centre is clamped so that the map's edge meets the viewport's edge, and along an
// axis where the map is smaller the map is centred (the person then walks across a still map).
#include "moim/client/core/avatars.hpp"
#include "moim/world/geometry.hpp"

namespace moim::client {

struct ScreenPoint {
  float x = 0;
  float y = 0;
};

// A rectangle of window pixels.
struct PixelRect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
  bool contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 4.0f;

class Camera {
 public:
  // The part of the window the map is drawn in (panels outside it cover nothing of the map).
  void set_viewport(PixelRect viewport);
  void set_viewport(int width, int height) { set_viewport(PixelRect{0, 0, width, height}); }
  // `tile_pixels`: the map's tile size in image pixels (32 for the shipped maps).
  void set_tile_pixels(int tile_pixels);
  // The map's size in tiles; the centre is clamped to it. 0 × 0 (the default) means unbounded.
  void set_world_size(int width_tiles, int height_tiles);
  void set_center(TileVec center);
  // Eases towards `target` (the centre of a tile), fast enough to keep a walker on screen.
  void follow(TileVec target, float dt);
  void zoom_by(float factor);
  void set_zoom(float zoom);

  float zoom() const { return zoom_; }
  TileVec center() const { return center_; }
  const PixelRect& viewport() const { return view_; }
  int viewport_width() const { return view_.w; }
  int viewport_height() const { return view_.h; }
  // On-screen size of one tile, in pixels.
  float tile_size() const { return static_cast<float>(tile_pixels_) * zoom_; }

  // Top-left corner of tile-space point p on the screen.
  ScreenPoint to_screen(TileVec p) const;
  TileVec to_world(ScreenPoint s) const;
  // The tile under a screen pixel (floor, so negative coordinates stay off the map).
  world::TilePos tile_at(ScreenPoint s) const;
  // The tiles at least partly visible in the viewport: [x0, x1) × [y0, y1), not clipped to the
  // map.
  world::TileRect visible_tiles() const;

 private:
  // Applies the map-edge rule above to center_.
  void clamp();

  TileVec center_;
  float zoom_ = 2.0f;
  int tile_pixels_ = 32;
  PixelRect view_{0, 0, 1280, 720};
  int world_w_ = 0;
  int world_h_ = 0;
};

}  // namespace moim::client
