#include "moim/client/core/camera.hpp"

#include <gtest/gtest.h>

namespace {

using moim::client::Camera;

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

}  // namespace
