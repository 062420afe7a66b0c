#include "map_view.hpp"

#include <algorithm>
#include <cmath>

namespace moim::client::app {

SDL_Rect tile_rect(const Camera& camera, float x, float y, float w, float h) {
  const ScreenPoint a = camera.to_screen({x, y});
  const ScreenPoint b = camera.to_screen({x + w, y + h});
  const int x0 = static_cast<int>(std::lround(a.x));
  const int y0 = static_cast<int>(std::lround(a.y));
  return {x0, y0, static_cast<int>(std::lround(b.x)) - x0, static_cast<int>(std::lround(b.y)) - y0};
}

void draw_map(SDL_Renderer* r, Textures& textures, const world::Map& map, const Camera& camera,
              int extra_rows_below) {
  const world::TileRect view = camera.visible_tiles();
  const int x0 = std::max(0, view.x);
  const int y0 = std::max(0, view.y);
  const int x1 = std::min(map.width(), view.x + view.w);
  const int y1 = std::min(map.height(), view.y + view.h + extra_rows_below);
  for (const auto& layer : map.layers()) {
    if (!layer.visible || layer.name == "collision") continue;
    const auto alpha = static_cast<Uint8>(std::clamp(layer.opacity, 0.0f, 1.0f) * 255.0f);
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        const std::uint32_t gid = layer.gids[static_cast<std::size_t>(y * map.width() + x)];
        if (gid == 0) continue;
        const world::Tileset* ts = map.tileset_for(gid);
        if (ts == nullptr || ts->columns <= 0) continue;
        SDL_Texture* texture = textures.get(ts->image);
        if (texture == nullptr) continue;
        const int index = static_cast<int>(gid - ts->first_gid);
        const SDL_Rect src{(index % ts->columns) * ts->tile_width,
                           (index / ts->columns) * ts->tile_height, ts->tile_width,
                           ts->tile_height};
        // Tiles taller than the grid (trees, shelves) grow upwards from their cell, as in Tiled.
        const float extra = static_cast<float>(ts->tile_height - map.tile_height()) /
                            static_cast<float>(map.tile_height());
        const SDL_Rect dst =
            tile_rect(camera, static_cast<float>(x), static_cast<float>(y) - extra,
                      static_cast<float>(ts->tile_width) / static_cast<float>(map.tile_width()),
                      1.0f + extra);
        SDL_SetTextureAlphaMod(texture, alpha);
        SDL_RenderCopy(r, texture, &src, &dst);
      }
    }
  }
}

namespace {

std::optional<SDL_Color> zone_tint(world::ZoneKind kind) {
  switch (kind) {
    case world::ZoneKind::private_area:
      return SDL_Color{90, 140, 255, 40};
    case world::ZoneKind::stage:
      return SDL_Color{255, 210, 80, 45};
    case world::ZoneKind::portal:
      return SDL_Color{190, 90, 255, 70};
    case world::ZoneKind::quiet:
      return SDL_Color{120, 120, 120, 35};
    case world::ZoneKind::checkin:
    case world::ZoneKind::sticker_booth:
      return SDL_Color{80, 220, 140, 40};
    default:
      return std::nullopt;
  }
}

}  // namespace

void draw_zones(SDL_Renderer* r, const world::Map& map, const Camera& camera) {
  SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
  for (const auto& zone : map.zones()) {
    const auto tint = zone_tint(zone.kind);
    if (!tint) continue;
    const SDL_Rect rect =
        tile_rect(camera, static_cast<float>(zone.area.x), static_cast<float>(zone.area.y),
                  static_cast<float>(zone.area.w), static_cast<float>(zone.area.h));
    set_color(r, *tint);
    SDL_RenderFillRect(r, &rect);
    set_color(r, {tint->r, tint->g, tint->b, static_cast<Uint8>(std::min(255, tint->a * 3))});
    SDL_RenderDrawRect(r, &rect);
  }
}

TexturePtr make_minimap(SDL_Renderer* r, const world::Map& map) {
  SurfacePtr surface(
      SDL_CreateRGBSurfaceWithFormat(0, map.width(), map.height(), 32, SDL_PIXELFORMAT_RGBA32));
  if (!surface) return nullptr;
  auto* pixels = static_cast<Uint32*>(surface->pixels);
  const int pitch = surface->pitch / 4;
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x < map.width(); ++x) {
      const world::TilePos p{x, y};
      SDL_Color c = map.blocked(p) ? SDL_Color{50, 52, 64, 255} : SDL_Color{150, 150, 140, 255};
      if (map.zone_at(p, world::ZoneKind::stage) != nullptr) c = {200, 170, 90, 255};
      if (map.zone_at(p, world::ZoneKind::private_area) != nullptr) c = {110, 140, 200, 255};
      if (map.zone_at(p, world::ZoneKind::portal) != nullptr) c = {170, 100, 220, 255};
      pixels[y * pitch + x] = SDL_MapRGBA(surface->format, c.r, c.g, c.b, c.a);
    }
  }
  return TexturePtr(SDL_CreateTextureFromSurface(r, surface.get()));
}

}  // namespace moim::client::app
