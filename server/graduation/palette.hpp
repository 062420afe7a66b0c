#pragma once
// Sticker colours. The host sets the palette (2–12 colours, each a name and 0xRRGGBB); the
// booth suggests the least-picked colour so the colours stay balanced and everyone can find
// people of every other colour.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace moim::graduation {

struct StickerColor {
  std::string name;  // 1–20 characters, e.g. "coral"
  std::uint32_t rgb = 0;
};

using Palette = std::vector<StickerColor>;

inline constexpr std::size_t kMinColors = 2;
inline constexpr std::size_t kMaxColors = 12;

// The palette used until the host sets one: six colours that stay apart for colour-blind eyes.
Palette default_palette();

// Checks count, names (valid, unique, not empty) and colours (unique, 24-bit).
Status validate_palette(const Palette& palette);

// Index of the least-picked colour; ties go to the lower index. `picked[i]` counts colour i.
// Precondition: picked.size() >= 1.
std::size_t suggest_color(std::span<const int> picked);

// "#RRGGBB" for a 24-bit colour.
std::string hex_rgb(std::uint32_t rgb);

}  // namespace moim::graduation
