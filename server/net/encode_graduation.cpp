// ProtoEncoder: what graduation day says, one envelope per event.
#include "net/convert_graduation.hpp"
#include "net/encode_shared.hpp"
#include "net/proto_encoder.hpp"

namespace moim::net {

namespace {

void fill(v1::CheckedIn& out, const graduation::CheckInOutcome& done) {
  out.set_roster_id(done.roster_id);
  out.set_name(done.name);
  out.set_user_id(done.user);
  out.set_already(done.already);
}

void fill(v1::OfferReceived& out, const graduation::OfferReceived& offer) {
  out.set_offer_id(offer.offer_id);
  out.set_kind(to_proto(offer.kind));
  out.set_from_user(offer.from_user);
  out.set_from_name(offer.from_name);
  out.set_from_color(offer.from_color);
  out.set_expires_at_ms(offer.expires_at_ms);
}

void fill(v1::SwapDone& out, const graduation::SwapDone& done) {
  out.set_kind(to_proto(done.kind));
  out.set_id(static_cast<std::uint64_t>(done.id));
  out.set_with_user(done.with_user);
  out.set_with_name(done.with_name);
  out.set_color_received(done.color_received);
  if (done.card) net::fill(*out.mutable_card(), done.with_user, *done.card);
}

// Puts `event` in its place in the envelope.
struct Place {
  v1::Envelope& e;

  void operator()(const graduation::CheckInOutcome& done) const {
    fill(*e.mutable_checked_in(), done);
  }
  void operator()(const graduation::StateView& state) const {
    net::fill(*e.mutable_graduation(), state);
  }
  void operator()(const graduation::OfferMade& made) const {
    e.mutable_offer_made()->set_offer_id(made.offer_id);
    e.mutable_offer_made()->set_expires_at_ms(made.expires_at_ms);
  }
  void operator()(const graduation::OfferReceived& offer) const {
    fill(*e.mutable_offer_received(), offer);
  }
  void operator()(const graduation::OfferClosed& closed) const {
    e.mutable_offer_closed()->set_offer_id(closed.offer_id);
    e.mutable_offer_closed()->set_message(closed.message);
  }
  void operator()(const graduation::SwapDone& done) const { fill(*e.mutable_swap_done(), done); }
  void operator()(const graduation::CardsExport& cards) const {
    e.mutable_cards_export()->set_vcard(cards.vcard);
  }
  void operator()(const graduation::RaffleNews& news) const {
    net::fill(*e.mutable_raffle_news(), news);
  }
};

}  // namespace

app::SharedBytes ProtoEncoder::graduation_event(std::uint32_t request_id,
                                                const graduation::Event& event) const {
  v1::Envelope envelope;
  envelope.set_request_id(request_id);
  std::visit(Place{envelope}, event);
  return encode_shared(envelope);
}

}  // namespace moim::net
