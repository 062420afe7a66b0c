#pragma once
// One unique_ptr with a deleter per SDL type, so every SDL object is released exactly once and
// on every path (after DevilutionX's utils/sdl_ptrs.h).
#include <memory>

#include <SDL.h>
#include <SDL_ttf.h>

namespace moim::client::app {

struct SdlDeleter {
  void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
  void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
  void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
  void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
  void operator()(TTF_Font* p) const { TTF_CloseFont(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

// SDL_Color from 0xRRGGBB.
inline SDL_Color rgb(std::uint32_t c, Uint8 alpha = 255) {
  return {static_cast<Uint8>((c >> 16) & 0xff), static_cast<Uint8>((c >> 8) & 0xff),
          static_cast<Uint8>(c & 0xff), alpha};
}

inline void set_color(SDL_Renderer* r, SDL_Color c) {
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

}  // namespace moim::client::app
