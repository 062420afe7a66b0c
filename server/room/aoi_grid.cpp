#include "room/aoi_grid.hpp"

#include <algorithm>
#include <cstdlib>

namespace moim::room {

AoiGrid::AoiGrid(int map_width, int map_height, int cell_tiles, int radius)
    : cell_tiles_(std::max(1, cell_tiles)),
      radius_(std::max(0, radius)),
      cols_(std::max(1, (map_width + cell_tiles_ - 1) / cell_tiles_)),
      rows_(std::max(1, (map_height + cell_tiles_ - 1) / cell_tiles_)),
      cells_(static_cast<std::size_t>(cols_ * rows_)) {}

Cell AoiGrid::cell_of(world::TilePos p) const {
  // Positions are validated against the map before they get here; clamp anyway so a bad
  // position can never index out of the grid.
  return {std::clamp(p.x / cell_tiles_, 0, cols_ - 1), std::clamp(p.y / cell_tiles_, 0, rows_ - 1)};
}

bool AoiGrid::sees(Cell observer, Cell target) const {
  return std::abs(observer.cx - target.cx) <= radius_ &&
         std::abs(observer.cy - target.cy) <= radius_;
}

void AoiGrid::insert(UserId id, world::TilePos p) {
  add_to_cell(index_of(cell_of(p)), id);
}

void AoiGrid::remove(UserId id, world::TilePos p) {
  remove_from_cell(index_of(cell_of(p)), id);
}

bool AoiGrid::move(UserId id, world::TilePos from, world::TilePos to) {
  const int a = index_of(cell_of(from));
  const int b = index_of(cell_of(to));
  if (a == b) return false;
  remove_from_cell(a, id);
  add_to_cell(b, id);
  return true;
}

void AoiGrid::visible_cells(Cell c, std::vector<int>& out) const {
  out.clear();
  for (int y = std::max(0, c.cy - radius_); y <= std::min(rows_ - 1, c.cy + radius_); ++y) {
    for (int x = std::max(0, c.cx - radius_); x <= std::min(cols_ - 1, c.cx + radius_); ++x) {
      out.push_back(index_of({x, y}));
    }
  }
}

void AoiGrid::cells_overlapping(world::TileRect rect, std::vector<int>& out) const {
  out.clear();
  if (rect.w <= 0 || rect.h <= 0) return;
  const Cell lo = cell_of({rect.x, rect.y});
  const Cell hi = cell_of({rect.x + rect.w - 1, rect.y + rect.h - 1});
  for (int y = lo.cy; y <= hi.cy; ++y) {
    for (int x = lo.cx; x <= hi.cx; ++x) out.push_back(index_of({x, y}));
  }
}

void AoiGrid::add_to_cell(int index, UserId id) {
  auto& cell = cells_[static_cast<std::size_t>(index)];
  if (cell.empty()) occupied_.push_back(index);
  cell.push_back(id);
}

void AoiGrid::remove_from_cell(int index, UserId id) {
  auto& cell = cells_[static_cast<std::size_t>(index)];
  // Swap-and-pop: order inside a cell carries no meaning.
  auto it = std::find(cell.begin(), cell.end(), id);
  if (it == cell.end()) return;
  *it = cell.back();
  cell.pop_back();
  if (cell.empty()) {
    auto occ = std::find(occupied_.begin(), occupied_.end(), index);
    *occ = occupied_.back();
    occupied_.pop_back();
  }
}

}  // namespace moim::room
