// RoomHost: graduation-day requests. Each runs on the room's strand, so where people stand
// (at the desk, at the booth, near each other) is read from the room as the service decides,
// and the answer is sent only after the service has written the change to the store.
#include <boost/asio/post.hpp>

#include "app/hub.hpp"
#include "app/room_host.hpp"
#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"
#include "net/convert_graduation.hpp"
#include "net/encode_shared.hpp"
#include "store/secret_hash.hpp"

namespace moim::app {

namespace {

v1::Envelope with_id(std::uint32_t request_id) {
  v1::Envelope e;
  e.set_request_id(request_id);
  return e;
}

}  // namespace

void RoomHost::graduation_refresh(store::UserId id) {
  auto& service = hub_.graduation();
  room_.set_look(id, net::to_room(service.look(id)));
  v1::Envelope state;
  net::fill(*state.mutable_graduation(), service.state(id));
  send_to(id, net::encode_shared(state));
}

void RoomHost::graduation_changed(store::UserId id) {
  boost::asio::post(strand_, [self = shared_from_this(), id] {
    if (self->room_.contains(id)) self->graduation_refresh(id);
    self->after_input();
  });
}

void RoomHost::handle_graduation(store::UserId me, store::Role role, const v1::Envelope& e) {
  auto& service = hub_.graduation();
  const auto rid = e.request_id();
  switch (e.body_case()) {
    case v1::Envelope::kCheckIn: {
      const auto& c = e.check_in();
      graduation::CheckInRequest r;
      r.actor = me;
      r.actor_is_host = role != store::Role::attendee;
      r.target = c.user_id() != 0 ? c.user_id() : me;
      if (!c.invite_code().empty()) {
        r.invite_hash = store::sha256_hex(store::normalize_invite_code(c.invite_code()));
      }
      r.roster_id = c.roster_id();
      r.target_at_desk = room_.in_zone(r.target, world::ZoneKind::checkin);
      auto out = service.check_in(r, c.key(), hub_.now_ms());
      if (!out) return error(me, rid, out.error());
      auto reply = with_id(rid);
      auto* done = reply.mutable_checked_in();
      done->set_roster_id(out->roster_id);
      done->set_name(out->name);
      done->set_user_id(out->user);
      done->set_already(out->already);
      send_to(me, net::encode_shared(reply));
      return graduation_refresh(r.target);
    }
    case v1::Envelope::kPickColor: {
      const auto& p = e.pick_color();
      auto color = p.has_color() ? std::optional<int>(p.color()) : std::nullopt;
      auto out =
          service.pick(me, color, room_.in_zone(me, world::ZoneKind::sticker_booth), p.key());
      if (!out) return error(me, rid, out.error());
      ack(me, rid);
      return graduation_refresh(me);
    }
    case v1::Envelope::kMakeOffer:
      return graduation_offer(me, e);
    case v1::Envelope::kAcceptOffer:
      return graduation_accept(me, e);
    case v1::Envelope::kDeclineOffer: {
      auto out = service.decline(e.decline_offer().offer_id(), me);
      if (!out) return error(me, rid, out.error());
      ack(me, rid);
      v1::Envelope closed;
      closed.mutable_offer_closed()->set_offer_id(out->id);
      closed.mutable_offer_closed()->set_message(room_.find(me)->name + " declined");
      return send_to(out->from, net::encode_shared(closed));
    }
    case v1::Envelope::kSetCard: {
      auto set = service.set_card(me, net::card_from(e.set_card().card()));
      if (!set) return error(me, rid, set.error());
      ack(me, rid);
      return graduation_refresh(me);
    }
    case v1::Envelope::kGetGraduation: {
      auto reply = with_id(rid);
      net::fill(*reply.mutable_graduation(), service.state(me));
      return send_to(me, net::encode_shared(reply));
    }
    case v1::Envelope::kExportCards: {
      auto reply = with_id(rid);
      reply.mutable_cards_export()->set_vcard(service.vcards(me));
      return send_to(me, net::encode_shared(reply));
    }
    default:
      return error(me, rid, {Errc::bad_request, "not a graduation request"});
  }
}

// Where someone stands, for the co-presence rule; nobody outside this room is anywhere near.
graduation::PlaceOf RoomHost::place_of() const {
  return [this](store::UserId u) -> std::optional<graduation::Place> {
    auto avatar = room_.find(u);
    if (!avatar) return std::nullopt;
    return graduation::Place{id_, avatar->pos};
  };
}

void RoomHost::graduation_offer(store::UserId me, const v1::Envelope& e) {
  auto& service = hub_.graduation();
  const auto rid = e.request_id();
  const auto kind = net::from_proto(e.make_offer().kind());
  if (!kind) return error(me, rid, {Errc::bad_request, "offer kind must be exchange or card"});
  const auto to = e.make_offer().to_user();
  auto offer = service.offer(*kind, me, to, place_of(), hub_.now_ms());
  if (!offer) return error(me, rid, offer.error());
  auto reply = with_id(rid);
  reply.mutable_offer_made()->set_offer_id(offer->id);
  reply.mutable_offer_made()->set_expires_at_ms(offer->expires_at_ms);
  send_to(me, net::encode_shared(reply));
  v1::Envelope push;
  auto* received = push.mutable_offer_received();
  received->set_offer_id(offer->id);
  received->set_kind(net::to_proto(*kind));
  received->set_from_user(me);
  received->set_from_name(room_.find(me)->name);
  received->set_from_color(service.state(me).color);
  received->set_expires_at_ms(offer->expires_at_ms);
  send_to(to, net::encode_shared(push));
}

void RoomHost::graduation_accept(store::UserId me, const v1::Envelope& e) {
  auto& service = hub_.graduation();
  const auto rid = e.request_id();
  const auto& a = e.accept_offer();
  auto out = service.accept(a.offer_id(), me, a.key(), place_of(), hub_.now_ms());
  if (!out) return error(me, rid, out.error());
  // The acceptor hears what they received; the offerer (if here) what they received.
  const auto done_for = [&](store::UserId other, int color) {
    v1::Envelope d;
    auto* s = d.mutable_swap_done();
    s->set_kind(net::to_proto(out->kind));
    s->set_id(static_cast<std::uint64_t>(out->id));
    s->set_with_user(other);
    s->set_with_name(service.name_of(other));
    s->set_color_received(color);
    if (out->kind == graduation::OfferKind::card) {
      net::fill(*s->mutable_card(), other, service.card_of(other));
    }
    return d;
  };
  auto reply = done_for(out->from, out->from_color);
  reply.set_request_id(rid);
  send_to(me, net::encode_shared(reply));
  graduation_refresh(me);
  if (!out->replayed) {
    send_to(out->from, net::encode_shared(done_for(me, out->to_color)));
    if (room_.contains(out->from)) graduation_refresh(out->from);
  }
}

}  // namespace moim::app
