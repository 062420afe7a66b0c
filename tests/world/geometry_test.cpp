#include "moim/world/geometry.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace moim::world {
namespace {

TEST(WorldGeometry, RectContainsIsHalfOpen) {
  constexpr TileRect r{2, 3, 4, 2};
  EXPECT_TRUE(r.contains({2, 3}));
  EXPECT_TRUE(r.contains({5, 4}));
  EXPECT_FALSE(r.contains({6, 4}));
  EXPECT_FALSE(r.contains({5, 5}));
  EXPECT_FALSE(r.contains({1, 3}));
  EXPECT_FALSE((TileRect{0, 0, 0, 0}.contains({0, 0})));
}

TEST(WorldGeometry, RadiusIsEuclideanAndInclusive) {
  EXPECT_EQ(distance_sq({0, 0}, {3, 4}), 25);
  EXPECT_TRUE(within_radius({0, 0}, {3, 4}, 5));
  EXPECT_TRUE(within_radius({0, 0}, {5, 0}, 5));
  EXPECT_FALSE(within_radius({0, 0}, {4, 4}, 5));
  EXPECT_TRUE(within_radius({7, 7}, {7, 7}, 0));
}

TEST(WorldGeometry, StepsAreFourNeighbours) {
  EXPECT_TRUE(is_step({1, 1}, {1, 2}));
  EXPECT_TRUE(is_step({1, 1}, {0, 1}));
  EXPECT_FALSE(is_step({1, 1}, {2, 2}));
  EXPECT_FALSE(is_step({1, 1}, {1, 1}));
  EXPECT_FALSE(is_step({1, 1}, {1, 3}));
}

TEST(WorldGeometry, StepsFromTheEdgesOfIntDoNotOverflow) {
  // Found by UBSan in the hostile-input suite: a Move to INT_MIN from a tile in the hall.
  constexpr int lowest = std::numeric_limits<int>::min();
  constexpr int highest = std::numeric_limits<int>::max();
  EXPECT_FALSE(is_step({14, 3}, {lowest, 3}));
  EXPECT_FALSE(is_step({-1, 0}, {highest, 0}));
  EXPECT_FALSE(is_step({lowest, lowest}, {highest, highest}));
  EXPECT_TRUE(is_step({lowest, 0}, {lowest + 1, 0}));
}

TEST(WorldGeometry, StepMovesInScreenDirections) {
  EXPECT_EQ(step({5, 5}, Direction::down), (TilePos{5, 6}));
  EXPECT_EQ(step({5, 5}, Direction::up), (TilePos{5, 4}));
  EXPECT_EQ(step({5, 5}, Direction::left), (TilePos{4, 5}));
  EXPECT_EQ(step({5, 5}, Direction::right), (TilePos{6, 5}));
}

TEST(WorldGeometry, TilePosOrdersByXThenY) {
  EXPECT_LT((TilePos{1, 9}), (TilePos{2, 0}));
  EXPECT_LT((TilePos{1, 1}), (TilePos{1, 2}));
}

}  // namespace
}  // namespace moim::world
