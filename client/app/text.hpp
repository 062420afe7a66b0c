#pragma once
// Text drawing with a Hangul-capable font found at run time (with emoji and symbol fallbacks, see
// font_chain.hpp), and caches of rendered lines and of measured widths: rendering a line with
// SDL_ttf costs far more than drawing a texture, and names repeat every frame.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "font_chain.hpp"

namespace moim::client::app {

enum class FontSize { small = 0, normal = 1, large = 2 };

class Text {
 public:
  // Throws std::runtime_error with a clear message if no font can be opened.
  explicit Text(SDL_Renderer* renderer);

  // Draws `text` with its top-left at (x, y); returns its size. Empty text draws nothing.
  TextSize draw(const std::string& text, int x, int y, SDL_Color color,
                FontSize size = FontSize::normal);
  TextSize measure(const std::string& text, FontSize size = FontSize::normal);
  int line_height(FontSize size = FontSize::normal) const;
  // The longest prefix of `text` (whole UTF-8 characters) that fits in `width` pixels.
  std::size_t fit(const std::string& text, int width, FontSize size = FontSize::normal);
  // How many fonts the chain has (1: the Hangul font only, no emoji or symbol fallback).
  std::size_t font_count() const { return chains_[0]->faces(); }

 private:
  struct Entry {
    TexturePtr texture;
    TextSize size;
    std::uint64_t last_used = 0;
  };
  const Entry* render(const std::string& text, SDL_Color color, FontSize size);
  const FontChain& chain(FontSize size) const { return *chains_[static_cast<std::size_t>(size)]; }

  SDL_Renderer* renderer_;
  std::array<std::unique_ptr<FontChain>, 3> chains_;
  std::unordered_map<std::string, Entry> cache_;
  std::unordered_map<std::string, TextSize> sizes_;
  std::uint64_t clock_ = 0;
};

}  // namespace moim::client::app
