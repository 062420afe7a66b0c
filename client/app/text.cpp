#include "text.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace moim::client::app {

namespace {

// Lines kept rendered; beyond this the least recently used half is dropped.
constexpr std::size_t kMaxCachedLines = 2048;
// Widths kept; beyond this the cache starts again (measuring is cheap compared to rendering).
constexpr std::size_t kMaxCachedSizes = 8192;
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

Text::Text(SDL_Renderer* renderer) : renderer_(renderer) {
  const auto path = find_hangul_font();
  if (!path) {
    throw std::runtime_error(
        "no Hangul-capable font found: install fonts-nanum or fonts-noto-cjk, or set MOIM_FONT "
        "to a .ttf/.otf/.ttc file");
  }
  const auto fallbacks = find_fallback_fonts();
  for (std::size_t i = 0; i < chains_.size(); ++i) {
    chains_[i] = std::make_unique<FontChain>(*path, fallbacks, kPointSizes[i]);
  }
}

int Text::line_height(FontSize size) const {
  return chain(size).line_skip();
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
    SurfacePtr surface = chain(size).render(text, color);
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
  if (text.empty()) return {};
  std::string key;
  key.reserve(text.size() + 1);
  key += static_cast<char>(size);
  key += text;
  if (auto it = sizes_.find(key); it != sizes_.end()) return it->second;
  if (sizes_.size() >= kMaxCachedSizes) sizes_.clear();
  const TextSize measured = chain(size).measure(text);
  sizes_.emplace(std::move(key), measured);
  return measured;
}

std::size_t Text::fit(const std::string& text, int width, FontSize size) {
  // Character boundaries, then a binary search: width grows with the prefix. Prefixes are
  // measured directly, not through the cache, which they would only flood.
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size();) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ends.push_back(i);
  }
  std::size_t lo = 0;  // ends[lo - 1] fits (lo == 0: nothing known to fit)
  std::size_t hi = ends.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (chain(size).measure(text.substr(0, ends[mid - 1])).w <= width) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo == 0 ? 0 : ends[lo - 1];
}

}  // namespace moim::client::app
