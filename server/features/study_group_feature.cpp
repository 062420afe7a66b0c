#include "features/study_group_feature.hpp"

#include <spdlog/spdlog.h>

namespace moim::features {

namespace {

// A visit not recorded is logged, not refused: the person is in the room either way.
void warn_if_failed(const Status& recorded, room::UserId who, programme::GroupId group) {
  if (!recorded) {
    spdlog::warn("attendance of {} in group {}: {}", who, group, recorded.error().message);
  }
}

}  // namespace

void StudyGroupFeature::entered(app::FeatureRoom& room, const app::Identity& who) {
  warn_if_failed(store_.record_enter(group_, who.id, room.now_ms()), who.id, group_);
}

void StudyGroupFeature::left(app::FeatureRoom& room, room::UserId who) {
  warn_if_failed(store_.record_leave(group_, who, room.now_ms()), who, group_);
}

app::FeatureRegistry::Factory study_group_factory(programme::ProgrammeStore& store) {
  return [&store](const std::string& room_id) -> std::unique_ptr<app::RoomFeature> {
    auto group = programme::group_of_room(room_id);
    if (!group) return nullptr;
    return std::make_unique<StudyGroupFeature>(store, *group);
  };
}

}  // namespace moim::features
