#pragma once
// Draws a world::Map: every visible tile layer in file order from its tilesets' images, the zones
// as faint tints (private areas, stage, portals), and a minimap texture built once per map.
#include "context.hpp"
#include "moim/client/core/camera.hpp"
#include "moim/world/map.hpp"

namespace moim::client::app {

// Every visible tile, layer by layer. `extra_rows_below`: rows under the view whose tall tiles
// (trees, shelves) may reach up into it.
void draw_map(SDL_Renderer* r, Textures& textures, const world::Map& map, const Camera& camera,
              int extra_rows_below = 0);
void draw_zones(SDL_Renderer* r, const world::Map& map, const Camera& camera);

// The screen rectangle of a tile, with edges rounded so that neighbouring tiles share them exactly
// at any zoom (no seams).
SDL_Rect tile_rect(const Camera& camera, float x, float y, float w = 1.0f, float h = 1.0f);

// One pixel per tile: floor, walls and zones in flat colours.
TexturePtr make_minimap(SDL_Renderer* r, const world::Map& map);

}  // namespace moim::client::app
