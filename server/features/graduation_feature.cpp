#include "features/graduation_feature.hpp"

#include "app/encoder.hpp"
#include "app/graduation_look.hpp"
#include "core/secret_hash.hpp"
#include "room/room.hpp"

namespace moim::features {

void add_graduation(app::FeatureRegistry& registry, graduation::Service& service) {
  registry.add(GraduationFeature::kName, [&service](const std::string& /*room_id*/) {
    return std::make_unique<GraduationFeature>(service);
  });
}

bool GraduationFeature::handle(app::FeatureRoom& room, const app::Identity& who,
                               std::uint32_t request_id, const app::FeatureRequest& request) {
  const auto* ours = std::get_if<graduation::Request>(&request);
  if (!ours) return false;
  const Asked asked{room, who, request_id};
  std::visit([&](const auto& r) { on(asked, r); }, *ours);
  return true;
}

void GraduationFeature::refresh(app::FeatureRoom& room, room::UserId id) {
  room.room().set_look(id, app::room_look(service_.look(id)));
  room.send(id, room.encoder().graduation_event(0, service_.state(id)));
}

void GraduationFeature::reply(const Asked& asked, const graduation::Event& event) {
  asked.room.send(asked.who.id, asked.room.encoder().graduation_event(asked.request_id, event));
}

void GraduationFeature::ack(const Asked& asked) {
  if (asked.request_id != 0)
    asked.room.send(asked.who.id, asked.room.encoder().ack(asked.request_id));
}

void GraduationFeature::refuse(const Asked& asked, const Error& error) {
  asked.room.send(asked.who.id, asked.room.encoder().error(asked.request_id, error));
}

graduation::PlaceOf GraduationFeature::place_of(app::FeatureRoom& room) {
  return [&room](room::UserId u) -> std::optional<graduation::Place> {
    auto avatar = room.room().find(u);
    if (!avatar) return std::nullopt;
    return graduation::Place{room.id(), avatar->pos};
  };
}

void GraduationFeature::on(const Asked& asked, const graduation::CheckIn& c) {
  graduation::CheckInRequest r;
  r.actor = asked.who.id;
  r.actor_is_host = asked.who.role != Role::attendee;
  r.target = c.user != 0 ? c.user : asked.who.id;
  if (!c.invite_code.empty()) {
    r.invite_hash = sha256_hex(normalize_invite_code(c.invite_code));
  }
  r.roster_id = c.roster_id;
  r.target_at_desk = asked.room.room().in_zone(r.target, world::ZoneKind::checkin);
  auto out = service_.check_in(r, c.key, asked.room.now_ms());
  if (!out) return refuse(asked, out.error());
  reply(asked, *out);
  refresh(asked.room, r.target);
}

void GraduationFeature::on(const Asked& asked, const graduation::PickColor& p) {
  const bool at_booth = asked.room.room().in_zone(asked.who.id, world::ZoneKind::sticker_booth);
  auto out = service_.pick(asked.who.id, p.color, at_booth, p.key);
  if (!out) return refuse(asked, out.error());
  ack(asked);
  refresh(asked.room, asked.who.id);
}

void GraduationFeature::on(const Asked& asked, const graduation::MakeOffer& m) {
  const auto me = asked.who.id;
  auto offer = service_.offer(m.kind, me, m.to, place_of(asked.room), asked.room.now_ms());
  if (!offer) return refuse(asked, offer.error());
  reply(asked, graduation::OfferMade{offer->id, offer->expires_at_ms});
  const graduation::OfferReceived received{
      offer->id,           m.kind, me, asked.room.room().find(me)->name, service_.state(me).color,
      offer->expires_at_ms};
  asked.room.send(m.to, asked.room.encoder().graduation_event(0, received));
}

void GraduationFeature::on(const Asked& asked, const graduation::AcceptOffer& a) {
  const auto me = asked.who.id;
  auto out = service_.accept(a.offer_id, me, a.key, place_of(asked.room), asked.room.now_ms());
  if (!out) return refuse(asked, out.error());
  // The acceptor hears what they received; the offerer (if here) what they received.
  const auto done_for = [&](room::UserId other, int color) {
    graduation::SwapDone done{out->kind, out->id, other, service_.name_of(other), color, {}};
    if (out->kind == graduation::OfferKind::card) done.card = service_.card_of(other);
    return done;
  };
  reply(asked, done_for(out->from, out->from_color));
  refresh(asked.room, me);
  if (out->replayed) return;
  asked.room.send(out->from, asked.room.encoder().graduation_event(0, done_for(me, out->to_color)));
  if (asked.room.room().contains(out->from)) refresh(asked.room, out->from);
}

void GraduationFeature::on(const Asked& asked, const graduation::DeclineOffer& d) {
  auto out = service_.decline(d.offer_id, asked.who.id);
  if (!out) return refuse(asked, out.error());
  ack(asked);
  const graduation::OfferClosed closed{out->id,
                                       asked.room.room().find(asked.who.id)->name + " declined"};
  asked.room.send(out->from, asked.room.encoder().graduation_event(0, closed));
}

void GraduationFeature::on(const Asked& asked, const graduation::SetCard& s) {
  auto set = service_.set_card(asked.who.id, s.card);
  if (!set) return refuse(asked, set.error());
  ack(asked);
  refresh(asked.room, asked.who.id);
}

void GraduationFeature::on(const Asked& asked, const graduation::GetState&) {
  reply(asked, service_.state(asked.who.id));
}

void GraduationFeature::on(const Asked& asked, const graduation::ExportCards&) {
  reply(asked, graduation::CardsExport{service_.vcards(asked.who.id)});
}

void GraduationFeature::on(const Asked& asked, const graduation::Refresh&) {
  refresh(asked.room, asked.who.id);
}

}  // namespace moim::features
