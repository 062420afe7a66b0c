#include "room/aoi_grid.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace moim::room {

TEST(AoiGrid, CellsCoverTheMapAndClampOutside) {
  AoiGrid grid(20, 10, 8, 1);
  EXPECT_EQ(grid.cell_count(), 3 * 2);
  EXPECT_EQ(grid.cell_of({0, 0}), (Cell{0, 0}));
  EXPECT_EQ(grid.cell_of({19, 9}), (Cell{2, 1}));
  EXPECT_EQ(grid.cell_of({500, -3}), (Cell{2, 0}));
}

TEST(AoiGrid, SeesWithinRadiusInCells) {
  AoiGrid grid(100, 100, 8, 2);
  EXPECT_TRUE(grid.sees({5, 5}, {7, 3}));
  EXPECT_FALSE(grid.sees({5, 5}, {8, 5}));
  std::vector<int> cells;
  grid.visible_cells({0, 0}, cells);
  EXPECT_EQ(cells.size(), 9u);  // clipped at the corner: 3×3 of the 5×5
  grid.visible_cells({6, 6}, cells);
  EXPECT_EQ(cells.size(), 25u);
}

TEST(AoiGrid, MoveReportsCellChangesAndKeepsOccupiedList) {
  AoiGrid grid(32, 32, 8, 1);
  grid.insert(1, {1, 1});
  grid.insert(2, {2, 2});
  EXPECT_EQ(grid.occupied().size(), 1u);
  EXPECT_FALSE(grid.move(1, {1, 1}, {7, 7}));
  EXPECT_TRUE(grid.move(1, {7, 7}, {8, 7}));
  EXPECT_EQ(grid.occupied().size(), 2u);
  grid.remove(2, {2, 2});
  EXPECT_EQ(grid.occupied().size(), 1u);
  EXPECT_EQ(grid.members(grid.index_of({1, 0})), std::vector<UserId>{1});
}

TEST(AoiGrid, CellsOverlappingARectangle) {
  AoiGrid grid(32, 32, 8, 1);
  std::vector<int> cells;
  grid.cells_overlapping({6, 6, 4, 4}, cells);  // spans the corner of four cells
  EXPECT_EQ(cells.size(), 4u);
  grid.cells_overlapping({0, 0, 0, 5}, cells);
  EXPECT_TRUE(cells.empty());
}

}  // namespace moim::room
