#pragma once
// The study-group feature: a study group's room (an instance of the study-room map, whose
// "features" property names it) records who visits and for how long, for the group's attendance
// export. Its ref in the snapshot is the group's id, so a client knows which group's room it is
// in without parsing the room id.
#include <memory>
#include <string>

#include "app/room_feature.hpp"
#include "programme/programme_store.hpp"

namespace moim::features {

class StudyGroupFeature final : public app::RoomFeature {
 public:
  StudyGroupFeature(programme::ProgrammeStore& store, programme::GroupId group)
      : store_(store), group_(group) {}

  app::FeatureTag tag() const override { return {"study-group", std::to_string(group_)}; }
  void entered(app::FeatureRoom& room, const app::Identity& who) override;
  void left(app::FeatureRoom& room, room::UserId who) override;

 private:
  programme::ProgrammeStore& store_;
  programme::GroupId group_;
};

// The FeatureRegistry's factory: a feature for each group's room ("study-<id>"), none for other
// rooms (the study-room map's own).
app::FeatureRegistry::Factory study_group_factory(programme::ProgrammeStore& store);

}  // namespace moim::features
