#pragma once
// Area of interest on a uniform grid. The map is cut into square cells of `cell_tiles`; a person
// in cell C sees every cell within `radius` cells of C (Chebyshev distance), so everyone in one
// cell sees exactly the same set of cells. That is what lets a room encode one frame per
// occupied cell and share it among all the people standing there.
#include <cstdint>
#include <vector>

#include "core/ids.hpp"
#include "moim/world/geometry.hpp"

namespace moim::room {

struct Cell {
  int cx = 0;
  int cy = 0;
  friend constexpr bool operator==(const Cell&, const Cell&) = default;
};

class AoiGrid {
 public:
  AoiGrid(int map_width, int map_height, int cell_tiles, int radius);

  Cell cell_of(world::TilePos p) const;
  int index_of(Cell c) const { return c.cy * cols_ + c.cx; }
  Cell cell_at(int index) const { return {index % cols_, index / cols_}; }
  int cell_count() const { return cols_ * rows_; }
  int radius() const { return radius_; }

  // Whether someone in `observer` sees `target`.
  bool sees(Cell observer, Cell target) const;

  void insert(UserId id, world::TilePos p);
  void remove(UserId id, world::TilePos p);
  // Returns true if the person changed cells.
  bool move(UserId id, world::TilePos from, world::TilePos to);

  const std::vector<UserId>& members(int cell_index) const { return cells_[cell_index]; }
  // Indices of the cells within radius of `c`, including c.
  void visible_cells(Cell c, std::vector<int>& out) const;
  // Indices of the cells overlapping a tile rectangle.
  void cells_overlapping(world::TileRect rect, std::vector<int>& out) const;
  // Indices of the cells that currently hold at least one person.
  const std::vector<int>& occupied() const { return occupied_; }

 private:
  void add_to_cell(int index, UserId id);
  void remove_from_cell(int index, UserId id);

  int cell_tiles_;
  int radius_;
  int cols_;
  int rows_;
  std::vector<std::vector<UserId>> cells_;
  std::vector<int> occupied_;
};

}  // namespace moim::room
