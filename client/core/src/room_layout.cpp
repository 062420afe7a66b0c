#include "moim/client/core/room_layout.hpp"

#include <algorithm>

namespace moim::client {

RoomLayout layout_room(int window_width, int window_height, ChatPanel chat) {
  RoomLayout layout;
  const int w = std::max(0, window_width);
  const int h = std::max(0, window_height);
  layout.top_bar = {0, 0, w, std::min(h, kTopBarHeight)};
  const int below = std::max(0, h - kTopBarHeight);
  // A third of the window, but readable on a small one and not greedy on a wide one.
  const int chat_w = chat == ChatPanel::open ? std::min(w / 2, std::clamp(w / 3, 280, 400)) : 0;
  layout.chat = {0, kTopBarHeight, chat_w, below};
  layout.map = {chat_w, kTopBarHeight, w - chat_w, below};
  return layout;
}

}  // namespace moim::client
