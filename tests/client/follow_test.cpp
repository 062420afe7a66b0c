#include "moim/client/core/follow.hpp"

#include <gtest/gtest.h>

namespace {

using moim::client::Follow;
using moim::client::FollowMode;
using moim::client::path_beside;
using moim::world::TilePos;

TEST(Follow, StartsAndStops) {
  Follow f;
  EXPECT_FALSE(f.active());
  f.start(7, "이지은", FollowMode::watch);
  EXPECT_TRUE(f.active());
  EXPECT_EQ(f.user_id(), 7u);
  EXPECT_EQ(f.name(), "이지은");
  EXPECT_EQ(f.mode(), FollowMode::watch);
  f.seen_at({3, 4});
  ASSERT_TRUE(f.last_seen());
  f.stop();
  EXPECT_FALSE(f.active());
  EXPECT_FALSE(f.last_seen());
  EXPECT_TRUE(f.name().empty());
}

TEST(Follow, WatchModeNeverWalks) {
  Follow f;
  f.start(7, "a", FollowMode::watch);
  f.seen_at({10, 10});
  EXPECT_FALSE(f.walk_goal({0, 0}));
}

TEST(Follow, WalkModePlansOncePerMoveOfTheTarget) {
  Follow f;
  f.start(7, "a", FollowMode::walk);
  EXPECT_FALSE(f.walk_goal({0, 0}));  // not seen yet: nowhere to go
  f.seen_at({10, 10});
  EXPECT_EQ(f.walk_goal({0, 0}), (TilePos{10, 10}));
  EXPECT_FALSE(f.walk_goal({1, 0}));  // same target: keep walking the plan we have
  f.seen_at({11, 10});
  EXPECT_EQ(f.walk_goal({5, 5}), (TilePos{11, 10}));
  f.seen_at({11, 11});
  EXPECT_FALSE(f.walk_goal({11, 12}));  // beside them: stay
  f.seen_at({11, 15});
  EXPECT_EQ(f.walk_goal({11, 12}), (TilePos{11, 15}));  // they walked off: go again
}

TEST(Follow, SwitchingToWalkPlansAfresh) {
  Follow f;
  f.start(7, "a", FollowMode::watch);
  f.seen_at({10, 10});
  EXPECT_FALSE(f.walk_goal({0, 0}));
  f.set_mode(FollowMode::walk);
  EXPECT_EQ(f.walk_goal({0, 0}), (TilePos{10, 10}));
}

TEST(Follow, LocatesAtMostOncePerInterval) {
  Follow f;
  EXPECT_FALSE(f.should_locate(0.0));  // nobody to locate
  f.start(7, "a", FollowMode::watch);
  EXPECT_TRUE(f.should_locate(5.0));
  EXPECT_FALSE(f.should_locate(5.5));
  EXPECT_TRUE(f.should_locate(5.0 + moim::client::kFollowLocateInterval));
  f.start(8, "b", FollowMode::watch);  // someone else: ask at once
  EXPECT_TRUE(f.should_locate(6.1));
}

TEST(PathBeside, StopsNextToTheTargetAroundWalls) {
  // A wall at x = 2 from y = 0 to 2: the way round is through y = 3.
  const auto map =
      moim::world::MapBuilder("t", 6, 4).wall({2, 0}).wall({2, 1}).wall({2, 2}).build();
  const auto path = path_beside(map, {0, 0}, {4, 0});
  ASSERT_FALSE(path.empty());
  const TilePos last = path.back();
  EXPECT_EQ(std::abs(last.x - 4) + std::abs(last.y - 0), 1);
  for (const TilePos p : path) EXPECT_TRUE(map.walkable(p));
  EXPECT_GE(path.size(), 6u);  // down, across and up again
}

TEST(PathBeside, EmptyWhenBesideOrUnreachable) {
  const auto map = moim::world::MapBuilder("t", 6, 4).wall({5, 3}).build();
  EXPECT_TRUE(path_beside(map, {1, 1}, {1, 2}).empty());
  EXPECT_TRUE(path_beside(map, {1, 1}, {1, 1}).empty());
  EXPECT_TRUE(path_beside(map, {0, 0}, {5, 3}).empty());  // standing in a wall: unreachable
}

}  // namespace
