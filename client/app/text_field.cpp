#include "text_field.hpp"

#include <cmath>

namespace moim::client::app {

void pop_utf8(std::string& s) {
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((c & 0xC0) != 0x80) break;  // stop after removing a lead byte (or ASCII)
  }
}

FieldAction TextField::handle_event(const SDL_Event& event) {
  switch (event.type) {
    case SDL_TEXTINPUT:
      composition_.clear();
      if (value_.size() + SDL_strlen(event.text.text) <= max_bytes_) value_ += event.text.text;
      return FieldAction::none;
    case SDL_TEXTEDITING:
      composition_ = event.edit.text;
      return FieldAction::none;
    case SDL_KEYDOWN:
      // While the IME composes, its keys (Enter to commit, Backspace to undo a jamo) are its own.
      if (composing()) return FieldAction::none;
      switch (event.key.keysym.sym) {
        case SDLK_BACKSPACE:
          pop_utf8(value_);
          return FieldAction::none;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
          return FieldAction::submit;
        case SDLK_ESCAPE:
          return FieldAction::cancel;
        case SDLK_TAB:
          return FieldAction::next;
        case SDLK_v:
          if ((event.key.keysym.mod & KMOD_CTRL) != 0 && SDL_HasClipboardText()) {
            char* clip = SDL_GetClipboardText();
            std::string pasted(clip != nullptr ? clip : "");
            SDL_free(clip);
            for (char& c : pasted) {
              if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            }
            if (value_.size() + pasted.size() <= max_bytes_) value_ += pasted;
          }
          return FieldAction::none;
        default:
          return FieldAction::none;
      }
    default:
      return FieldAction::none;
  }
}

void TextField::draw(Text& text, SDL_Renderer* r, SDL_Rect box, bool focused, double now) const {
  set_color(r, focused ? SDL_Color{40, 44, 60, 255} : SDL_Color{30, 32, 44, 255});
  SDL_RenderFillRect(r, &box);
  set_color(r, focused ? SDL_Color{120, 160, 255, 255} : SDL_Color{80, 84, 100, 255});
  SDL_RenderDrawRect(r, &box);
  const int pad = 6;
  const int inner = box.w - 2 * pad;
  // Show the end of a long value: that is where the person is typing.
  std::string shown = value_;
  while (!shown.empty() && text.measure(shown + composition_).w > inner) {
    shown.erase(0, 1);
    while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80) {
      shown.erase(0, 1);
    }
  }
  const int y = box.y + (box.h - text.line_height()) / 2;
  const auto size = text.draw(shown, box.x + pad, y, {235, 235, 240, 255});
  int cursor_x = box.x + pad + size.w;
  if (!composition_.empty()) {
    const auto comp = text.draw(composition_, cursor_x, y, {255, 220, 120, 255});
    set_color(r, {255, 220, 120, 255});
    SDL_RenderDrawLine(r, cursor_x, y + comp.h, cursor_x + comp.w, y + comp.h);
    cursor_x += comp.w;
  }
  if (focused && std::fmod(now, 1.0) < 0.6) {
    set_color(r, {235, 235, 240, 255});
    SDL_RenderDrawLine(r, cursor_x + 1, y + 2, cursor_x + 1, y + text.line_height() - 2);
  }
}

}  // namespace moim::client::app
