#pragma once
// Reading a headless client's screenshot in tests: check what matters (a colour in a box), not a
// golden image that breaks on any change.
#include <SDL.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace moim::e2e {

// A loaded PNG (IMG_Load), freed with the test.
struct Image {
  SDL_Surface* surface = nullptr;
  ~Image() { SDL_FreeSurface(surface); }
  SDL_Color at(int x, int y) const {
    Uint32 pixel = 0;
    const auto* row = static_cast<const Uint8*>(surface->pixels) + y * surface->pitch;
    std::memcpy(&pixel, row + x * surface->format->BytesPerPixel, sizeof(pixel));
    SDL_Color c{};
    SDL_GetRGB(pixel, surface->format, &c.r, &c.g, &c.b);
    return c;
  }
};

// Pixels in `box` (screen coordinates, clipped to the image) within `tolerance` of `rgb` on every
// channel.
inline int count_near(const Image& img, SDL_Rect box, std::uint32_t rgb, int tolerance = 24) {
  const int r = static_cast<int>((rgb >> 16) & 0xff);
  const int g = static_cast<int>((rgb >> 8) & 0xff);
  const int b = static_cast<int>(rgb & 0xff);
  int n = 0;
  for (int y = std::max(0, box.y); y < std::min(img.surface->h, box.y + box.h); ++y) {
    for (int x = std::max(0, box.x); x < std::min(img.surface->w, box.x + box.w); ++x) {
      const SDL_Color c = img.at(x, y);
      if (std::abs(c.r - r) <= tolerance && std::abs(c.g - g) <= tolerance &&
          std::abs(c.b - b) <= tolerance) {
        ++n;
      }
    }
  }
  return n;
}

}  // namespace moim::e2e
