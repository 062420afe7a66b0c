// RoomScreen: the heads-up display — top bar, status menu, minimap, chat panel, online list,
// toasts and the reconnect banner.
#include <algorithm>

#include "map_view.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr int kOnlineWidth = 300;
constexpr int kMinimapMax = 180;

const char* status_name(v1::Status s) {
  switch (s) {
    case v1::STATUS_BUSY:
      return "Busy";
    case v1::STATUS_DO_NOT_DISTURB:
      return "Do not disturb";
    default:
      return "Available";
  }
}

SDL_Rect sdl(const PixelRect& p) {
  return {p.x, p.y, p.w, p.h};
}

}  // namespace

void panel(SDL_Renderer* r, const SDL_Rect& rect, Uint8 alpha) {
  set_color(r, {20, 22, 32, alpha});
  SDL_RenderFillRect(r, &rect);
  set_color(r, {70, 74, 95, 255});
  SDL_RenderDrawRect(r, &rect);
}

SDL_Rect RoomScreen::status_button_rect() const {
  return {layout_.top_bar.w - 170, 4, 164, kTopBarHeight - 8};
}

SDL_Rect RoomScreen::status_item_rect(int index) const {
  const SDL_Rect b = status_button_rect();
  return {b.x, b.y + b.h + 2 + index * 28, b.w, 26};
}

SDL_Rect RoomScreen::minimap_rect() const {
  const float scale =
      static_cast<float>(kMinimapMax) / static_cast<float>(std::max(map_->width(), map_->height()));
  const int w = static_cast<int>(static_cast<float>(map_->width()) * scale);
  const int h = static_cast<int>(static_cast<float>(map_->height()) * scale);
  return {layout_.map.x + layout_.map.w - w - 8, layout_.map.y + 8, w, h};
}

SDL_Rect RoomScreen::chat_panel_rect() const {
  return sdl(layout_.chat);
}

SDL_Rect RoomScreen::chat_tab_rect(int tab) const {
  const SDL_Rect p = chat_panel_rect();
  const int w = p.w / kChatTabCount;
  return {p.x + tab * w, p.y, w, 26};
}

SDL_Rect RoomScreen::online_panel_rect() const {
  const SDL_Rect mini = minimap_rect();
  const int y = mini.y + mini.h + 8;
  const int w = std::min(kOnlineWidth, layout_.map.w - 16);
  return {layout_.map.x + layout_.map.w - w - 8, y, w,
          std::max(100, layout_.map.y + layout_.map.h - y - 8)};
}

void RoomScreen::draw_minimap() const {
  SDL_Renderer* r = ctx_.renderer;
  const SDL_Rect rect = minimap_rect();
  if (minimap_) SDL_RenderCopy(r, minimap_.get(), nullptr, &rect);
  set_color(r, {200, 200, 210, 255});
  SDL_RenderDrawRect(r, &rect);
  const float sx = static_cast<float>(rect.w) / static_cast<float>(map_->width());
  const float sy = static_cast<float>(rect.h) / static_cast<float>(map_->height());
  for (const auto& [id, a] : avatars_.all()) {
    const SDL_Rect dot{rect.x + static_cast<int>(a.drawn.x * sx) - 1,
                       rect.y + static_cast<int>(a.drawn.y * sy) - 1, 3, 3};
    set_color(r, id == self_id_ ? SDL_Color{80, 200, 255, 255} : rgb(a.color));
    SDL_RenderFillRect(r, &dot);
  }
  // The part of the map the window shows.
  const world::TileRect v = camera_.visible_tiles();
  const SDL_Rect view{rect.x + static_cast<int>(static_cast<float>(v.x) * sx),
                      rect.y + static_cast<int>(static_cast<float>(v.y) * sy),
                      static_cast<int>(static_cast<float>(v.w) * sx),
                      static_cast<int>(static_cast<float>(v.h) * sy)};
  SDL_RenderSetClipRect(r, &rect);
  set_color(r, {255, 255, 255, 160});
  SDL_RenderDrawRect(r, &view);
  SDL_RenderSetClipRect(r, nullptr);
}

void RoomScreen::draw_status_menu() const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect b = status_button_rect();
  panel(r, b, 230);
  text.draw(std::string("● ") + status_name(my_status_), b.x + 8, b.y + 3, {230, 230, 240, 255},
            FontSize::small);
  if (!status_menu_open_) return;
  for (int i = 0; i < 3; ++i) {
    const SDL_Rect item = status_item_rect(i);
    panel(r, item, 240);
    const auto s = static_cast<v1::Status>(i + 1);
    text.draw(std::to_string(i + 1) + "  " + status_name(s), item.x + 8, item.y + 4,
              s == my_status_ ? SDL_Color{255, 235, 120, 255} : SDL_Color{230, 230, 240, 255},
              FontSize::small);
  }
}

void RoomScreen::draw_chat_panel() const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect p = chat_panel_rect();
  if (p.w <= 0 || p.h <= 0) return;  // folded away
  panel(r, p, 245);
  for (int tab = 0; tab < kChatTabCount; ++tab) {
    const auto t = static_cast<ChatTab>(tab);
    const SDL_Rect tr = chat_tab_rect(tab);
    if (t == chat_.selected()) {
      set_color(r, {60, 80, 140, 255});
      SDL_RenderFillRect(r, &tr);
    }
    std::string label = tab_label(t);
    if (chat_.unread(t) > 0) label += " (" + std::to_string(chat_.unread(t)) + ")";
    if (t == ChatTab::direct && !chat_.direct_partner_name().empty()) {
      label += " · " + chat_.direct_partner_name();
    }
    text.draw(label, tr.x + 8, tr.y + 4, {230, 230, 240, 255}, FontSize::small);
  }
  // Newest lines at the bottom, above the input; each wraps to the panel's width.
  const int lh = text.line_height(FontSize::small);
  const int input_h = 30;
  const int top = p.y + 30;
  int y = p.y + p.h - input_h - 4;
  const auto& lines = chat_.lines(chat_.selected());
  for (auto it = lines.rbegin(); it != lines.rend() && y - lh >= top; ++it) {
    std::vector<std::string> wrapped;
    std::string rest = it->from_name + ": " + it->text;
    while (!rest.empty()) {
      std::size_t n = text.fit(rest, p.w - 16, FontSize::small);
      if (n == 0) n = rest.size();
      wrapped.push_back(rest.substr(0, n));
      rest.erase(0, n);
    }
    const SDL_Color color = it->from_user == self_id_           ? SDL_Color{160, 220, 255, 255}
                            : it->scope == v1::CHAT_SCOPE_STAGE ? SDL_Color{255, 215, 120, 255}
                                                                : SDL_Color{225, 225, 235, 255};
    for (auto line = wrapped.rbegin(); line != wrapped.rend() && y - lh >= top; ++line) {
      y -= lh;
      text.draw(*line, p.x + 8, y, color, FontSize::small);
    }
  }
  const SDL_Rect input{p.x + 4, p.y + p.h - input_h - 2, p.w - 8, input_h - 2};
  chat_input_.draw(text, r, input, chat_focus_, ctx_.now);
  if (!chat_focus_ && chat_input_.value().empty()) {
    text.draw("Enter: chat   Tab: switch tab", input.x + 8, input.y + 6, {120, 125, 145, 255},
              FontSize::small);
  }
}

void RoomScreen::draw_hud() const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect bar = sdl(layout_.top_bar);
  set_color(r, {14, 15, 22, 255});
  SDL_RenderFillRect(r, &bar);
  std::string title = (map_->display_name().empty() ? room_ : map_->display_name()) + "  ·  " +
                      std::to_string(avatars_.size()) + " here" +
                      "  ·  O: online  C: chat  +/-: zoom  click: walk  T: talk  H: voice";
  if (chat_panel_ == ChatPanel::folded) {
    int unread = 0;
    for (int tab = 0; tab < kChatTabCount; ++tab) unread += chat_.unread(static_cast<ChatTab>(tab));
    if (unread > 0) title += "  ·  " + std::to_string(unread) + " unread";
  }
  text.draw(title, 10, 7, {235, 235, 245, 255}, FontSize::small);
  draw_minimap();
  draw_chat_panel();
  if (show_online_) draw_online_panel();
  draw_follow_banner();
  draw_status_menu();
  grad_.draw(where());
  const int mid_x = layout_.map.x + layout_.map.w / 2;
  int y = layout_.map.y + 10;
  for (const auto& t : toasts_) {
    const auto size = text.measure(t.text, FontSize::small);
    SDL_Rect box{mid_x - size.w / 2 - 10, y, size.w + 20, size.h + 8};
    panel(r, box, 230);
    text.draw(t.text, box.x + 10, box.y + 4, {255, 235, 200, 255}, FontSize::small);
    y += box.h + 4;
  }
  const std::string banner = ctx_.session->status_line(ctx_.now);
  if (!banner.empty()) {
    const auto size = text.measure(banner);
    SDL_Rect box{mid_x - size.w / 2 - 16, layout_.map.y + layout_.map.h / 2 - 20, size.w + 32,
                 size.h + 16};
    panel(r, box, 240);
    text.draw(banner, box.x + 16, box.y + 8, {255, 200, 120, 255});
  }
}

}  // namespace moim::client::app
