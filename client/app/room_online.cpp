// RoomScreen: the online list (O) and following someone from it. A row's name locates the person
// (the camera pans there); its "Follow" button keeps them centred, "Walk" also walks after them
// with the same A* paths as click-to-walk. A banner at the bottom of the map says whom we follow
// and has a Stop button; Esc, walking by yourself or a click on the map stop following too.
#include "moim/client/core/follow.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr int kHeader = 30;
constexpr int kButtonWidth = 52;

const char* mode_label(FollowMode mode) {
  return mode == FollowMode::walk ? "Walk" : "Follow";
}

}  // namespace

SDL_Rect RoomScreen::online_row_rect(std::size_t row) const {
  const SDL_Rect p = online_panel_rect();
  const int h = ctx_.text->line_height(FontSize::small) + 8;
  return {p.x + 4, p.y + kHeader + static_cast<int>(row) * h, p.w - 8, h};
}

SDL_Rect RoomScreen::online_button_rect(std::size_t row, FollowMode mode) const {
  const SDL_Rect r = online_row_rect(row);
  const int right = r.x + r.w - (mode == FollowMode::walk ? 0 : kButtonWidth + 4);
  return {right - kButtonWidth, r.y + 2, kButtonWidth, r.h - 4};
}

void RoomScreen::handle_online_click(int x, int y, Uint8 button) {
  const SDL_Point p{x, y};
  for (std::size_t row = 0; row < online_.size(); ++row) {
    const SDL_Rect r = online_row_rect(row);
    if (!SDL_PointInRect(&p, &r)) continue;
    const auto& entry = online_[row];
    if (button == SDL_BUTTON_RIGHT) {
      chat_.set_direct_partner(entry.user_id(), entry.display_name());
      chat_.select(ChatTab::direct);
      set_chat_focus(true);
      return;
    }
    if (entry.user_id() == self_id_) return;
    for (const FollowMode mode : {FollowMode::watch, FollowMode::walk}) {
      const SDL_Rect b = online_button_rect(row, mode);
      if (SDL_PointInRect(&p, &b)) {
        start_follow(entry, mode);
        return;
      }
    }
    locate(entry.user_id());
    return;
  }
}

void RoomScreen::start_follow(const v1::OnlineEntry& entry, FollowMode mode) {
  if (entry.user_id() == self_id_) return;
  if (entry.room() != room_) {
    toast(entry.display_name() + " is in " + entry.room() + ": go there to follow them.");
    return;
  }
  follow_.start(entry.user_id(), entry.display_name(), mode);
  pan_to_.reset();
  show_online_ = false;  // the map, with them in the middle, is what matters now
}

void RoomScreen::stop_follow(const std::string& why) {
  if (!follow_.active()) return;
  if (follow_.mode() == FollowMode::walk) me_.follow_path({});
  follow_.stop();
  if (!why.empty()) toast(why);
}

void RoomScreen::update_follow() {
  if (!follow_.active()) return;
  if (const AvatarView* a = avatars_.find(follow_.user_id())) {
    follow_.seen_at(a->tile);
  } else if (follow_.should_locate(ctx_.now)) {
    // Out of our area of interest: the server's frames no longer carry them; ask.
    locate(follow_.user_id());
  }
  if (const auto goal = follow_.walk_goal(me_.tile())) {
    auto path = path_beside(*map_, me_.tile(), *goal);
    if (!path.empty()) me_.follow_path(std::move(path));
  }
}

TileVec RoomScreen::camera_target() const {
  if (follow_.active()) {
    if (const AvatarView* a = avatars_.find(follow_.user_id())) {
      return {a->drawn.x + 0.5f, a->drawn.y + 0.5f};
    }
    if (const auto seen = follow_.last_seen()) {
      return {static_cast<float>(seen->x) + 0.5f, static_cast<float>(seen->y) + 0.5f};
    }
  }
  if (pan_to_) return *pan_to_;
  return {me_.drawn().x + 0.5f, me_.drawn().y + 0.5f};
}

SDL_Rect RoomScreen::follow_stop_rect() const {
  const int w = 64;
  const int h = 26;
  const int y = layout_.map.y + layout_.map.h - h - 12;
  return {layout_.map.x + layout_.map.w / 2 + 150, y, w, h};
}

void RoomScreen::draw_follow_banner() const {
  if (!follow_.active()) return;
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect stop = follow_stop_rect();
  const std::string line = "Following " + follow_.name() +
                           (follow_.mode() == FollowMode::walk ? " (walking after them)" : "") +
                           "   F: " + (follow_.mode() == FollowMode::walk ? "stay" : "walk") +
                           "   Esc: stop";
  const auto size = text.measure(line, FontSize::small);
  const SDL_Rect box{stop.x - size.w - 24, stop.y - 4, size.w + 24 + stop.w + 8, stop.h + 8};
  panel(r, box, 235);
  text.draw(line, box.x + 12, stop.y + (stop.h - size.h) / 2, {255, 235, 160, 255},
            FontSize::small);
  set_color(r, {170, 60, 60, 255});
  SDL_RenderFillRect(r, &stop);
  const auto label = text.measure("Stop", FontSize::small);
  text.draw("Stop", stop.x + (stop.w - label.w) / 2, stop.y + (stop.h - label.h) / 2,
            {255, 255, 255, 255}, FontSize::small);
}

void RoomScreen::draw_online_panel() const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const SDL_Rect p = online_panel_rect();
  panel(r, p, 235);
  text.draw("Online (" + std::to_string(online_.size()) + ")", p.x + 8, p.y + 6,
            {240, 240, 250, 255}, FontSize::normal);
  for (std::size_t row = 0; row < online_.size(); ++row) {
    const SDL_Rect rr = online_row_rect(row);
    if (rr.y + rr.h > p.y + p.h - 22) break;
    const auto& entry = online_[row];
    const bool here = entry.room() == room_ && entry.user_id() != self_id_;
    const int name_w = rr.w - 8 - (here ? 2 * kButtonWidth + 8 : 0);
    const std::string line = entry.display_name() + "  ·  " + entry.room();
    const SDL_Color color = entry.user_id() == self_id_            ? SDL_Color{160, 220, 255, 255}
                            : entry.user_id() == follow_.user_id() ? SDL_Color{255, 235, 160, 255}
                                                                   : SDL_Color{225, 225, 235, 255};
    text.draw(line.substr(0, text.fit(line, name_w, FontSize::small)), rr.x + 4, rr.y + 4, color,
              FontSize::small);
    if (!here) continue;
    for (const FollowMode mode : {FollowMode::watch, FollowMode::walk}) {
      const SDL_Rect b = online_button_rect(row, mode);
      set_color(r, {60, 80, 140, 255});
      SDL_RenderFillRect(r, &b);
      const auto size = text.measure(mode_label(mode), FontSize::small);
      text.draw(mode_label(mode), b.x + (b.w - size.w) / 2, b.y + (b.h - size.h) / 2,
                {235, 235, 245, 255}, FontSize::small);
    }
  }
  text.draw("name: locate · Follow/Walk · right-click: message", p.x + 8, p.y + p.h - 18,
            {120, 125, 145, 255}, FontSize::small);
}

}  // namespace moim::client::app
