// RoomScreen: proximity voice. Hold T to talk (push-to-talk) or press M for an open microphone
// that sends only while you speak; H opens the voice panel: who hears you (the server's own
// list), each nearby person's volume, and the input and output devices. A microphone over your
// head shows you are on air; a green ring around someone shows you hear them speak.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "map_view.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr int kPanelWidth = 330;
constexpr int kRow = 24;
constexpr int kButton = 22;
constexpr std::size_t kMaxPeopleRows = 6;
constexpr float kVolumeStep = 0.25f;

std::string percent(float v) {
  return std::to_string(static_cast<int>(std::lround(v * 100.0f))) + "%";
}

std::string device_label(const std::string& name) {
  return name.empty() ? "system default" : name;
}

// The next name after `current` in `names`, "" (the default) after the last.
std::string next_device(const std::vector<std::string>& names, const std::string& current) {
  if (names.empty()) return {};
  auto it = std::find(names.begin(), names.end(), current);
  if (current.empty()) return names.front();
  if (it == names.end() || std::next(it) == names.end()) return {};
  return *std::next(it);
}

}  // namespace

void RoomScreen::update_voice() {
  Voice* voice = ctx_.voice;
  if (voice == nullptr) return;
  voice_ = voice->state();
  if (!voice_.message.empty() && voice_.message != voice_message_shown_) {
    voice_message_shown_ = voice_.message;
    toast(voice_.message, 8.0);
  }
  const bool typing = chat_focus_ || programme_.typing() || grad_.typing();
  const Uint8* keys = SDL_GetKeyboardState(nullptr);
  voice->set_push_to_talk(script_talk_ || (!typing && keys[SDL_SCANCODE_T] != 0));
  std::unordered_map<std::uint64_t, voice::Offset> offsets;
  const TileVec me = me_.drawn();
  for (const auto& [id, a] : avatars_.all()) {
    if (id != self_id_) offsets[id] = {a.drawn.x - me.x, a.drawn.y - me.y};
  }
  voice->set_offsets(std::move(offsets));
}

bool RoomScreen::handle_voice_key(SDL_Keycode key) {
  if (ctx_.voice == nullptr) return false;
  switch (key) {
    case SDLK_m: {
      const bool open = voice_.mode != voice::TalkMode::open_mic;
      ctx_.voice->set_mode(open ? voice::TalkMode::open_mic : voice::TalkMode::push_to_talk);
      toast(open ? "Open microphone: you are heard whenever you speak (M: push-to-talk)."
                 : "Push-to-talk: hold T to be heard (M: open microphone).");
      return true;
    }
    case SDLK_h:
      show_voice_ = !show_voice_;
      return true;
    default:
      return false;
  }
}

std::vector<std::uint64_t> RoomScreen::voice_people() const {
  // Whom you hear now first, then the people within reach of your voice.
  std::vector<std::uint64_t> out = voice_.speaking;
  for (const auto& [id, a] : avatars_.all()) {
    if (id == self_id_ || !near_me(a.tile)) continue;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  if (out.size() > kMaxPeopleRows) out.resize(kMaxPeopleRows);
  return out;
}

std::string RoomScreen::voice_name(std::uint64_t id) const {
  if (const AvatarView* a = avatars_.find(id)) return a->name;
  return "#" + std::to_string(id);
}

SDL_Rect RoomScreen::voice_panel_rect() const {
  const int rows = 5 + static_cast<int>(voice_people().size());
  return {layout_.map.x + 10, layout_.map.y + 10, kPanelWidth, 12 + rows * kRow};
}

SDL_Rect RoomScreen::voice_row_rect(int row) const {
  const SDL_Rect p = voice_panel_rect();
  return {p.x + 8, p.y + 6 + row * kRow, p.w - 16, kRow};
}

bool RoomScreen::handle_voice_click(int x, int y) {
  if (!show_voice_ || ctx_.voice == nullptr) return false;
  const SDL_Point p{x, y};
  const SDL_Rect panel_rect = voice_panel_rect();
  if (!SDL_PointInRect(&p, &panel_rect)) return false;
  Voice& voice = *ctx_.voice;
  const int row = (y - panel_rect.y - 6) / kRow;
  if (row == 0) {
    handle_voice_key(SDLK_m);
  } else if (row == 3) {
    voice.choose_devices(next_device(voice.outputs(), voice_.output), voice_.input);
  } else if (row == 4) {
    voice.choose_devices(voice_.output, next_device(voice.inputs(), voice_.input));
  } else if (row >= 5) {
    const auto people = voice_people();
    const auto index = static_cast<std::size_t>(row - 5);
    if (index >= people.size()) return true;
    const SDL_Rect r = voice_row_rect(row);
    const float v = voice.volume(people[index]);
    if (x >= r.x + r.w - kButton) {
      voice.set_volume(people[index], v + kVolumeStep);
    } else if (x >= r.x + r.w - 3 * kButton - 40) {
      voice.set_volume(people[index], v - kVolumeStep);
    }
  }
  return true;
}

void RoomScreen::draw_voice_marks(const AvatarView& a, TileVec at) const {
  if (ctx_.voice == nullptr) return;
  SDL_Renderer* r = ctx_.renderer;
  const SDL_Rect cell = tile_rect(camera_, at.x, at.y);
  const float cx = static_cast<float>(cell.x) + static_cast<float>(cell.w) / 2.0f;
  const float cy = static_cast<float>(cell.y) + static_cast<float>(cell.h) / 2.0f;
  const bool mine = a.user_id == self_id_;
  const bool speaking =
      mine ? voice_.transmitting && voice_.mic_level > 20
           : std::binary_search(voice_.speaking.begin(), voice_.speaking.end(), a.user_id);
  if (speaking) {
    // A green ring, a little wider while the voice is loud, around whoever is heard.
    const float radius = static_cast<float>(cell.w) * 0.62f;
    constexpr int kSegments = 40;
    SDL_FPoint points[kSegments + 1];
    for (int width = 0; width < 3; ++width) {
      for (int i = 0; i <= kSegments; ++i) {
        const float t = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kSegments;
        const float rr = radius + static_cast<float>(width);
        points[i] = {cx + rr * std::cos(t), cy + rr * std::sin(t)};
      }
      set_color(r, {80, 230, 120, 230});
      SDL_RenderDrawLinesF(r, points, kSegments + 1);
    }
  }
  if (!mine || !voice_.transmitting) return;
  // The microphone over your head: you are on air (red when a host muted you).
  const int w = std::max(6, cell.w / 6);
  const SDL_Rect head{static_cast<int>(cx) - w / 2, cell.y - w * 2 - 4, w, w * 2};
  set_color(r, voice_.muted ? SDL_Color{230, 60, 60, 255} : SDL_Color{255, 255, 255, 255});
  SDL_RenderFillRect(r, &head);
  const SDL_Rect stand{static_cast<int>(cx) - 1, head.y + head.h, 2, 4};
  SDL_RenderFillRect(r, &stand);
}

void RoomScreen::draw_voice_panel() const {
  if (!show_voice_ || ctx_.voice == nullptr) return;
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  panel(r, voice_panel_rect(), 235);
  const SDL_Color head{240, 240, 250, 255};
  const SDL_Color body{215, 215, 230, 255};
  auto line = [&](int row, const std::string& s, SDL_Color c) {
    const SDL_Rect rr = voice_row_rect(row);
    text.draw(s.substr(0, text.fit(s, rr.w, FontSize::small)), rr.x, rr.y + 4, c, FontSize::small);
  };
  const bool open = voice_.mode == voice::TalkMode::open_mic;
  line(0, open ? "Voice: open mic (M: push-to-talk)" : "Voice: hold T to talk (M: open mic)", head);
  std::string status = voice_.message.empty()
                           ? (voice_.transmitting ? "On air" : "Microphone closed")
                           : voice_.message;
  if (voice_.muted) status = "A host muted you: nobody hears you";
  if (voice_.on_stage) status += "  ·  on stage: the whole room hears you";
  line(1, status, voice_.muted ? SDL_Color{255, 120, 120, 255} : body);
  std::string hears = "Who hears me: ";
  if (!voice_.have_listeners || voice_.listeners.empty()) {
    hears += "nobody";
  } else {
    for (std::size_t i = 0; i < voice_.listeners.size(); ++i) {
      hears += (i == 0 ? "" : ", ") + voice_name(voice_.listeners[i]);
    }
  }
  line(2, hears, body);
  line(3, "Output: " + device_label(voice_.output) + "  (click: next)", body);
  line(4, "Input: " + device_label(voice_.input) + "  (click: next)", body);
  const auto people = voice_people();
  for (std::size_t i = 0; i < people.size(); ++i) {
    const int row = 5 + static_cast<int>(i);
    const SDL_Rect rr = voice_row_rect(row);
    const bool heard =
        std::binary_search(voice_.speaking.begin(), voice_.speaking.end(), people[i]);
    line(row, (heard ? "● " : "  ") + voice_name(people[i]), body);
    const std::string vol = percent(ctx_.voice->volume(people[i]));
    const SDL_Rect minus{rr.x + rr.w - 3 * kButton - 40, rr.y + 1, kButton, kButton - 2};
    const SDL_Rect plus{rr.x + rr.w - kButton, rr.y + 1, kButton, kButton - 2};
    set_color(r, {60, 80, 140, 255});
    SDL_RenderFillRect(r, &minus);
    SDL_RenderFillRect(r, &plus);
    text.draw("-", minus.x + 8, minus.y + 2, head, FontSize::small);
    text.draw("+", plus.x + 7, plus.y + 2, head, FontSize::small);
    text.draw(vol, minus.x + kButton + 8, rr.y + 4, body, FontSize::small);
  }
}

}  // namespace moim::client::app
