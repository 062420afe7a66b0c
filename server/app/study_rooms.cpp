#include "app/study_rooms.hpp"

namespace moim::app {

std::optional<std::string> StudyRooms::instance_of(std::string_view room) {
  auto id = programme::group_of_room(room);
  if (!id || !store_.find_group(*id)) return std::nullopt;
  return "study-room";
}

Status StudyRooms::check_enter(const Identity& who, std::string_view room) {
  auto id = programme::group_of_room(room);
  if (!id) return ok();
  auto group = store_.find_group(*id);
  if (!group) return group.error();
  auto member = store_.is_member(*id, who.id);
  if (!member) return member.error();
  return programme::check_enter(*group, {who.id, who.role}, *member);
}

}  // namespace moim::app
