#pragma once
// A one-line text field fed by SDL text input: typed text arrives as SDL_TEXTINPUT (already
// composed by the system IME), and the text being composed (한글 jamo before the syllable is
// finished) arrives as SDL_TEXTEDITING and is shown underlined but not yet part of the value.
#include <cstddef>
#include <string>
#include <vector>

#include <SDL.h>

#include "moim/client/core/form_fields.hpp"
#include "text.hpp"

namespace moim::client::app {

enum class FieldAction { none, submit, cancel, next };

class TextField {
 public:
  explicit TextField(std::size_t max_bytes = 2000) : max_bytes_(max_bytes) {}
  // Handles text, editing and editing keys; returns what the key means to the owner.
  FieldAction handle_event(const SDL_Event& event);
  void draw(Text& text, SDL_Renderer* r, SDL_Rect box, bool focused, double now) const;

  const std::string& value() const { return value_; }
  void set_value(std::string v) { value_ = std::move(v); }
  void clear() {
    value_.clear();
    composition_.clear();
  }
  bool composing() const { return !composition_.empty(); }

 private:
  std::size_t max_bytes_;
  std::string value_;
  std::string composition_;
};

// Removes the last UTF-8 character of s.
void pop_utf8(std::string& s);

}  // namespace moim::client::app
