#pragma once
// Draws a world::Map: every visible tile layer in file order from its tilesets' images, the zones
// as faint tints (private areas, stage, portals), and a minimap texture built once per map.
#include "context.hpp"
#include "moim/client/core/camera.hpp"
#include "moim/world/map.hpp"

namespace moim::client::app {

void draw_map(SDL_Renderer* r, Textures& textures, const world::Map& map, const Camera& camera);
void draw_zones(SDL_Renderer* r, const world::Map& map, const Camera& camera);

// The screen rectangle of a tile, with edges rounded so that neighbouring tiles share them exactly
// at any zoom (no seams).
SDL_Rect tile_rect(const Camera& camera, float x, float y, float w = 1.0f, float h = 1.0f);

// One pixel per tile: floor, walls and zones in flat colours.
TexturePtr make_minimap(SDL_Renderer* r, const world::Map& map);

}  // namespace moim::client::app
