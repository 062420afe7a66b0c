#include "moim/client/core/own_avatar.hpp"

#include <gtest/gtest.h>

#include "moim/world/pathfind.hpp"

namespace {

using moim::client::OwnAvatar;
using moim::world::Direction;
using moim::world::TilePos;
namespace v1 = moim::v1;

moim::world::Map small_map() {
  return moim::world::MapBuilder("test", 6, 4).wall({2, 0}).wall({2, 1}).wall({2, 2}).build();
}

TEST(OwnAvatar, StepsArePredictedAndNumbered) {
  auto map = small_map();
  OwnAvatar me;
  me.reset({0, 0}, Direction::down);
  auto move = me.try_step(map, Direction::right);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->x(), 1);
  EXPECT_EQ(move->y(), 0);
  EXPECT_EQ(move->seq(), 1u);
  EXPECT_EQ(move->facing(), v1::DIRECTION_RIGHT);
  EXPECT_EQ(me.tile(), (TilePos{1, 0}));
  EXPECT_TRUE(me.walking());
  // Mid-step: a second key press waits.
  EXPECT_FALSE(me.try_step(map, Direction::down));
  me.update(1.0f / 16, map);
  EXPECT_NEAR(me.drawn().x, 0.5f, 1e-4);
  me.update(1.0f / 16, map);
  EXPECT_FALSE(me.walking());
  auto next = me.try_step(map, Direction::down);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->seq(), 2u);
}

TEST(OwnAvatar, WallsTurnInPlaceOnce) {
  auto map = small_map();
  OwnAvatar me;
  me.reset({1, 0}, Direction::down);
  auto turn = me.try_step(map, Direction::right);
  ASSERT_TRUE(turn);
  EXPECT_EQ(turn->x(), 1);
  EXPECT_EQ(turn->facing(), v1::DIRECTION_RIGHT);
  EXPECT_FALSE(me.walking());
  EXPECT_FALSE(me.try_step(map, Direction::right));  // already facing the wall
  auto edge = me.try_step(map, Direction::up);       // the map edge turns us too
  ASSERT_TRUE(edge);
  EXPECT_EQ(edge->facing(), v1::DIRECTION_UP);
  EXPECT_FALSE(me.try_step(map, Direction::up));
}

TEST(OwnAvatar, FollowsAPathFromFindPath) {
  auto map = small_map();
  OwnAvatar me;
  me.reset({0, 0}, Direction::down);
  auto path = moim::world::find_path(map, {0, 0}, {4, 0});
  ASSERT_FALSE(path.empty());
  me.follow_path(path);
  int moves = 0;
  for (int i = 0; i < 200 && (me.following_path() || me.walking()); ++i) {
    if (me.update(1.0f / 60, map)) ++moves;
  }
  EXPECT_EQ(me.tile(), (TilePos{4, 0}));
  EXPECT_EQ(moves, static_cast<int>(path.size()));
}

TEST(OwnAvatar, CorrectionSnapsAndDropsThePath) {
  auto map = small_map();
  OwnAvatar me;
  me.reset({0, 0}, Direction::down);
  me.follow_path(moim::world::find_path(map, {0, 0}, {0, 3}));
  me.update(1.0f / 60, map);
  me.update(1.0f / 60, map);
  v1::MoveCorrection c;
  c.set_x(0);
  c.set_y(0);
  c.set_seq(1);
  me.correct(c);
  EXPECT_EQ(me.tile(), (TilePos{0, 0}));
  EXPECT_FALSE(me.walking());
  EXPECT_FALSE(me.following_path());
  c.set_seq(0);  // older than the one applied: ignored
  c.set_x(5);
  me.correct(c);
  EXPECT_EQ(me.tile(), (TilePos{0, 0}));
}

}  // namespace
