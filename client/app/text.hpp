#pragma once
// Text drawing with a Hangul-capable TTF font found at run time, and a cache of rendered lines
// (rendering a line with SDL_ttf costs far more than drawing a texture, and names repeat every
// frame).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "sdl_ptrs.hpp"

namespace moim::client::app {

// The first existing font among Nanum and Noto Sans CJK (Debian packages fonts-nanum,
// fonts-noto-cjk) and $MOIM_FONT, or nullopt.
std::optional<std::filesystem::path> find_hangul_font();

enum class FontSize { small = 0, normal = 1, large = 2 };

struct TextSize {
  int w = 0;
  int h = 0;
};

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

 private:
  struct Entry {
    TexturePtr texture;
    TextSize size;
    std::uint64_t last_used = 0;
  };
  const Entry* render(const std::string& text, SDL_Color color, FontSize size);

  SDL_Renderer* renderer_;
  FontPtr fonts_[3];
  std::unordered_map<std::string, Entry> cache_;
  std::uint64_t clock_ = 0;
};

}  // namespace moim::client::app
