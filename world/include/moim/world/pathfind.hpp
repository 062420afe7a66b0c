#pragma once
// A* over the walkable tiles of a map, 4-neighbour steps, Manhattan heuristic. Used by the client
// for click-to-walk and by the load generator's bots.
#include <cstddef>
#include <vector>

#include "moim/world/geometry.hpp"
#include "moim/world/map.hpp"

namespace moim::world {

// The tiles to step on from `from` (excluded) to `to` (included); empty if `to` is unreachable,
// blocked, or equal to `from`. Gives up after exploring `max_nodes` tiles.
std::vector<TilePos> find_path(const Map& map, TilePos from, TilePos to,
                               std::size_t max_nodes = 20000);

}  // namespace moim::world
