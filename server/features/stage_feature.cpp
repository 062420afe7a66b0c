#include "features/stage_feature.hpp"

#include "app/encoder.hpp"
#include "core/overloaded.hpp"
#include "room/room.hpp"

namespace moim::features {

namespace ev = app::programme_event;

bool StageFeature::handle(app::FeatureRoom& room, const app::Identity& who,
                          std::uint32_t request_id, const app::FeatureRequest& request) {
  return std::visit(Overloaded{[&](const app::stage::RaiseHand& r) {
                                 raise(room, who, request_id, r);
                                 return true;
                               },
                               [&](const app::stage::NextHand& r) {
                                 next(room, request_id, r);
                                 return true;
                               },
                               [&](const app::stage::Give& r) {
                                 give(room, request_id, r);
                                 return true;
                               },
                               [](const auto&) { return false; }},
                    request);
}

void StageFeature::raise(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
                         const app::stage::RaiseHand& request) {
  const auto& encoder = room.encoder();
  if (request.raised) {
    if (!room.room().contains(who.id)) {
      return request.reply_to->deliver(encoder.error(
          request_id, {Errc::forbidden, "come to " + room.id() + " to raise your hand"}));
    }
    hands_[request.talk].raise(who.id, who.name);
  } else if (auto it = hands_.find(request.talk); it != hands_.end()) {
    it->second.lower(who.id);
  }
  show_hands(room, request.talk);
  request.reply_to->deliver(encoder.ack(request_id));
}

void StageFeature::next(app::FeatureRoom& room, std::uint32_t request_id,
                        const app::stage::NextHand& request) {
  Result<programme::RaisedHand> hand = Error{Errc::hand_queue_empty, "no hands are raised"};
  if (auto it = hands_.find(request.talk); it != hands_.end()) hand = it->second.next();
  if (!hand) return request.reply_to->deliver(room.encoder().error(request_id, hand.error()));
  show_hands(room, request.talk);
  give(room, request_id, {request.talk, hand->user, hand->name, request.reply_to});
}

void StageFeature::give(app::FeatureRoom& room, std::uint32_t request_id,
                        const app::stage::Give& request) {
  const auto& encoder = room.encoder();
  auto placed = room.room().place_in_zone(request.speaker, world::ZoneKind::stage);
  if (!placed) return request.reply_to->deliver(encoder.error(request_id, placed.error()));
  room.send(request.speaker, encoder.programme(0, ev::PutOnStage{request.talk, *placed}));
  room.send_all(encoder.programme(0, ev::StageGiven{request.talk, request.speaker, request.name}));
  request.reply_to->deliver(encoder.ack(request_id));
}

void StageFeature::show_hands(app::FeatureRoom& room, programme::TalkId talk) {
  ev::HandQueue queue{talk, {}};
  if (auto it = hands_.find(talk); it != hands_.end()) {
    queue.hands.assign(it->second.hands().begin(), it->second.hands().end());
  }
  room.send_all(room.encoder().programme(0, queue));
}

app::FeatureRegistry::Factory stage_factory() {
  return [](const std::string&) { return std::make_unique<StageFeature>(); };
}

}  // namespace moim::features
