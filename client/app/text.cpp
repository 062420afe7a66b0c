#include "text.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace moim::client::app {

namespace {

// Lines kept rendered; beyond this the least recently used half is dropped.
constexpr std::size_t kMaxCachedLines = 2048;
constexpr int kPointSizes[] = {12, 15, 20};

std::string cache_key(const std::string& text, SDL_Color c, FontSize size) {
  std::string key;
  key.reserve(text.size() + 5);
  key += static_cast<char>(size);
  key += static_cast<char>(c.r);
  key += static_cast<char>(c.g);
  key += static_cast<char>(c.b);
  key += static_cast<char>(c.a);
  key += text;
  return key;
}

}  // namespace

std::optional<std::filesystem::path> find_hangul_font() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("MOIM_FONT"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
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
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return std::nullopt;
}

Text::Text(SDL_Renderer* renderer) : renderer_(renderer) {
  const auto path = find_hangul_font();
  if (!path) {
    throw std::runtime_error(
        "no Hangul-capable font found: install fonts-nanum or fonts-noto-cjk, or set MOIM_FONT "
        "to a .ttf/.otf/.ttc file");
  }
  for (int i = 0; i < 3; ++i) {
    fonts_[i].reset(TTF_OpenFont(path->c_str(), kPointSizes[i]));
    if (!fonts_[i]) {
      throw std::runtime_error("cannot open font " + path->string() + ": " + TTF_GetError());
    }
  }
}

int Text::line_height(FontSize size) const {
  return TTF_FontLineSkip(fonts_[static_cast<int>(size)].get());
}

const Text::Entry* Text::render(const std::string& text, SDL_Color color, FontSize size) {
  if (text.empty()) return nullptr;
  const std::string key = cache_key(text, color, size);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCachedLines) {
      std::vector<std::uint64_t> ages;
      for (const auto& [k, e] : cache_) ages.push_back(e.last_used);
      auto mid = ages.begin() + static_cast<std::ptrdiff_t>(ages.size() / 2);
      std::nth_element(ages.begin(), mid, ages.end());
      std::erase_if(cache_, [cut = *mid](const auto& kv) { return kv.second.last_used < cut; });
    }
    SurfacePtr surface(
        TTF_RenderUTF8_Blended(fonts_[static_cast<int>(size)].get(), text.c_str(), color));
    if (!surface) return nullptr;
    Entry entry;
    entry.size = {surface->w, surface->h};
    entry.texture.reset(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!entry.texture) return nullptr;
    it = cache_.emplace(key, std::move(entry)).first;
  }
  it->second.last_used = ++clock_;
  return &it->second;
}

TextSize Text::draw(const std::string& text, int x, int y, SDL_Color color, FontSize size) {
  const Entry* e = render(text, color, size);
  if (e == nullptr) return {};
  SDL_Rect dst{x, y, e->size.w, e->size.h};
  SDL_RenderCopy(renderer_, e->texture.get(), nullptr, &dst);
  return e->size;
}

TextSize Text::measure(const std::string& text, FontSize size) {
  int w = 0;
  int h = 0;
  if (!text.empty()) TTF_SizeUTF8(fonts_[static_cast<int>(size)].get(), text.c_str(), &w, &h);
  return {w, h};
}

std::size_t Text::fit(const std::string& text, int width, FontSize size) {
  std::size_t best = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    if (measure(text.substr(0, next), size).w > width) break;
    best = next;
    i = next;
  }
  return best;
}

}  // namespace moim::client::app
