#include "font_chain.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace moim::client::app {

namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;

bool is_font_file(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}

void add_env(std::vector<std::filesystem::path>& out, const char* name) {
  if (const char* env = std::getenv(name); env != nullptr && *env != '\0') out.emplace_back(env);
}

// Decodes one UTF-8 character at `i` and advances past it; malformed bytes become U+FFFD.
std::uint32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (extra < 0) return kReplacement;
  std::uint32_t cp = b0 & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Characters that modify the one before them (emoji variation selectors, zero-width joiners,
// skin tones, tags, the keycap): they stay in that character's run so the font can combine them.
bool joins_previous(std::uint32_t cp) {
  return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0020 && cp <= 0xE007F) || cp == 0x20E3;
}

}  // namespace

std::optional<std::filesystem::path> find_hangul_font() {
  std::vector<std::filesystem::path> candidates;
  add_env(candidates, "MOIM_FONT");
  for (const char* p : {
           "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
           "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
           "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
           "/usr/share/fonts/opentype/noto/NotoSansCJKkr-Regular.otf",
           "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
           "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
           "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
       }) {
    candidates.emplace_back(p);
  }
  for (const auto& path : candidates) {
    if (is_font_file(path)) return path;
  }
  return std::nullopt;
}

std::vector<std::filesystem::path> find_fallback_fonts() {
  std::vector<std::filesystem::path> candidates;
  add_env(candidates, "MOIM_EMOJI_FONT");
  for (const char* p : {
           "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
           "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
       }) {
    candidates.emplace_back(p);
  }
  std::vector<std::filesystem::path> found;
  for (auto& path : candidates) {
    if (is_font_file(path)) found.push_back(std::move(path));
  }
  return found;
}

FontChain::FontChain(const std::filesystem::path& primary,
                     const std::vector<std::filesystem::path>& fallbacks, int point_size) {
  Face first{FontPtr(TTF_OpenFont(primary.c_str(), point_size)), false};
  if (!first.font) {
    throw std::runtime_error("cannot open font " + primary.string() + ": " + TTF_GetError());
  }
  height_ = TTF_FontHeight(first.font.get());
  ascent_ = TTF_FontAscent(first.font.get());
  faces_.push_back(std::move(first));
  for (const auto& path : fallbacks) {
    Face face{FontPtr(TTF_OpenFont(path.c_str(), point_size)), false};
    if (!face.font) continue;
    // A bitmap font ignores the point size; its glyphs come out several lines tall.
    face.scaled = TTF_FontHeight(face.font.get()) > 2 * height_;
    faces_.push_back(std::move(face));
  }
}

int FontChain::line_skip() const {
  return TTF_FontLineSkip(faces_.front().font.get());
}

std::optional<std::size_t> FontChain::face_for(std::uint32_t cp) const {
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    if (TTF_GlyphIsProvided32(faces_[i].font.get(), cp) != 0) return i;
  }
  return std::nullopt;
}

std::vector<FontRun> FontChain::runs(const std::string& utf8) const {
  std::vector<FontRun> out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::uint32_t cp = next_code_point(utf8, i);
    std::optional<std::size_t> face;
    if (joins_previous(cp) && !out.empty() &&
        (faces_[out.back().face].scaled ||
         TTF_GlyphIsProvided32(faces_[out.back().face].font.get(), cp) != 0)) {
      face = out.back().face;  // a colour emoji font combines whole sequences
    } else if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
      continue;  // invisible joiners and selectors the font cannot use: drop them
    } else if (cp < 0x80) {
      face = 0;  // every text font has ASCII; skip the lookups on the common path
    } else {
      face = face_for(cp);
      if (!face) {
        cp = kReplacement;
        face = face_for(cp);
        if (!face) {
          cp = '?';
          face = 0;
        }
      }
    }
    if (out.empty() || out.back().face != *face) out.push_back({*face, {}});
    append_utf8(out.back().text, cp);
  }
  return out;
}

TextSize FontChain::run_size(const FontRun& run) const {
  const Face& face = faces_[run.face];
  int w = 0;
  int h = 0;
  TTF_SizeUTF8(face.font.get(), run.text.c_str(), &w, &h);
  if (face.scaled && h > 0) w = w * height_ / h;
  return {w, height_};
}

TextSize FontChain::measure(const std::string& utf8) const {
  TextSize total{0, utf8.empty() ? 0 : height_};
  for (const auto& run : runs(utf8)) total.w += run_size(run).w;
  return total;
}

SurfacePtr FontChain::render(const std::string& utf8, SDL_Color color) const {
  if (utf8.empty()) return nullptr;
  const auto parts = runs(utf8);
  if (parts.size() == 1 && !faces_[parts[0].face].scaled) {
    // The common case: one font, rendered as is.
    return SurfacePtr(
        TTF_RenderUTF8_Blended(faces_[parts[0].face].font.get(), parts[0].text.c_str(), color));
  }
  std::vector<SurfacePtr> pieces;
  int width = 0;
  for (const auto& run : parts) {
    SurfacePtr s(TTF_RenderUTF8_Blended(faces_[run.face].font.get(), run.text.c_str(), color));
    if (s) width += faces_[run.face].scaled ? run_size(run).w : s->w;
    pieces.push_back(std::move(s));
  }
  if (width == 0) return nullptr;
  SurfacePtr line(SDL_CreateRGBSurfaceWithFormat(0, width, height_, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!line) return nullptr;
  SDL_FillRect(line.get(), nullptr, 0);
  int x = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    SDL_Surface* piece = pieces[i].get();
    if (piece == nullptr) continue;
    const Face& face = faces_[parts[i].face];
    if (face.scaled) {
      SDL_Rect dst{x, 0, run_size(parts[i]).w, height_};
      if (piece->format->format == SDL_PIXELFORMAT_ARGB8888) {
        SDL_SoftStretchLinear(piece, nullptr, line.get(), &dst);
      } else {
        SDL_SetSurfaceBlendMode(piece, SDL_BLENDMODE_NONE);
        SDL_BlitScaled(piece, nullptr, line.get(), &dst);
      }
      x += dst.w;
    } else {
      // Baselines line up: a fallback font with a taller ascent starts higher.
      SDL_Rect dst{x, ascent_ - TTF_FontAscent(face.font.get()), piece->w, piece->h};
      SDL_SetSurfaceBlendMode(piece, SDL_BLENDMODE_NONE);
      SDL_BlitSurface(piece, nullptr, line.get(), &dst);
      x += piece->w;
    }
  }
  return line;
}

}  // namespace moim::client::app
