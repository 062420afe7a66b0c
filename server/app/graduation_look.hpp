#pragma once
// What graduation day puts on someone's avatar (cap and gown, medal, ribbon), as the room
// shows it. The hub dresses people as they enter a room; the graduation feature when it changes.
#include "graduation/game.hpp"
#include "room/types.hpp"

namespace moim::app {

inline room::Look room_look(const graduation::Look& look) {
  return room::Look{look.graduate, look.medal, look.ribbon};
}

}  // namespace moim::app
