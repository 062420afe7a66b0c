#include "graduation/palette.hpp"

#include <cstdio>
#include <set>

#include "moim/proto/text.hpp"

namespace moim::graduation {

Palette default_palette() {
  return {{"red", 0xE4572E},   {"orange", 0xF3A712}, {"yellow", 0xF2E94E},
          {"green", 0x4CB944}, {"blue", 0x2E86DE},   {"purple", 0x8E44AD}};
}

Status validate_palette(const Palette& palette) {
  if (palette.size() < kMinColors || palette.size() > kMaxColors) {
    return Error{Errc::bad_request, "a palette has 2 to 12 colours"};
  }
  std::set<std::string> names;
  std::set<std::uint32_t> colors;
  for (const auto& c : palette) {
    const auto length = proto::utf8_length(c.name);
    if (!length || *length == 0 || *length > 20 || proto::has_control_chars(c.name)) {
      return Error{Errc::bad_request, "colour names are 1–20 characters of text"};
    }
    if (c.rgb > 0xFFFFFF) return Error{Errc::bad_request, "colours are 0xRRGGBB"};
    if (!names.insert(c.name).second) return Error{Errc::bad_request, "colour names repeat"};
    if (!colors.insert(c.rgb).second) return Error{Errc::bad_request, "colours repeat"};
  }
  return ok();
}

std::size_t suggest_color(std::span<const int> picked) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < picked.size(); ++i) {
    if (picked[i] < picked[best]) best = i;
  }
  return best;
}

std::string hex_rgb(std::uint32_t rgb) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
  return buffer;
}

}  // namespace moim::graduation
