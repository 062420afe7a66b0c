#pragma once
// Where the room screen puts things in the window. The chat panel is a sidebar on the left and
// the map viewport is the rest of the window below the top bar: the panel never covers the map,
// so no name, bubble or avatar can hide behind it (an overlaid corner panel used to hide the
// names of people standing at the bottom left). The sidebar folds away (C) to give the map the
// whole width. Plain maths, so that tests can place a tile on a screenshot exactly as the client
// does.
#include "moim/client/core/camera.hpp"

namespace moim::client {

inline constexpr int kTopBarHeight = 32;

struct RoomLayout {
  PixelRect top_bar;
  PixelRect chat;  // w == 0 while folded away
  PixelRect map;   // the camera's viewport
};

enum class ChatPanel { open, folded };

RoomLayout layout_room(int window_width, int window_height, ChatPanel chat);

}  // namespace moim::client
