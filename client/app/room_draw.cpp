// RoomScreen: the world layer — map, zones, proximity ring, avatars, names and bubbles.
#include <cmath>
#include <numbers>

#include "map_view.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr int kSpriteSize = 32;
constexpr int kBubbleMaxWidth = 220;
constexpr int kBubbleMaxLines = 3;
constexpr Uint8 kReconnectingAlpha = 90;

SDL_Color status_color(v1::Status s) {
  switch (s) {
    case v1::STATUS_BUSY:
      return {255, 170, 40, 255};
    case v1::STATUS_DO_NOT_DISTURB:
      return {235, 60, 60, 255};
    default:
      return {70, 210, 100, 255};
  }
}

// Walk cycle: stand, left foot, stand, right foot — ten frames a second.
int walk_frame(bool walking, float walk_time) {
  if (!walking) return 0;
  static constexpr int kCycle[] = {1, 0, 2, 0};
  return kCycle[static_cast<int>(walk_time * 10.0f) % 4];
}

// Textures are shared by every avatar: the alpha is set for one copy and put back.
void draw_sprite(SDL_Renderer* r, SDL_Texture* texture, const SDL_Rect& src, const SDL_Rect& dst,
                 Uint8 alpha) {
  SDL_SetTextureAlphaMod(texture, alpha);
  SDL_RenderCopy(r, texture, &src, &dst);
  SDL_SetTextureAlphaMod(texture, 255);
}

}  // namespace

void RoomScreen::draw_ring() const {
  SDL_Renderer* r = ctx_.renderer;
  const TileVec c{me_.drawn().x + 0.5f, me_.drawn().y + 0.5f};
  const float radius = static_cast<float>(radius_) + 0.5f;
  constexpr int kSegments = 72;
  SDL_FPoint points[kSegments + 1];
  for (int i = 0; i <= kSegments; ++i) {
    const float a = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kSegments;
    const ScreenPoint s =
        camera_.to_screen({c.x + radius * std::cos(a), c.y + radius * std::sin(a)});
    points[i] = {s.x, s.y};
  }
  SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
  set_color(r, {255, 255, 255, 110});
  SDL_RenderDrawLinesF(r, points, kSegments + 1);
}

void RoomScreen::draw_avatar(const AvatarView& a, TileVec at, bool walking, float walk_time,
                             bool highlighted) const {
  SDL_Renderer* r = ctx_.renderer;
  const SDL_Rect dst = tile_rect(camera_, at.x, at.y);
  if (highlighted) {
    // A soft glow on the floor marks the people you are talking with.
    SDL_Rect glow{dst.x + dst.w / 8, dst.y + dst.h * 3 / 4, dst.w * 3 / 4, dst.h / 4};
    set_color(r, {255, 235, 120, 90});
    SDL_RenderFillRect(r, &glow);
  }
  const int frame = walk_frame(walking, walk_time);
  const SDL_Rect src{frame * kSpriteSize, static_cast<int>(a.facing) * kSpriteSize, kSpriteSize,
                     kSpriteSize};
  // Someone whose connection dropped is drawn see-through until they are back (or gone).
  const Uint8 alpha = a.reconnecting ? kReconnectingAlpha : 255;
  if (SDL_Texture* body = ctx_.textures->get(ctx_.options->assets_dir / "sprites/avatar.png")) {
    const SDL_Color tint = rgb(a.color);
    SDL_SetTextureColorMod(body, tint.r, tint.g, tint.b);
    draw_sprite(r, body, src, dst, alpha);
  } else {
    SDL_Color fill = rgb(a.color);
    fill.a = alpha;
    set_color(r, fill);
    SDL_Rect box{dst.x + dst.w / 4, dst.y + dst.h / 8, dst.w / 2, dst.h * 7 / 8};
    SDL_RenderFillRect(r, &box);
  }
  // Graduation day: cap and gown once checked in, the sash in the sticker colour, a medal for
  // a completed card.
  if (a.look.graduate()) {
    const auto sprites = ctx_.options->assets_dir / "sprites";
    if (SDL_Texture* outfit = ctx_.textures->get(sprites / "graduation.png")) {
      draw_sprite(r, outfit, src, dst, alpha);
    }
    if (a.look.ribbon() != 0) {
      if (SDL_Texture* ribbon = ctx_.textures->get(sprites / "graduation-ribbon.png")) {
        const SDL_Color tint = rgb(a.look.ribbon());
        SDL_SetTextureColorMod(ribbon, tint.r, tint.g, tint.b);
        draw_sprite(r, ribbon, src, dst, alpha);
      }
    }
    if (a.look.medal()) {
      if (SDL_Texture* medal = ctx_.textures->get(sprites / "graduation-medal.png")) {
        draw_sprite(r, medal, src, dst, alpha);
      }
    }
  }
}

void RoomScreen::draw_labels(const AvatarView& a, TileVec at, bool highlighted) const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect cell = tile_rect(camera_, at.x, at.y);
  const int cx = cell.x + cell.w / 2;
  const auto size = text.measure(a.name, FontSize::small);
  const int dot = 8;
  const int w = size.w + dot + 10;
  SDL_Rect bg{cx - w / 2, cell.y + cell.h + 1, w, size.h + 2};
  set_color(r, {0, 0, 0, 140});
  SDL_RenderFillRect(r, &bg);
  SDL_Rect status{bg.x + 4, bg.y + (bg.h - dot) / 2, dot, dot};
  set_color(r, a.reconnecting ? SDL_Color{120, 120, 130, 255} : status_color(a.status));
  SDL_RenderFillRect(r, &status);
  const SDL_Color name_color = a.user_id == self_id_ ? SDL_Color{160, 220, 255, 255}
                               : a.reconnecting      ? SDL_Color{150, 150, 160, 255}
                               : highlighted         ? SDL_Color{255, 235, 120, 255}
                                                     : SDL_Color{255, 255, 255, 255};
  text.draw(a.name, status.x + dot + 4, bg.y + 1, name_color, FontSize::small);

  const Bubble* bubble = chat_.bubble_for(a.user_id, ctx_.now);
  if (bubble == nullptr) return;
  std::vector<std::string> lines;
  std::string rest = bubble->text;
  while (!rest.empty() && static_cast<int>(lines.size()) < kBubbleMaxLines) {
    std::size_t n = text.fit(rest, kBubbleMaxWidth, FontSize::small);
    if (n == 0) n = rest.size();
    lines.push_back(rest.substr(0, n));
    rest.erase(0, n);
  }
  if (!rest.empty()) lines.back() += "…";
  int bw = 0;
  for (const auto& line : lines) bw = std::max(bw, text.measure(line, FontSize::small).w);
  const int lh = text.line_height(FontSize::small);
  const int bh = lh * static_cast<int>(lines.size()) + 8;
  SDL_Rect box{cx - (bw + 12) / 2, cell.y - bh - 8, bw + 12, bh};
  set_color(r, {255, 255, 255, 235});
  SDL_RenderFillRect(r, &box);
  set_color(r, {60, 60, 70, 255});
  SDL_RenderDrawRect(r, &box);
  // The little tail pointing at the speaker.
  for (int i = 0; i < 6; ++i) {
    set_color(r, {255, 255, 255, 235});
    SDL_RenderDrawLine(r, cx - 6 + i, box.y + box.h + i, cx + 6 - i, box.y + box.h + i);
  }
  int y = box.y + 4;
  for (const auto& line : lines) {
    text.draw(line, box.x + 6, y, {20, 20, 30, 255}, FontSize::small);
    y += lh;
  }
}

void RoomScreen::draw_world() const {
  SDL_Renderer* r = ctx_.renderer;
  set_color(r, {16, 17, 24, 255});
  SDL_RenderClear(r);
  SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
  // The world stays inside the map viewport; the panels beside it cover nothing of it.
  const SDL_Rect clip{layout_.map.x, layout_.map.y, layout_.map.w, layout_.map.h};
  SDL_RenderSetClipRect(r, &clip);
  map_chunks_.draw(camera_);
  draw_zones(r, *map_, camera_);
  draw_ring();
  const world::TileRect view = camera_.visible_tiles();
  // Avatars and names are drawn in two passes so that no body covers someone's name.
  std::vector<const AvatarView*> shown;
  for (const AvatarView* a : avatars_.draw_order()) {
    const TileVec at = a->drawn;
    if (at.x < static_cast<float>(view.x - 2) || at.y < static_cast<float>(view.y - 2) ||
        at.x > static_cast<float>(view.x + view.w + 1) ||
        at.y > static_cast<float>(view.y + view.h + 1)) {
      continue;
    }
    const bool mine = a->user_id == self_id_;
    // Someone reconnecting hears nothing, so they are not marked as someone you talk with.
    const bool highlighted = !mine && !a->reconnecting && near_me(a->tile);
    draw_avatar(*a, at, mine ? me_.walking() : a->walking, mine ? me_.walk_time() : a->walk_time,
                highlighted);
    shown.push_back(a);
  }
  for (const AvatarView* a : shown) draw_voice_marks(*a, a->drawn);
  for (const AvatarView* a : shown) {
    draw_labels(*a, a->drawn, a->user_id != self_id_ && !a->reconnecting && near_me(a->tile));
  }
  SDL_RenderSetClipRect(r, nullptr);
}

}  // namespace moim::client::app
