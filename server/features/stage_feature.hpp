#pragma once
// The stage feature of the tech-talk hall (its map's "features" property names it): the
// raise-hand queue of each live session and a host putting someone on the stage, on the room's
// strand where the room knows who stands where. ProgrammeService checks roles and sessions first
// (app/stage_requests.hpp); this answers through the link each request carries.
//
// The person put on the stage is told where they stand now (PutOnStage), everyone in the room
// who has the stage (StageGiven); the room's frames move their avatar for the others.
#include <map>

#include "app/room_feature.hpp"
#include "programme/hand_queue.hpp"

namespace moim::features {

class StageFeature final : public app::RoomFeature {
 public:
  app::FeatureTag tag() const override { return {"stage", ""}; }
  bool handle(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
              const app::FeatureRequest& request) override;

 private:
  void raise(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
             const app::stage::RaiseHand& request);
  void next(app::FeatureRoom& room, std::uint32_t request_id, const app::stage::NextHand& request);
  void give(app::FeatureRoom& room, std::uint32_t request_id, const app::stage::Give& request);
  // Everyone in the room sees the session's queue whenever it changes.
  void show_hands(app::FeatureRoom& room, programme::TalkId talk);

  // A raised hand is a moment, not a record: the queues live as long as the room.
  std::map<programme::TalkId, programme::HandQueue> hands_;
};

// The FeatureRegistry's factory: one stage per room whose map names it.
app::FeatureRegistry::Factory stage_factory();

}  // namespace moim::features
