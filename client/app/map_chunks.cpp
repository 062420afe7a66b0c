#include "map_chunks.hpp"

#include <algorithm>
#include <vector>

#include "map_view.hpp"

namespace moim::client::app {

namespace {

constexpr SDL_Color kVoid{16, 17, 24, 255};  // where no layer has a tile

std::uint64_t key(int cx, int cy) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32) |
         static_cast<std::uint32_t>(cy);
}

}  // namespace

void MapChunks::set_map(const world::Map* map) {
  if (map == map_) return;
  map_ = map;
  chunks_.clear();
}

TexturePtr MapChunks::render_chunk(int cx, int cy) {
  const int tw = map_->tile_width();
  const int th = map_->tile_height();
  TexturePtr texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_TARGET, kChunkTiles * tw,
                                       kChunkTiles * th));
  if (!texture) return nullptr;
  SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
  if (SDL_SetRenderTarget(renderer_, texture.get()) != 0) return nullptr;
  set_color(renderer_, kVoid);
  SDL_RenderClear(renderer_);
  // A camera at zoom 1 whose top-left is the chunk's top-left draws the tiles in place; tiles
  // from the rows below whose tall images reach up into this chunk are drawn too (clipped).
  Camera camera;
  camera.set_tile_pixels(tw);
  camera.set_zoom(1.0f);
  camera.set_viewport(kChunkTiles * tw, kChunkTiles * th);
  const float half = static_cast<float>(kChunkTiles) / 2.0f;
  camera.set_center(
      {static_cast<float>(cx * kChunkTiles) + half, static_cast<float>(cy * kChunkTiles) + half});
  draw_map(renderer_, textures_, *map_, camera, /*extra_rows_below=*/4);
  SDL_SetRenderTarget(renderer_, previous);
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);  // opaque: a copy, not a blend
  return texture;
}

SDL_Texture* MapChunks::chunk(int cx, int cy) {
  auto it = chunks_.find(key(cx, cy));
  if (it == chunks_.end()) {
    if (chunks_.size() >= kMaxChunks) {
      auto oldest = std::min_element(
          chunks_.begin(), chunks_.end(),
          [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
      chunks_.erase(oldest);
    }
    TexturePtr texture = render_chunk(cx, cy);
    if (!texture) return nullptr;
    it = chunks_.emplace(key(cx, cy), Chunk{std::move(texture), 0}).first;
  }
  it->second.last_used = ++clock_;
  return it->second.texture.get();
}

void MapChunks::draw(const Camera& camera) {
  if (map_ == nullptr) return;
  const world::TileRect view = camera.visible_tiles();
  const int x0 = std::max(0, view.x) / kChunkTiles;
  const int y0 = std::max(0, view.y) / kChunkTiles;
  const int x1 = (std::min(map_->width(), view.x + view.w) + kChunkTiles - 1) / kChunkTiles;
  const int y1 = (std::min(map_->height(), view.y + view.h) + kChunkTiles - 1) / kChunkTiles;
  for (int cy = y0; cy < y1; ++cy) {
    for (int cx = x0; cx < x1; ++cx) {
      // The part of the chunk inside the map (the last row and column may be partial).
      const int w = std::min(kChunkTiles, map_->width() - cx * kChunkTiles);
      const int h = std::min(kChunkTiles, map_->height() - cy * kChunkTiles);
      const SDL_Rect dst = tile_rect(camera, static_cast<float>(cx * kChunkTiles),
                                     static_cast<float>(cy * kChunkTiles), static_cast<float>(w),
                                     static_cast<float>(h));
      SDL_Texture* texture = chunk(cx, cy);
      if (texture == nullptr) {
        draw_map(renderer_, textures_, *map_, camera);
        return;
      }
      const SDL_Rect src{0, 0, w * map_->tile_width(), h * map_->tile_height()};
      SDL_RenderCopy(renderer_, texture, &src, &dst);
    }
  }
}

}  // namespace moim::client::app
