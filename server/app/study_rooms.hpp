#pragma once
// The rooms of study groups, as the hub sees them: "study-<id>" is an instance of the
// study-room map while group <id> exists, and is for its members (and visitors when the lead
// allows them). Hosts go anywhere; rooms that are not a group's are open to all.
//
// Threads: any; the store is thread-safe.
#include "app/room_gate.hpp"
#include "programme/programme_store.hpp"

namespace moim::app {

class StudyRooms final : public RoomGate {
 public:
  explicit StudyRooms(programme::ProgrammeStore& store) : store_(store) {}

  std::optional<std::string> instance_of(std::string_view room) override;
  Status check_enter(const Identity& who, std::string_view room) override;

 private:
  programme::ProgrammeStore& store_;
};

}  // namespace moim::app
