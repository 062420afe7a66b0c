#pragma once
// A chain of fonts at one size: the Hangul font first, then colour emoji, then fonts that cover
// symbols. SDL_ttf 2.20 (Debian 12) has no fallback fonts of its own, so a line is cut into runs,
// each rendered with the first font in the chain that has its characters, and the runs are laid
// side by side on one surface.
//
// Colour emoji: SDL_ttf 2.20 renders Noto Color Emoji (fonts-noto-color-emoji), but only at the
// font's one bitmap size (128 px high), so those runs are scaled down to the line's height. A
// character no font in the chain has is drawn as U+FFFD (or '?'), never as a tofu box. Without
// fonts-noto-color-emoji, Symbola (fonts-symbola) or DejaVu Sans draw emoji in monochrome.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sdl_ptrs.hpp"

namespace moim::client::app {

// The first existing font among Nanum and Noto Sans CJK (Debian packages fonts-nanum,
// fonts-noto-cjk) and $MOIM_FONT, or nullopt.
std::optional<std::filesystem::path> find_hangul_font();
// Existing fonts for characters the Hangul font lacks, best first: $MOIM_EMOJI_FONT, Noto Color
// Emoji, Symbola, DejaVu Sans.
std::vector<std::filesystem::path> find_fallback_fonts();

struct TextSize {
  int w = 0;
  int h = 0;
};

// One stretch of text drawn with one font of the chain.
struct FontRun {
  std::size_t face = 0;
  std::string text;
};

class FontChain {
 public:
  // Throws std::runtime_error if the primary font cannot be opened; fallbacks that fail to open
  // are skipped.
  FontChain(const std::filesystem::path& primary,
            const std::vector<std::filesystem::path>& fallbacks, int point_size);

  std::vector<FontRun> runs(const std::string& utf8) const;
  TextSize measure(const std::string& utf8) const;
  // ARGB8888, transparent where there is no ink; nullptr for empty text.
  SurfacePtr render(const std::string& utf8, SDL_Color color) const;
  int line_skip() const;
  std::size_t faces() const { return faces_.size(); }

 private:
  struct Face {
    FontPtr font;
    bool scaled = false;  // a bitmap font (colour emoji) drawn at the line's height
  };
  std::optional<std::size_t> face_for(std::uint32_t code_point) const;
  TextSize run_size(const FontRun& run) const;

  std::vector<Face> faces_;
  int height_ = 0;  // the primary font's height: every line is this tall
  int ascent_ = 0;
};

}  // namespace moim::client::app
