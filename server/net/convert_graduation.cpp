#include "net/convert_graduation.hpp"

namespace moim::net {

room::Look to_room(const graduation::Look& look) {
  return room::Look{look.graduate, look.medal, look.ribbon};
}

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

void fill(v1::RaffleNews& out, const store::RaffleRecord& raffle,
          const std::vector<std::pair<store::UserId, std::string>>& winners) {
  out.set_raffle_id(raffle.id);
  out.set_commitment(raffle.commitment);
  if (raffle.drawn_at_ms != 0) out.set_seed(raffle.seed_hex);
  for (const auto& [user, name] : winners) {
    auto* w = out.add_winners();
    w->set_user_id(user);
    w->set_name(name);
  }
  out.set_tickets(static_cast<std::uint32_t>(raffle.tickets.size()));
}

}  // namespace moim::net
