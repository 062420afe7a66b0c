#pragma once
// Tile-space value types shared by the server and the client. Positions in moim are whole tiles;
// pixels exist only in the client's renderer (see client/), never on the wire.
#include <compare>
#include <cstdint>
#include <cstdlib>

namespace moim::world {

struct TilePos {
  int x = 0;
  int y = 0;
  friend constexpr auto operator<=>(const TilePos&, const TilePos&) = default;
};

enum class Direction : std::uint8_t { down = 0, left = 1, right = 2, up = 3 };

// A rectangle of tiles, [x, x+w) × [y, y+h).
struct TileRect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
  constexpr bool contains(TilePos p) const {
    return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h;
  }
  friend constexpr bool operator==(const TileRect&, const TileRect&) = default;
};

constexpr int distance_sq(TilePos a, TilePos b) {
  const int dx = a.x - b.x;
  const int dy = a.y - b.y;
  return dx * dx + dy * dy;
}

// "Near" in moim: Euclidean distance in tiles, radius inclusive (5 tiles by default, as Gather).
constexpr bool within_radius(TilePos a, TilePos b, int radius) {
  return distance_sq(a, b) <= radius * radius;
}

// One walking step: a 4-neighbour, no diagonals. The differences are taken in 64 bits because
// `to` comes off the wire and may be any int (14 - INT_MIN does not fit in an int).
constexpr bool is_step(TilePos from, TilePos to) {
  const std::int64_t dx = std::int64_t{from.x} - to.x;
  const std::int64_t dy = std::int64_t{from.y} - to.y;
  return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy) == 1;  // std::abs(long) is not constexpr
}

constexpr TilePos step(TilePos from, Direction d) {
  switch (d) {
    case Direction::down:
      return {from.x, from.y + 1};
    case Direction::left:
      return {from.x - 1, from.y};
    case Direction::right:
      return {from.x + 1, from.y};
    case Direction::up:
      return {from.x, from.y - 1};
  }
  return from;
}

}  // namespace moim::world
