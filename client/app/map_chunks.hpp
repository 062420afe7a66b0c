#pragma once
// The map's tile layers pre-drawn into textures of 16 × 16 tiles, made when first seen and kept
// (up to a bound). A frame then copies a handful of opaque chunks instead of blending every
// visible tile of every layer: with the software renderer that is the difference between drawing
// the floor ~2000 times a frame and ~12 times.
#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "context.hpp"
#include "moim/client/core/camera.hpp"
#include "moim/world/map.hpp"

namespace moim::client::app {

inline constexpr int kChunkTiles = 16;
inline constexpr std::size_t kMaxChunks = 64;  // 1 MiB each with 32 px tiles

class MapChunks {
 public:
  MapChunks(SDL_Renderer* renderer, Textures& textures)
      : renderer_(renderer), textures_(textures) {}
  // Forgets the chunks of the previous map.
  void set_map(const world::Map* map);
  // Draws the visible part of the map (all tile layers, in order) through the camera. Falls back
  // to drawing tile by tile if a chunk cannot be made (no render-target support).
  void draw(const Camera& camera);

 private:
  struct Chunk {
    TexturePtr texture;
    std::uint64_t last_used = 0;
  };
  SDL_Texture* chunk(int cx, int cy);
  TexturePtr render_chunk(int cx, int cy);

  SDL_Renderer* renderer_;
  Textures& textures_;
  const world::Map* map_ = nullptr;
  std::unordered_map<std::uint64_t, Chunk> chunks_;
  std::uint64_t clock_ = 0;
};

}  // namespace moim::client::app
