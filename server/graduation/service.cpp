#include "graduation/service.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/secret_hash.hpp"
#include "graduation/raffle.hpp"
#include "graduation/roster.hpp"

namespace moim::graduation {
namespace {

template <typename T>
T loaded(Result<T> result, const char* what) {
  if (!result)
    throw std::runtime_error(std::string("graduation: cannot load ") + what + ": " +
                             result.error().message);
  return std::move(*result);
}

Card to_card(const CardRecord& r) {
  return Card{r.name, r.company, r.role, r.links};
}

std::vector<RosterEntry> to_entries(std::vector<RosterRecord> records) {
  std::vector<RosterEntry> entries;
  entries.reserve(records.size());
  for (auto& r : records) {
    entries.push_back({r.id, std::move(r.name), std::move(r.email), std::move(r.cohort),
                       std::move(r.company), std::move(r.invite_hash), r.user, r.checked_in_at_ms});
  }
  return entries;
}

// The digests stored with request keys: what a request asked, its kind and every field that
// changes what it does, written out plainly so a stored key reads as what it did.
std::string check_in_digest(UserId target, std::int64_t roster_id) {
  return "check-in target=" + std::to_string(target) + " roster=" + std::to_string(roster_id);
}

std::string pick_digest(std::optional<int> color) {
  return "pick color=" + (color ? std::to_string(*color) : std::string("suggested"));
}

std::string accept_digest(std::uint64_t offer_id) {
  return "accept offer=" + std::to_string(offer_id);
}

// Whether a key's earlier request asked what this one asks. Keys stored before digests were
// kept have none; for them the kind of request alone decides, as it always did.
bool asked_same(const PastRequest& past, std::string_view digest, bool same_kind) {
  return past.digest.empty() ? same_kind : past.digest == digest;
}

Error reused_key() {
  return Error{Errc::conflict, "that request key was used for a different request"};
}

bool is_swap(GradAction action) {
  return action == GradAction::exchange || action == GradAction::card_swap;
}

}  // namespace

Service::Service(GraduationStore& store, GameRules rules, std::uint64_t first_offer_id)
    : store_(store), game_(rules, first_offer_id) {
  load();
}

void Service::load() {
  const auto palette = loaded(store_.palette(), "palette");
  if (!palette.empty()) {
    Palette p;
    for (const auto& c : palette) p.push_back({c.name, c.rgb});
    if (auto set = game_.set_palette(std::move(p)); !set) {
      throw std::runtime_error("graduation: stored palette is invalid: " + set.error().message);
    }
  }
  game_.set_roster(to_entries(loaded(store_.roster(), "roster")));
  for (auto [user, color] : loaded(store_.colors(), "colours")) game_.restore_pick(user, color);
  for (const auto& e : loaded(store_.exchanges(), "exchanges")) {
    game_.restore_swap(OfferKind::exchange, e.a, e.b);
  }
  for (const auto& s : loaded(store_.card_swaps(), "card swaps")) {
    game_.restore_swap(OfferKind::card, s.a, s.b);
  }
  for (const auto& c : loaded(store_.cards(), "cards")) cards_[c.user] = to_card(c);
  const auto raffles = loaded(store_.raffles(), "raffles");
  if (!raffles.empty()) extra_every_ = raffles.back().extra_every;
}

Status Service::check_key(std::string_view key) const {
  if (key.size() > kMaxRequestKey) {
    return Error{Errc::bad_request, "a request key is at most 64 bytes"};
  }
  return ok();
}

void Service::note_login(UserId user, const std::string& invite_hash) {
  std::lock_guard lock(mutex_);
  game_.note_login(user, invite_hash);
}

Look Service::look(UserId user) const {
  std::lock_guard lock(mutex_);
  return game_.look(user);
}

std::string Service::name_of(UserId user) const {
  std::lock_guard lock(mutex_);
  auto p = game_.person(user);
  return p ? p->name : std::string{};
}

Result<CheckInOutcome> Service::check_in(const CheckInRequest& request, std::string_view key,
                                         std::int64_t now_ms) {
  if (auto k = check_key(key); !k) return k.error();
  // Only a request the actor may make can look up the key: its outcome is the target's.
  if (auto allowed = Game::may_check_in(request); !allowed) return allowed.error();
  std::lock_guard lock(mutex_);
  const auto digest = check_in_digest(request.target, game_.roster_for(request));
  if (!key.empty()) {
    auto past = store_.find_request(request.target, key);
    if (!past) return past.error();
    if (*past) return replay_check_in(**past, digest, request.target);
  }
  auto plan = game_.plan_check_in(request);
  if (!plan) return plan.error();
  return write_check_in(*plan, {key, digest}, now_ms);
}

Result<CheckInOutcome> Service::check_in_roster(std::int64_t roster_id, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto entry = game_.roster().find(roster_id);
  if (entry == game_.roster().end()) {
    return Error{Errc::not_on_roster, "no such graduate on the roster"};
  }
  const RosterEntry& e = entry->second;
  if (e.user != 0) return CheckInOutcome{e.id, e.name, e.user, true};
  auto account = store_.roster_account(roster_id);
  if (!account) return account.error();
  if (*account == 0) {
    return Error{Errc::not_joined, e.name +
                                       " has not joined with their code yet; check them in once "
                                       "they have (or at the desk by roster entry)"};
  }
  auto plan = game_.plan_check_in({0, true, *account, "", roster_id, true});
  if (!plan) return plan.error();
  return write_check_in(*plan, {}, now_ms);
}

Result<CheckInOutcome> Service::write_check_in(const CheckInPlan& plan, RequestKey key,
                                               std::int64_t now_ms) {
  const auto& entry = game_.roster().at(plan.roster_id);
  if (plan.already) return CheckInOutcome{entry.id, entry.name, plan.user, true};
  auto written = store_.check_in(plan.user, key, plan.roster_id, now_ms);
  if (!written) return written.error();
  if (written->past) return replay_check_in(*written->past, key.digest, plan.user);
  game_.apply_check_in(plan, now_ms);
  return CheckInOutcome{entry.id, entry.name, plan.user, false};
}

// A check-in key used before: the earlier check-in, answered as already done.
Result<CheckInOutcome> Service::replay_check_in(const PastRequest& past, std::string_view digest,
                                                UserId target) const {
  if (!asked_same(past, digest, past.action == GradAction::check_in)) return reused_key();
  auto entry = game_.roster().find(past.ref);
  if (entry == game_.roster().end()) return Error{Errc::internal, "a recorded check-in is missing"};
  return CheckInOutcome{entry->second.id, entry->second.name, target, true};
}

Result<int> Service::pick(UserId user, std::optional<int> color, bool at_booth,
                          std::string_view key) {
  if (auto k = check_key(key); !k) return k.error();
  std::lock_guard lock(mutex_);
  const auto digest = pick_digest(color);
  // A colour key used before answers with the colour it picked.
  const auto answer_past = [&](const PastRequest& past) -> Result<int> {
    if (!asked_same(past, digest, past.action == GradAction::pick)) return reused_key();
    return static_cast<int>(past.ref);
  };
  if (!key.empty()) {
    auto past = store_.find_request(user, key);
    if (!past) return past.error();
    if (*past) return answer_past(**past);
  }
  auto plan = game_.plan_pick(user, color, at_booth);
  if (!plan) return plan.error();
  auto written = store_.pick_color(user, {key, digest}, plan->color);
  if (!written) return written.error();
  if (written->past) return answer_past(*written->past);
  game_.apply_pick(*plan);
  return plan->color;
}

Result<Offer> Service::offer(OfferKind kind, UserId from, UserId to, const PlaceOf& place_of,
                             std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  return game_.open_offer(kind, from, to, place_of(from), place_of(to), now_ms);
}

Result<SwapOutcome> Service::replay(const PastRequest& past, std::string_view digest,
                                    UserId acceptor) {
  if (!asked_same(past, digest, is_swap(past.action))) return reused_key();
  if (past.action == GradAction::exchange) {
    auto e = store_.exchange(past.ref);
    if (!e) return e.error();
    if (!*e) return Error{Errc::internal, "a recorded exchange is missing"};
    const auto& x = **e;
    const bool a_accepted = x.a == acceptor;
    return SwapOutcome{OfferKind::exchange,
                       x.id,
                       a_accepted ? x.b : x.a,
                       acceptor,
                       a_accepted ? x.color_b : x.color_a,
                       a_accepted ? x.color_a : x.color_b,
                       true};
  }
  if (past.action == GradAction::card_swap) {
    auto swaps = store_.card_swaps();
    if (!swaps) return swaps.error();
    for (const auto& s : *swaps) {
      if (s.id == past.ref) {
        return SwapOutcome{
            OfferKind::card, s.id, s.a == acceptor ? s.b : s.a, acceptor, -1, -1, true};
      }
    }
    return Error{Errc::internal, "a recorded card swap is missing"};
  }
  return reused_key();
}

Result<SwapOutcome> Service::accept(std::uint64_t offer_id, UserId acceptor, std::string_view key,
                                    const PlaceOf& place_of, std::int64_t now_ms) {
  if (auto k = check_key(key); !k) return k.error();
  std::lock_guard lock(mutex_);
  const auto digest = accept_digest(offer_id);
  if (!key.empty()) {
    auto past = store_.find_request(acceptor, key);
    if (!past) return past.error();
    if (*past) return replay(**past, digest, acceptor);
  }
  auto offer = game_.find_offer(offer_id);
  const auto from_place = offer ? place_of(offer->from) : std::nullopt;
  auto plan = game_.plan_accept(offer_id, acceptor, from_place, place_of(acceptor), now_ms);
  if (!plan) return plan.error();
  const UserId a = std::min(plan->offer.from, plan->offer.to);
  const UserId b = std::max(plan->offer.from, plan->offer.to);
  Result<Keyed> written = Error{Errc::internal, "unreachable"};
  if (plan->offer.kind == OfferKind::exchange) {
    const bool from_is_a = a == plan->offer.from;
    written = store_.record_exchange(acceptor, {key, digest},
                                     {0, a, b, from_is_a ? plan->from_color : plan->to_color,
                                      from_is_a ? plan->to_color : plan->from_color, now_ms});
  } else {
    written = store_.record_card_swap(acceptor, {key, digest}, {0, a, b, now_ms});
  }
  if (!written) return written.error();
  // Only another process on the same file could have used the key since the lookup above.
  if (written->past) return replay(*written->past, digest, acceptor);
  game_.apply_swap(*plan);
  return SwapOutcome{
      plan->offer.kind, written->ref, plan->offer.from, plan->offer.to, plan->from_color,
      plan->to_color,   false};
}

Result<Offer> Service::decline(std::uint64_t offer_id, UserId decliner) {
  std::lock_guard lock(mutex_);
  auto offer = game_.find_offer(offer_id);
  if (!offer || offer->to != decliner) {
    return Error{Errc::no_such_offer, "there is no such offer for you"};
  }
  game_.take_offer(offer_id);
  return *offer;
}

Status Service::set_card(UserId user, Card card) {
  if (auto valid = validate_card(card); !valid) return valid;
  std::lock_guard lock(mutex_);
  if (!game_.checked_in(user)) return Error{Errc::not_checked_in, "check in first"};
  if (auto stored = store_.put_card({user, card.name, card.company, card.role, card.links});
      !stored) {
    return stored;
  }
  cards_[user] = std::move(card);
  return ok();
}

Card Service::card_locked(UserId user) const {
  if (auto it = cards_.find(user); it != cards_.end()) return it->second;
  auto p = game_.person(user);
  if (!p) return {};
  const auto& entry = game_.roster().at(p->roster_id);
  return Card{entry.name, entry.company, "", {}};
}

Card Service::card_of(UserId user) const {
  std::lock_guard lock(mutex_);
  return card_locked(user);
}

int Service::tickets_locked(UserId user) const {
  for (auto [id, count] : game_.raffle_tickets(extra_every_)) {
    if (id == user) return count;
  }
  return 0;
}

StateView Service::state(UserId user) const {
  std::lock_guard lock(mutex_);
  StateView s;
  s.palette = game_.palette();
  s.picked = game_.picks_per_color();
  s.suggested = static_cast<int>(game_.suggested_color());
  auto p = game_.person(user);
  if (!p) return s;
  s.checked_in = true;
  s.name = p->name;
  s.color = p->color;
  s.held = p->held;
  s.complete = p->complete;
  s.met = p->met();
  s.my_card = card_locked(user);
  for (auto other : p->cards) s.cards.emplace_back(other, card_locked(other));
  s.tickets = tickets_locked(user);
  return s;
}

std::string Service::vcards(UserId user) const {
  std::vector<Card> cards;
  for (auto& [who, card] : state(user).cards) cards.push_back(card);
  return to_vcards(cards);
}

Result<RosterImportResult> Service::import_roster(std::string_view csv) {
  auto rows = parse_roster(csv);
  if (!rows) return rows.error();
  std::vector<RosterInput> input;
  input.reserve(rows->size());
  for (auto& r : *rows) input.push_back({r.name, r.email, r.cohort, r.company});
  std::lock_guard lock(mutex_);
  auto imported = store_.import_roster(input, &random_invite_code);
  if (!imported) return imported.error();
  if (auto reloaded = reload_roster(); !reloaded) return reloaded.error();
  return imported;
}

Result<ReissuedCode> Service::reissue_code(std::int64_t roster_id) {
  std::lock_guard lock(mutex_);
  auto reissued = store_.reissue_code(roster_id, &random_invite_code);
  if (!reissued) return reissued.error();
  if (auto reloaded = reload_roster(); !reloaded) return reloaded.error();
  return reissued;
}

Status Service::reload_roster() {
  auto roster = store_.roster();
  if (!roster) return roster.error();
  game_.set_roster(to_entries(std::move(*roster)));
  return ok();
}

Palette Service::palette() const {
  std::lock_guard lock(mutex_);
  return game_.palette();
}

std::vector<int> Service::picks() const {
  std::lock_guard lock(mutex_);
  return game_.picks_per_color();
}

Status Service::set_palette(Palette palette) {
  std::lock_guard lock(mutex_);
  if (auto valid = validate_palette(palette); !valid) return valid;
  for (int n : game_.picks_per_color()) {
    if (n > 0) {
      return Error{Errc::color_already_picked,
                   "colours have been picked already; the palette can no longer change"};
    }
  }
  std::vector<PaletteColor> rows;
  for (const auto& c : palette) rows.push_back({c.name, c.rgb});
  if (auto stored = store_.set_palette(rows); !stored) return stored;
  return game_.set_palette(std::move(palette));
}

std::map<std::int64_t, RosterEntry> Service::roster() const {
  std::lock_guard lock(mutex_);
  return game_.roster();
}

Counts Service::counts() const {
  std::lock_guard lock(mutex_);
  Counts c;
  for (const auto& [id, e] : game_.roster()) {
    ++c.expected;
    if (e.checked_in_at_ms != 0) {
      ++c.arrived;
    } else {
      c.missing.push_back(e);
    }
  }
  return c;
}

Result<RaffleRecord> Service::create_raffle(int winners, int extra_every) {
  if (winners < 1 || winners > 100) return Error{Errc::bad_request, "winners is 1 to 100"};
  if (extra_every < 0 || extra_every > 1000) {
    return Error{Errc::bad_request, "extra_every is 0 (no extra tickets) to 1000"};
  }
  const auto seed = random_seed();
  if (!seed) return seed.error();
  RaffleRecord raffle;
  raffle.winners = winners;
  raffle.extra_every = extra_every;
  raffle.seed_hex = seed_hex(*seed);
  raffle.commitment = commitment_of(*seed);
  std::lock_guard lock(mutex_);
  auto created = store_.create_raffle(std::move(raffle));
  if (created) extra_every_ = extra_every;
  return created;
}

Result<DrawOutcome> Service::draw(std::int64_t raffle_id, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto found = store_.raffle(raffle_id);
  if (!found) return found.error();
  if (!*found) return Error{Errc::raffle_state, "no such raffle"};
  DrawOutcome out;
  out.raffle = std::move(**found);
  if (out.raffle.drawn_at_ms == 0) {
    auto seed = seed_from_hex(out.raffle.seed_hex);
    if (!seed) return Error{Errc::internal, "stored seed is damaged"};
    out.raffle.tickets = ticket_lines(game_.raffle_tickets(out.raffle.extra_every));
    if (out.raffle.tickets.empty()) {
      return Error{Errc::raffle_state, "nobody has completed a card yet: no tickets to draw"};
    }
    out.raffle.winner_ids =
        draw_winners(*seed, out.raffle.tickets, static_cast<std::size_t>(out.raffle.winners));
    out.raffle.drawn_at_ms = now_ms;
    if (auto stored = store_.record_draw(out.raffle); !stored) return stored.error();
  } else {
    out.already = true;
  }
  for (auto id : out.raffle.winner_ids) {
    auto p = game_.person(id);
    out.winners.emplace_back(id, p ? p->name : std::string{});
  }
  return out;
}

Result<std::optional<RaffleRecord>> Service::raffle(std::int64_t raffle_id) {
  std::lock_guard lock(mutex_);
  return store_.raffle(raffle_id);
}

std::vector<LeaderboardRow> Service::leaderboard(std::size_t limit) const {
  std::lock_guard lock(mutex_);
  std::vector<LeaderboardRow> rows;
  for (const auto& p : game_.people()) {
    rows.push_back({p.user, p.name, p.met(), p.exchanged.size(), p.cards.size(), p.complete});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.met > b.met; });
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

}  // namespace moim::graduation
