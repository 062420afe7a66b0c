#include "moim/client/core/avatars.hpp"

#include <gtest/gtest.h>

#include "moim/proto/frame_moves.hpp"

namespace {

using moim::client::Avatars;
namespace v1 = moim::v1;

v1::Avatar avatar(std::uint64_t id, int x, int y, const std::string& name = "김민지") {
  v1::Avatar a;
  a.set_user_id(id);
  a.set_display_name(name);
  a.set_x(x);
  a.set_y(y);
  a.set_color(0x336699);
  return a;
}

TEST(Avatars, FrameAppliesUpsertsThenMovesThenRemovals) {
  Avatars avatars;
  v1::Frame frame;
  *frame.add_upserts() = avatar(1, 2, 2);
  *frame.add_upserts() = avatar(2, 5, 5);
  auto* m = frame.add_moves();  // a move for someone upserted in the same frame
  m->set_user_id(1);
  m->set_x(3);
  m->set_y(2);
  m->set_facing(v1::DIRECTION_RIGHT);
  frame.add_removed(2);
  frame.add_removed(99);  // unknown: ignored
  avatars.apply(frame, 0);
  ASSERT_EQ(avatars.size(), 1u);
  const auto* a = avatars.find(1);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->tile, (moim::world::TilePos{3, 2}));
  EXPECT_EQ(a->facing, moim::world::Direction::right);
  EXPECT_EQ(a->name, "김민지");
}

TEST(Avatars, KeepsTheReconnectingMarkUntilAnUpsertClearsIt) {
  Avatars avatars;
  v1::RoomSnapshot snapshot;
  auto* away = snapshot.add_avatars();
  *away = avatar(3, 4, 4);
  away->set_reconnecting(true);
  avatars.reset(snapshot.avatars());
  ASSERT_NE(avatars.find(3), nullptr);
  EXPECT_TRUE(avatars.find(3)->reconnecting);  // a newcomer sees them dimmed at once

  v1::Frame back;
  *back.add_upserts() = avatar(3, 4, 4);  // resumed: same place, mark cleared
  avatars.apply(back, 0);
  ASSERT_NE(avatars.find(3), nullptr);
  EXPECT_FALSE(avatars.find(3)->reconnecting);
  EXPECT_EQ(avatars.find(3)->tile, (moim::world::TilePos{4, 4}));

  v1::Frame dropped;
  auto* again = dropped.add_upserts();
  *again = avatar(3, 4, 4);
  again->set_reconnecting(true);
  avatars.apply(dropped, 0);
  EXPECT_TRUE(avatars.find(3)->reconnecting);
  avatars.update(0.1f);  // gliding and animation keep it
  EXPECT_TRUE(avatars.find(3)->reconnecting);
}

TEST(Avatars, AppliesPackedMovesAsTheServerSendsThem) {
  Avatars avatars;
  v1::Frame first;
  *first.add_upserts() = avatar(4, 1, 1);
  *first.add_upserts() = avatar(9, 8, 8);
  avatars.apply(first, 0);
  v1::Frame second;
  const moim::proto::FrameMove steps[] = {{4, 2, 1, v1::DIRECTION_RIGHT},
                                          {9, 8, 7, v1::DIRECTION_UP}};
  moim::proto::PackedAreaBounds bounds;
  for (const auto& m : steps) bounds.include(m.x, m.y);
  moim::proto::FrameMoveWriter moves(second, bounds.area());
  for (const auto& m : steps) moves.add(m);
  ASSERT_EQ(second.packed_span(), 7u);  // places measured from (2, 1), as the server packs them
  avatars.apply(second, 0);
  EXPECT_EQ(avatars.find(4)->tile, (moim::world::TilePos{2, 1}));
  EXPECT_EQ(avatars.find(9)->tile, (moim::world::TilePos{8, 7}));
  EXPECT_EQ(avatars.find(9)->facing, moim::world::Direction::up);
}

TEST(Avatars, GlidesAtWalkingSpeedAndSnapsOnJumps) {
  Avatars avatars;
  v1::Frame frame;
  *frame.add_upserts() = avatar(1, 0, 0);
  avatars.apply(frame, 0);
  avatars.move(1, {1, 0}, moim::world::Direction::right);
  avatars.update(1.0f / 16);  // half a step at 8 tiles/s
  EXPECT_NEAR(avatars.find(1)->drawn.x, 0.5f, 1e-4);
  EXPECT_TRUE(avatars.find(1)->walking);
  avatars.update(1.0f / 16);
  EXPECT_NEAR(avatars.find(1)->drawn.x, 1.0f, 1e-4);
  avatars.update(1.0f / 60);
  EXPECT_FALSE(avatars.find(1)->walking);
  avatars.move(1, {20, 20}, moim::world::Direction::down);  // a portal, not a walk
  EXPECT_NEAR(avatars.find(1)->drawn.x, 20.0f, 1e-4);
  EXPECT_NEAR(avatars.find(1)->drawn.y, 20.0f, 1e-4);
}

TEST(Avatars, SkipsOwnMovesButKeepsOwnAppearance) {
  Avatars avatars;
  v1::Frame first;
  *first.add_upserts() = avatar(7, 1, 1);
  avatars.apply(first, 7);
  v1::Frame second;
  auto changed = avatar(7, 9, 9);
  changed.set_status(v1::STATUS_BUSY);
  *second.add_upserts() = changed;
  auto* m = second.add_moves();
  m->set_user_id(7);
  m->set_x(4);
  avatars.apply(second, 7);
  EXPECT_EQ(avatars.find(7)->tile, (moim::world::TilePos{1, 1}));
  EXPECT_EQ(avatars.find(7)->status, v1::STATUS_BUSY);
}

TEST(Avatars, DrawOrderIsBackToFront) {
  Avatars avatars;
  v1::Frame frame;
  *frame.add_upserts() = avatar(1, 0, 5);
  *frame.add_upserts() = avatar(2, 0, 1);
  *frame.add_upserts() = avatar(3, 0, 3);
  avatars.apply(frame, 0);
  auto order = avatars.draw_order();
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0]->user_id, 2u);
  EXPECT_EQ(order[1]->user_id, 3u);
  EXPECT_EQ(order[2]->user_id, 1u);
}

}  // namespace
