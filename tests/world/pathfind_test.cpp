#include "moim/world/pathfind.hpp"

#include <gtest/gtest.h>

namespace moim::world {
namespace {

// Every step is a 4-neighbour move onto a walkable tile, starting next to `from`.
void expect_valid_path(const Map& map, TilePos from, const std::vector<TilePos>& path) {
  TilePos at = from;
  for (TilePos next : path) {
    EXPECT_TRUE(is_step(at, next)) << at.x << "," << at.y << " -> " << next.x << "," << next.y;
    EXPECT_TRUE(map.walkable(next));
    at = next;
  }
}

TEST(WorldPathfind, StraightLineInOpenSpace) {
  const Map map = MapBuilder("m", 10, 10).build();
  const auto path = find_path(map, {1, 1}, {6, 4});
  ASSERT_EQ(path.size(), 8u);  // Manhattan distance: shortest
  EXPECT_EQ(path.back(), (TilePos{6, 4}));
  expect_valid_path(map, {1, 1}, path);
}

TEST(WorldPathfind, WalksAroundAWall) {
  MapBuilder builder("m", 7, 7);
  for (int y = 0; y < 6; ++y) builder.wall({3, y});  // gap at the bottom row
  const Map map = builder.build();
  const auto path = find_path(map, {1, 0}, {5, 0});
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(path.size(), 16u);  // down 6, across 4, up 6
  EXPECT_EQ(path.back(), (TilePos{5, 0}));
  expect_valid_path(map, {1, 0}, path);
}

TEST(WorldPathfind, UnreachableTargetGivesEmptyPath) {
  MapBuilder builder("m", 7, 7);
  for (int y = 0; y < 7; ++y) builder.wall({3, y});
  EXPECT_TRUE(find_path(builder.build(), {1, 1}, {5, 5}).empty());
}

TEST(WorldPathfind, BlockedOrOutOfBoundsTargetGivesEmptyPath) {
  const Map map = MapBuilder("m", 5, 5).wall({2, 2}).build();
  EXPECT_TRUE(find_path(map, {0, 0}, {2, 2}).empty());
  EXPECT_TRUE(find_path(map, {0, 0}, {5, 0}).empty());
  EXPECT_TRUE(find_path(map, {0, 0}, {-1, 0}).empty());
  EXPECT_TRUE(find_path(map, {-3, 0}, {1, 1}).empty());
}

TEST(WorldPathfind, SameTileGivesEmptyPath) {
  const Map map = MapBuilder("m", 5, 5).build();
  EXPECT_TRUE(find_path(map, {2, 2}, {2, 2}).empty());
}

TEST(WorldPathfind, AdjacentTileIsOneStep) {
  const Map map = MapBuilder("m", 5, 5).build();
  EXPECT_EQ(find_path(map, {2, 2}, {2, 3}), (std::vector<TilePos>{{2, 3}}));
}

TEST(WorldPathfind, StartingOnABlockedTileCanStillLeave) {
  // Someone standing where a wall was added later must be able to walk off it.
  const Map map = MapBuilder("m", 5, 5).wall({0, 0}).build();
  const auto path = find_path(map, {0, 0}, {2, 0});
  EXPECT_EQ(path.size(), 2u);
}

TEST(WorldPathfind, GivesUpAfterMaxNodes) {
  const Map map = MapBuilder("m", 100, 100).build();
  EXPECT_TRUE(find_path(map, {0, 0}, {99, 99}, 10).empty());
  EXPECT_EQ(find_path(map, {0, 0}, {99, 99}).size(), 198u);
}

TEST(WorldPathfind, FindsTheWayThroughAMaze) {
  // Serpentine walls with alternating gaps force the path back and forth.
  MapBuilder builder("m", 9, 9);
  for (int y = 1; y < 9; y += 2) {
    for (int x = 0; x < 9; ++x) {
      const bool gap = (y / 2) % 2 == 0 ? x == 8 : x == 0;
      if (!gap) builder.wall({x, y});
    }
  }
  const Map map = builder.build();
  const auto path = find_path(map, {0, 0}, {0, 8});
  ASSERT_FALSE(path.empty());
  expect_valid_path(map, {0, 0}, path);
  EXPECT_EQ(path.size(), 40u);  // 4 full crossings of 8 plus 8 steps down
}

}  // namespace
}  // namespace moim::world
