#include "net/convert_graduation.hpp"

namespace moim::net {

std::optional<graduation::OfferKind> from_proto(v1::OfferKind kind) {
  switch (kind) {
    case v1::OFFER_KIND_EXCHANGE:
      return graduation::OfferKind::exchange;
    case v1::OFFER_KIND_CARD:
      return graduation::OfferKind::card;
    default:
      return std::nullopt;
  }
}

v1::OfferKind to_proto(graduation::OfferKind kind) {
  return kind == graduation::OfferKind::card ? v1::OFFER_KIND_CARD : v1::OFFER_KIND_EXCHANGE;
}

graduation::Card card_from(const v1::BusinessCard& card) {
  graduation::Card out{card.name(), card.company(), card.role(), {}};
  for (const auto& link : card.links()) out.links.push_back(link);
  return out;
}

namespace {

graduation::Request check_in_from(const v1::CheckIn& c) {
  return graduation::CheckIn{c.invite_code(), c.user_id(), c.roster_id(), c.key()};
}

graduation::Request pick_from(const v1::PickColor& p) {
  return graduation::PickColor{p.has_color() ? std::optional<int>(p.color()) : std::nullopt,
                               p.key()};
}

Result<graduation::Request> offer_from(const v1::MakeOffer& m) {
  const auto kind = from_proto(m.kind());
  if (!kind) return Error{Errc::bad_request, "offer kind must be exchange or card"};
  return graduation::Request{graduation::MakeOffer{*kind, m.to_user()}};
}

}  // namespace

Result<graduation::Request> graduation_request(const v1::Envelope& e) {
  switch (e.body_case()) {
    case v1::Envelope::kCheckIn:
      return check_in_from(e.check_in());
    case v1::Envelope::kPickColor:
      return pick_from(e.pick_color());
    case v1::Envelope::kMakeOffer:
      return offer_from(e.make_offer());
    case v1::Envelope::kAcceptOffer:
      return graduation::Request{
          graduation::AcceptOffer{e.accept_offer().offer_id(), e.accept_offer().key()}};
    case v1::Envelope::kDeclineOffer:
      return graduation::Request{graduation::DeclineOffer{e.decline_offer().offer_id()}};
    case v1::Envelope::kSetCard:
      return graduation::Request{graduation::SetCard{card_from(e.set_card().card())}};
    case v1::Envelope::kGetGraduation:
      return graduation::Request{graduation::GetState{}};
    case v1::Envelope::kExportCards:
      return graduation::Request{graduation::ExportCards{}};
    default:
      return Error{Errc::bad_request, "not a graduation request"};
  }
}

void fill(v1::BusinessCard& out, store::UserId user, const graduation::Card& card) {
  out.set_user_id(user);
  out.set_name(card.name);
  out.set_company(card.company);
  out.set_role(card.role);
  for (const auto& link : card.links) out.add_links(link);
}

void fill(v1::GraduationState& out, const graduation::StateView& s) {
  out.set_checked_in(s.checked_in);
  out.set_roster_name(s.name);
  out.set_color(s.color);
  for (std::size_t i = 0; i < s.palette.size(); ++i) {
    auto* c = out.add_palette();
    c->set_name(s.palette[i].name);
    c->set_rgb(s.palette[i].rgb);
    c->set_picked(i < s.picked.size() ? static_cast<std::uint32_t>(s.picked[i]) : 0);
  }
  out.set_suggested(s.suggested);
  for (int h : s.held) out.add_held(h);
  out.set_complete(s.complete);
  out.set_people_met(static_cast<std::uint32_t>(s.met));
  if (s.checked_in) fill(*out.mutable_my_card(), 0, s.my_card);
  for (const auto& [user, card] : s.cards) fill(*out.add_cards(), user, card);
  out.set_raffle_tickets(static_cast<std::uint32_t>(s.tickets));
}

void fill(v1::RaffleNews& out, const graduation::RaffleNews& news) {
  out.set_raffle_id(news.raffle_id);
  out.set_commitment(news.commitment);
  out.set_seed(news.seed);
  for (const auto& [user, name] : news.winners) {
    auto* w = out.add_winners();
    w->set_user_id(user);
    w->set_name(name);
  }
  out.set_tickets(static_cast<std::uint32_t>(news.tickets));
}

}  // namespace moim::net
