#include "moim/client/core/camera.hpp"

#include <gtest/gtest.h>

namespace {

using moim::client::Camera;
using moim::client::PixelRect;

TEST(Camera, ScreenAndWorldRoundTrip) {
  Camera camera;
  camera.set_viewport(800, 600);
  camera.set_tile_pixels(32);
  camera.set_zoom(2.0f);
  camera.set_center({10.0f, 5.0f});
  const auto s = camera.to_screen({10.0f, 5.0f});
  EXPECT_FLOAT_EQ(s.x, 400.0f);
  EXPECT_FLOAT_EQ(s.y, 300.0f);
  const auto t = camera.to_screen({11.0f, 5.0f});
  EXPECT_FLOAT_EQ(t.x, 464.0f);
  EXPECT_EQ(camera.tile_at({401.0f, 301.0f}), (moim::world::TilePos{10, 5}));
  EXPECT_EQ(camera.tile_at({399.0f, 299.0f}), (moim::world::TilePos{9, 4}));
}

TEST(Camera, ZoomIsClamped) {
  Camera camera;
  camera.zoom_by(100.0f);
  EXPECT_FLOAT_EQ(camera.zoom(), moim::client::kMaxZoom);
  camera.zoom_by(0.0001f);
  EXPECT_FLOAT_EQ(camera.zoom(), moim::client::kMinZoom);
}

TEST(Camera, FollowConverges) {
  Camera camera;
  camera.set_center({0, 0});
  for (int i = 0; i < 120; ++i) camera.follow({10.0f, 4.0f}, 1.0f / 60);
  EXPECT_NEAR(camera.center().x, 10.0f, 0.01f);
  EXPECT_NEAR(camera.center().y, 4.0f, 0.01f);
}

TEST(Camera, ViewportOffsetMovesTheCentre) {
  // The map is drawn right of a 300 px side panel and below a 32 px bar.
  Camera camera;
  camera.set_viewport(PixelRect{300, 32, 800, 600});
  camera.set_tile_pixels(32);
  camera.set_zoom(1.0f);
  camera.set_center({20.0f, 20.0f});
  const auto s = camera.to_screen({20.0f, 20.0f});
  EXPECT_FLOAT_EQ(s.x, 700.0f);
  EXPECT_FLOAT_EQ(s.y, 332.0f);
  EXPECT_EQ(camera.tile_at({700.0f, 332.0f}), (moim::world::TilePos{20, 20}));
  // The visible tiles start at the viewport's corner, not the window's.
  const auto v = camera.visible_tiles();
  EXPECT_EQ(v.x, 20 - 400 / 32 - 1);
  EXPECT_EQ(v.y, 20 - 300 / 32 - 1);
}

// A map larger than the viewport: wherever the target is, the map's edges stay at or beyond the
// viewport's edges, so nothing outside the map is ever shown.
TEST(Camera, ClampsAtTheEdgesOfALargerMap) {
  Camera camera;
  const PixelRect view{300, 32, 800, 600};
  camera.set_viewport(view);
  camera.set_tile_pixels(32);
  camera.set_zoom(1.0f);
  camera.set_world_size(100, 50);  // 3200 × 1600 px

  camera.set_center({0.0f, 0.0f});  // the top-left corner
  auto top_left = camera.to_screen({0.0f, 0.0f});
  EXPECT_FLOAT_EQ(top_left.x, 300.0f);
  EXPECT_FLOAT_EQ(top_left.y, 32.0f);
  EXPECT_FLOAT_EQ(camera.center().x, 12.5f);  // 800 px / 32 / 2
  EXPECT_FLOAT_EQ(camera.center().y, 9.375f);

  camera.set_center({100.0f, 50.0f});  // the bottom-right corner
  auto bottom_right = camera.to_screen({100.0f, 50.0f});
  EXPECT_FLOAT_EQ(bottom_right.x, 1100.0f);
  EXPECT_FLOAT_EQ(bottom_right.y, 632.0f);
  const auto v = camera.visible_tiles();
  EXPECT_EQ(v.x + v.w, 100);
  EXPECT_EQ(v.y + v.h, 50);

  camera.set_center({40.0f, 25.0f});  // well inside: untouched
  EXPECT_FLOAT_EQ(camera.center().x, 40.0f);
  EXPECT_FLOAT_EQ(camera.center().y, 25.0f);
}

TEST(Camera, FollowingSomeoneAtTheEdgeStopsAtTheEdge) {
  Camera camera;
  camera.set_viewport(800, 600);
  camera.set_tile_pixels(32);
  camera.set_zoom(2.0f);  // 12.5 × 9.375 tiles visible
  camera.set_world_size(48, 32);
  camera.set_center({24.0f, 16.0f});
  for (int i = 0; i < 240; ++i) camera.follow({0.5f, 31.5f}, 1.0f / 60);
  EXPECT_FLOAT_EQ(camera.center().x, 6.25f);
  EXPECT_FLOAT_EQ(camera.center().y, 32.0f - 4.6875f);
  EXPECT_GE(camera.to_screen({0.0f, 0.0f}).x, 0.0f - 1e-3f);
  EXPECT_LE(camera.to_screen({48.0f, 32.0f}).y, 600.0f + 1e-3f);
}

TEST(Camera, SmallerMapIsCentred) {
  Camera camera;
  camera.set_viewport(PixelRect{0, 0, 800, 600});
  camera.set_tile_pixels(32);
  camera.set_zoom(2.0f);            // 64 px tiles
  camera.set_world_size(10, 8);     // 640 × 512 px: smaller on both axes
  camera.set_center({1.0f, 7.0f});  // wherever we stand, the map stays put
  EXPECT_FLOAT_EQ(camera.center().x, 5.0f);
  EXPECT_FLOAT_EQ(camera.center().y, 4.0f);
  const auto a = camera.to_screen({0.0f, 0.0f});
  const auto b = camera.to_screen({10.0f, 8.0f});
  EXPECT_FLOAT_EQ(a.x, 80.0f);
  EXPECT_FLOAT_EQ(b.x, 720.0f);
  EXPECT_FLOAT_EQ(a.y, 44.0f);
  EXPECT_FLOAT_EQ(b.y, 556.0f);
}

TEST(Camera, OneAxisClampedTheOtherCentred) {
  Camera camera;
  camera.set_viewport(800, 300);
  camera.set_tile_pixels(32);
  camera.set_zoom(1.0f);
  camera.set_world_size(20, 40);  // 640 px wide (< 800), 1280 px tall (> 300)
  camera.set_center({0.0f, 0.0f});
  EXPECT_FLOAT_EQ(camera.center().x, 10.0f);
  EXPECT_FLOAT_EQ(camera.to_screen({0.0f, 0.0f}).y, 0.0f);
}

TEST(Camera, ZoomingOutReclamps) {
  Camera camera;
  camera.set_viewport(800, 600);
  camera.set_tile_pixels(32);
  camera.set_zoom(4.0f);
  camera.set_world_size(30, 20);
  camera.set_center({2.0f, 2.0f});
  EXPECT_FLOAT_EQ(camera.center().x, 800.0f / 128.0f / 2.0f);
  camera.set_zoom(0.5f);  // 16 px tiles: the whole 480 × 320 px map fits, so it is centred
  EXPECT_FLOAT_EQ(camera.center().x, 15.0f);
  EXPECT_FLOAT_EQ(camera.center().y, 10.0f);
}

}  // namespace
