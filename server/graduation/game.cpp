#include "graduation/game.hpp"

#include <algorithm>

namespace moim::graduation {

std::size_t PersonView::met() const {
  std::set<UserId> all = exchanged;
  all.insert(cards.begin(), cards.end());
  return all.size();
}

Game::Game(GameRules rules, std::uint64_t first_offer_id)
    : rules_(rules), palette_(default_palette()), next_offer_id_(first_offer_id) {}

Status Game::set_palette(Palette palette) {
  if (auto valid = validate_palette(palette); !valid) return valid;
  for (const auto& [id, p] : people_) {
    if (p.color >= 0) {
      return Error{Errc::color_already_picked,
                   "colours have been picked already; the palette can no longer change"};
    }
  }
  palette_ = std::move(palette);
  for (auto& [id, p] : people_) p.received.assign(palette_.size(), 0);
  return ok();
}

std::vector<int> Game::picks_per_color() const {
  std::vector<int> picked(palette_.size(), 0);
  for (const auto& [id, p] : people_) {
    if (p.color >= 0) ++picked[static_cast<std::size_t>(p.color)];
  }
  return picked;
}

std::size_t Game::suggested_color() const {
  const auto picked = picks_per_color();
  return suggest_color(picked);
}

void Game::set_roster(std::vector<RosterEntry> entries) {
  roster_.clear();
  roster_by_invite_.clear();
  for (auto& e : entries) {
    if (!e.invite_hash.empty()) roster_by_invite_[e.invite_hash] = e.id;
    if (e.user != 0 && e.checked_in_at_ms != 0 && !people_.contains(e.user)) {
      Person p;
      p.roster_id = e.id;
      p.received.assign(palette_.size(), 0);
      people_.emplace(e.user, std::move(p));
    }
    const auto id = e.id;
    roster_.emplace(id, std::move(e));
  }
}

void Game::note_login(UserId user, const std::string& invite_hash) {
  if (auto found = roster_by_invite_.find(invite_hash); found != roster_by_invite_.end()) {
    login_roster_[user] = found->second;
  }
}

std::int64_t Game::roster_for(const CheckInRequest& r) const {
  if (r.roster_id != 0) return r.roster_id;
  if (!r.invite_hash.empty()) {
    auto found = roster_by_invite_.find(r.invite_hash);
    return found == roster_by_invite_.end() ? 0 : found->second;
  }
  auto login = login_roster_.find(r.target);
  return login == login_roster_.end() ? 0 : login->second;
}

Status Game::may_check_in(const CheckInRequest& r) {
  if (r.actor != r.target && !r.actor_is_host) {
    return Error{Errc::forbidden, "only a host can check someone else in"};
  }
  if (r.roster_id != 0 && !r.actor_is_host) {
    return Error{Errc::forbidden, "only a host can choose a roster entry"};
  }
  return ok();
}

Result<CheckInPlan> Game::plan_check_in(const CheckInRequest& r) const {
  if (auto allowed = may_check_in(r); !allowed) return allowed.error();
  if (!r.target_at_desk) {
    return Error{Errc::wrong_place, "check-in happens at the check-in desk by the entrance"};
  }
  const std::int64_t roster_id = roster_for(r);
  if (roster_id == 0) {
    return Error{Errc::not_on_roster, "that invite code is not on the graduation roster"};
  }
  auto entry = roster_.find(roster_id);
  if (entry == roster_.end()) {
    return Error{Errc::not_on_roster, "no such graduate on the roster"};
  }
  const RosterEntry& e = entry->second;
  if (e.user != 0 && e.user != r.target) {
    return Error{Errc::forbidden, e.name + " has already checked in from another account"};
  }
  if (auto p = people_.find(r.target); p != people_.end()) {
    if (p->second.roster_id != roster_id) {
      return Error{Errc::forbidden, "this account has checked in as another graduate"};
    }
    return CheckInPlan{roster_id, r.target, true};
  }
  return CheckInPlan{roster_id, r.target, false};
}

void Game::apply_check_in(const CheckInPlan& plan, std::int64_t now_ms) {
  if (plan.already) return;
  auto& e = roster_.at(plan.roster_id);
  e.user = plan.user;
  e.checked_in_at_ms = now_ms;
  Person p;
  p.roster_id = plan.roster_id;
  p.received.assign(palette_.size(), 0);
  people_.emplace(plan.user, std::move(p));
}

Result<PickPlan> Game::plan_pick(UserId user, std::optional<int> color, bool at_booth) const {
  auto p = people_.find(user);
  if (p == people_.end()) return Error{Errc::not_checked_in, "check in at the entrance first"};
  if (p->second.color >= 0) {
    return Error{Errc::color_already_picked,
                 "you already have " + palette_[static_cast<std::size_t>(p->second.color)].name +
                     "; a colour is yours for the day"};
  }
  if (!at_booth) return Error{Errc::wrong_place, "pick your colour at the sticker booth"};
  const int chosen = color.value_or(static_cast<int>(suggested_color()));
  if (chosen < 0 || static_cast<std::size_t>(chosen) >= palette_.size()) {
    return Error{Errc::unknown_color, "no such colour in the palette"};
  }
  return PickPlan{user, chosen};
}

void Game::apply_pick(const PickPlan& plan) {
  people_.at(plan.user).color = plan.color;
}

Status Game::check_pair(OfferKind kind, UserId from, UserId to) const {
  if (from == to) return Error{Errc::with_yourself, "you cannot swap with yourself"};
  auto a = people_.find(from);
  auto b = people_.find(to);
  if (a == people_.end()) return Error{Errc::not_checked_in, "check in at the entrance first"};
  if (b == people_.end()) return Error{Errc::not_checked_in, "they have not checked in yet"};
  if (kind == OfferKind::card) {
    if (a->second.cards.contains(to)) {
      return Error{Errc::already_exchanged, "you have swapped cards with them already"};
    }
    return ok();
  }
  if (a->second.color < 0) return Error{Errc::no_color, "pick a sticker colour first"};
  if (b->second.color < 0) return Error{Errc::no_color, "they have not picked a colour yet"};
  if (a->second.color == b->second.color) {
    return Error{Errc::same_color, "you both have the same colour; find someone else"};
  }
  if (a->second.exchanged.contains(to)) {
    return Error{Errc::already_exchanged, "you have exchanged stickers with them already"};
  }
  return ok();
}

Status Game::check_copresence(const std::optional<Place>& a, const std::optional<Place>& b) const {
  if (!a || !b || a->room != b->room) {
    return Error{Errc::not_near, "you are not in the same room"};
  }
  if (!world::within_radius(a->pos, b->pos, rules_.proximity_radius)) {
    return Error{Errc::not_near,
                 "stand closer: within " + std::to_string(rules_.proximity_radius) + " tiles"};
  }
  return ok();
}

Result<Offer> Game::open_offer(OfferKind kind, UserId from, UserId to,
                               const std::optional<Place>& from_place,
                               const std::optional<Place>& to_place, std::int64_t now_ms) {
  expire_offers(now_ms);
  if (auto pair = check_pair(kind, from, to); !pair) return pair.error();
  if (auto near = check_copresence(from_place, to_place); !near) return near.error();
  std::size_t open = 0;
  for (auto& [id, o] : offers_) {
    if (o.kind == kind && o.from == from && o.to == to) {
      o.expires_at_ms = now_ms + rules_.offer_ttl_ms;  // asking again renews the same offer
      return o;
    }
    if (o.from == from) ++open;
  }
  if (open >= rules_.max_open_offers) {
    return Error{Errc::rate_limited, "too many open offers; wait for answers"};
  }
  Offer offer{next_offer_id_++, kind, from, to, now_ms + rules_.offer_ttl_ms};
  offers_.emplace(offer.id, offer);
  return offer;
}

Result<SwapPlan> Game::plan_accept(std::uint64_t offer_id, UserId acceptor,
                                   const std::optional<Place>& from_place,
                                   const std::optional<Place>& to_place, std::int64_t now_ms) {
  auto it = offers_.find(offer_id);
  if (it == offers_.end() || it->second.to != acceptor) {
    return Error{Errc::no_such_offer, "there is no such offer for you"};
  }
  const Offer offer = it->second;
  if (offer.expires_at_ms <= now_ms) {
    offers_.erase(it);
    return Error{Errc::offer_expired, "that offer has expired; ask again"};
  }
  if (auto pair = check_pair(offer.kind, offer.from, offer.to); !pair) {
    offers_.erase(it);
    return pair.error();
  }
  if (auto near = check_copresence(from_place, to_place); !near) return near.error();
  SwapPlan plan{offer};
  if (offer.kind == OfferKind::exchange) {
    plan.from_color = people_.at(offer.from).color;
    plan.to_color = people_.at(offer.to).color;
  }
  return plan;
}

void Game::apply_swap(const SwapPlan& plan) {
  offers_.erase(plan.offer.id);
  restore_swap(plan.offer.kind, plan.offer.from, plan.offer.to);
}

void Game::restore_pick(UserId user, int color) {
  auto p = people_.find(user);
  if (p == people_.end() || color < 0 || static_cast<std::size_t>(color) >= palette_.size()) {
    return;
  }
  p->second.color = color;
}

void Game::restore_swap(OfferKind kind, UserId a, UserId b) {
  auto pa = people_.find(a);
  auto pb = people_.find(b);
  if (pa == people_.end() || pb == people_.end()) return;
  if (kind == OfferKind::card) {
    pa->second.cards.insert(b);
    pb->second.cards.insert(a);
    return;
  }
  if (!pa->second.exchanged.insert(b).second) return;  // never counted twice
  pb->second.exchanged.insert(a);
  if (pb->second.color >= 0) ++pa->second.received[static_cast<std::size_t>(pb->second.color)];
  if (pa->second.color >= 0) ++pb->second.received[static_cast<std::size_t>(pa->second.color)];
}

std::optional<Offer> Game::find_offer(std::uint64_t id) const {
  auto it = offers_.find(id);
  if (it == offers_.end()) return std::nullopt;
  return it->second;
}

std::vector<Offer> Game::expire_offers(std::int64_t now_ms) {
  std::vector<Offer> expired;
  for (auto it = offers_.begin(); it != offers_.end();) {
    if (it->second.expires_at_ms <= now_ms) {
      expired.push_back(it->second);
      it = offers_.erase(it);
    } else {
      ++it;
    }
  }
  return expired;
}

bool Game::complete(const Person& p) const {
  if (p.color < 0) return false;
  for (std::size_t i = 0; i < palette_.size(); ++i) {
    if (static_cast<int>(i) != p.color && p.received[i] == 0) return false;
  }
  return true;
}

PersonView Game::view(UserId id, const Person& p) const {
  PersonView v;
  v.user = id;
  v.roster_id = p.roster_id;
  if (auto e = roster_.find(p.roster_id); e != roster_.end()) v.name = e->second.name;
  v.color = p.color;
  for (std::size_t i = 0; i < palette_.size(); ++i) {
    if (static_cast<int>(i) == p.color || p.received[i] > 0) v.held.push_back(static_cast<int>(i));
  }
  v.complete = complete(p);
  v.exchanged = p.exchanged;
  v.cards = p.cards;
  return v;
}

std::optional<PersonView> Game::person(UserId user) const {
  auto p = people_.find(user);
  if (p == people_.end()) return std::nullopt;
  return view(user, p->second);
}

std::vector<PersonView> Game::people() const {
  std::vector<PersonView> all;
  all.reserve(people_.size());
  for (const auto& [id, p] : people_) all.push_back(view(id, p));
  return all;
}

Look Game::look(UserId user) const {
  auto p = people_.find(user);
  if (p == people_.end()) return {};
  Look look;
  look.graduate = true;
  look.medal = complete(p->second);
  if (p->second.color >= 0) look.ribbon = palette_[static_cast<std::size_t>(p->second.color)].rgb;
  return look;
}

std::vector<std::pair<UserId, int>> Game::raffle_tickets(int extra_every) const {
  std::vector<std::pair<UserId, int>> tickets;
  for (const auto& [id, p] : people_) {  // std::map: ascending user id
    if (!complete(p)) continue;
    const auto v = view(id, p);
    const int extra = extra_every > 0 ? static_cast<int>(v.met()) / extra_every : 0;
    tickets.emplace_back(id, 1 + extra);
  }
  return tickets;
}

}  // namespace moim::graduation
