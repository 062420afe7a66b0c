#pragma once
// Graduation day as a room feature: the floors whose map names "graduation" check people in at
// the desk, hand out sticker colours at the booth, and let people near each other exchange
// stickers and business cards. Every request runs on the room's strand, so where people stand
// is read from the room as the service decides, and the answer is sent only after the service
// has written the change to the store.
#include "app/room_feature.hpp"
#include "graduation/events.hpp"
#include "graduation/requests.hpp"
#include "graduation/service.hpp"

namespace moim::features {

class GraduationFeature final : public app::RoomFeature {
 public:
  static constexpr const char* kName = "graduation";

  explicit GraduationFeature(graduation::Service& service) : service_(service) {}

  app::FeatureTag tag() const override { return {kName, {}}; }
  bool handle(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
              const app::FeatureRequest& request) override;

 private:
  // One request being answered: who asked, in which room, under which request id.
  struct Asked {
    app::FeatureRoom& room;
    const app::Identity& who;
    std::uint32_t request_id;
  };

  void on(const Asked& asked, const graduation::CheckIn& request);
  void on(const Asked& asked, const graduation::PickColor& request);
  void on(const Asked& asked, const graduation::MakeOffer& request);
  void on(const Asked& asked, const graduation::AcceptOffer& request);
  void on(const Asked& asked, const graduation::DeclineOffer& request);
  void on(const Asked& asked, const graduation::SetCard& request);
  void on(const Asked& asked, const graduation::GetState& request);
  void on(const Asked& asked, const graduation::ExportCards& request);
  void on(const Asked& asked, const graduation::Refresh& request);

  // Puts the person's current look on their avatar and pushes them their state.
  void refresh(app::FeatureRoom& room, room::UserId id);
  void reply(const Asked& asked, const graduation::Event& event);
  void ack(const Asked& asked);
  void refuse(const Asked& asked, const Error& error);
  // Where someone stands, for the co-presence rule; nobody outside this room is anywhere near.
  static graduation::PlaceOf place_of(app::FeatureRoom& room);

  graduation::Service& service_;
};

// Registers the feature under its name: every room whose map names it gets one over `service`.
void add_graduation(app::FeatureRegistry& registry, graduation::Service& service);

}  // namespace moim::features
