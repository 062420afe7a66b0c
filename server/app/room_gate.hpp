#pragma once
// What the hub asks about rooms beyond its maps' own: which rooms may be opened on demand (a
// study group's room is an instance of the study-room map), and who may be in a room. The
// programme answers (app/study_rooms.hpp); the hub is handed one in HubParts.
#include <optional>
#include <string>
#include <string_view>

#include "app/identity.hpp"
#include "core/result.hpp"

namespace moim::app {

class RoomGate {
 public:
  // The map `room` is an instance of, if it is not one of the maps' own rooms and may be opened
  // now (its group exists).
  virtual std::optional<std::string> instance_of(std::string_view room) = 0;
  // Whether `who` may be in `room`: enter it, or see where someone stands in it.
  virtual Status check_enter(const Identity& who, std::string_view room) = 0;

 protected:
  ~RoomGate() = default;
};

}  // namespace moim::app
