// A* on the tile grid. The open set is a binary heap with lazy deletion; per-tile state lives in
// a hash map so a short walk on a 200×200 map does not touch 40 000 entries.
#include "moim/world/pathfind.hpp"

#include <algorithm>
#include <array>
#include <queue>
#include <unordered_map>

namespace moim::world {
namespace {

struct Visit {
  int cost = 0;     // steps from the start
  int parent = -1;  // tile index we came from
  bool closed = false;
};

struct Open {
  int f = 0;  // cost + heuristic
  int h = 0;  // heuristic, breaks ties towards the goal so paths stay straight
  int index = 0;
  friend bool operator>(const Open& a, const Open& b) { return a.f != b.f ? a.f > b.f : a.h > b.h; }
};

int manhattan(TilePos a, TilePos b) {
  return std::abs(a.x - b.x) + std::abs(a.y - b.y);
}

std::vector<TilePos> walk_back(const std::unordered_map<int, Visit>& visits, int goal, int width) {
  std::vector<TilePos> path;
  for (int at = goal; visits.at(at).parent != -1; at = visits.at(at).parent) {
    path.push_back({at % width, at / width});
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

std::vector<TilePos> find_path(const Map& map, TilePos from, TilePos to, std::size_t max_nodes) {
  if (from == to || !map.walkable(to) || !map.in_bounds(from)) return {};
  const int width = map.width();
  const auto index = [width](TilePos p) { return p.y * width + p.x; };
  std::unordered_map<int, Visit> visits;
  std::priority_queue<Open, std::vector<Open>, std::greater<>> open;
  visits[index(from)] = {0, -1, false};
  open.push({manhattan(from, to), manhattan(from, to), index(from)});
  std::size_t explored = 0;
  constexpr std::array<Direction, 4> directions{Direction::down, Direction::left, Direction::right,
                                                Direction::up};
  while (!open.empty() && explored < max_nodes) {
    const Open current = open.top();
    open.pop();
    Visit& visit = visits[current.index];
    if (visit.closed) continue;  // a stale heap entry
    visit.closed = true;
    ++explored;
    const TilePos at{current.index % width, current.index / width};
    if (at == to) return walk_back(visits, current.index, width);
    const int cost = visit.cost + 1;
    for (Direction d : directions) {
      const TilePos next = step(at, d);
      if (!map.walkable(next)) continue;
      auto [it, inserted] = visits.try_emplace(index(next), Visit{cost, current.index, false});
      if (!inserted) {
        if (it->second.closed || it->second.cost <= cost) continue;
        it->second = {cost, current.index, false};
      }
      const int h = manhattan(next, to);
      open.push({cost + h, h, index(next)});
    }
  }
  return {};
}

}  // namespace moim::world
