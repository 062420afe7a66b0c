#pragma once
// The rules of graduation day, as plain C++ over in-memory state: the roster, who has checked
// in, sticker colours, exchange and card-swap offers, and what everyone holds. Single-threaded
// by contract (GraduationService serialises access) and time is passed in.
//
// Every change comes in two steps so the service can write it to the store first: plan_*()
// checks the rules against the current state and says what would change without changing
// anything; apply_*() makes a planned change after the store has it. A refused plan changes
// nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "graduation/cards.hpp"
#include "graduation/palette.hpp"
#include "moim/world/geometry.hpp"

namespace moim::graduation {

using moim::UserId;

// One graduate on the roster. `invite_hash` is the SHA-256 of their invite code; `user` is the
// account that checked in for them (0 until then).
struct RosterEntry {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::string cohort;
  std::string company;
  std::string invite_hash;
  UserId user = 0;
  std::int64_t checked_in_at_ms = 0;  // 0: not yet
};

// Where someone stands, as the room they are in sees it. nullopt: not in that room.
struct Place {
  std::string room;
  world::TilePos pos;
};

enum class OfferKind : std::uint8_t { exchange = 1, card = 2 };

struct Offer {
  std::uint64_t id = 0;
  OfferKind kind = OfferKind::exchange;
  UserId from = 0;
  UserId to = 0;
  std::int64_t expires_at_ms = 0;
};

struct GameRules {
  int proximity_radius = 5;           // tiles, as for nearby chat
  std::int64_t offer_ttl_ms = 60000;  // an offer not accepted within this expires
  std::size_t max_open_offers = 16;   // per sender, so nobody floods others with prompts
};

struct CheckInRequest {
  UserId actor = 0;
  bool actor_is_host = false;
  UserId target = 0;
  std::string invite_hash;     // self-service: the hash of the code the guest typed
  std::int64_t roster_id = 0;  // a host may name the roster entry; 0: the target's own
  bool target_at_desk = false;
};

struct CheckInPlan {
  std::int64_t roster_id = 0;
  UserId user = 0;
  bool already = false;  // checked in before: nothing to write, answer as success
};

struct PickPlan {
  UserId user = 0;
  int color = 0;
};

// An accepted offer: who swaps with whom, and for an exchange which colours change hands.
struct SwapPlan {
  Offer offer;
  int from_color = -1;  // exchange only
  int to_color = -1;
};

// What everyone sees on someone's avatar once they are checked in.
struct Look {
  bool graduate = false;     // cap and gown
  bool medal = false;        // a completed card
  std::uint32_t ribbon = 0;  // 0xRRGGBB of their sticker colour, 0 before picking
};

struct PersonView {
  UserId user = 0;
  std::int64_t roster_id = 0;
  std::string name;
  int color = -1;
  std::vector<int> held;  // palette indices, own colour included, ascending
  bool complete = false;
  std::set<UserId> exchanged;
  std::set<UserId> cards;
  std::size_t met() const;  // distinct people exchanged or swapped cards with
};

class Game {
 public:
  // Offer ids start at `first_offer_id`; the service seeds it from the clock so an offer id
  // from before a restart never names a new offer.
  explicit Game(GameRules rules = {}, std::uint64_t first_offer_id = 1);

  const GameRules& rules() const { return rules_; }
  const Palette& palette() const { return palette_; }
  // Replaces the palette; refused once anybody has picked (colours already handed out).
  Status set_palette(Palette palette);
  std::vector<int> picks_per_color() const;
  std::size_t suggested_color() const;

  // The roster as the store holds it (after an import or at start-up).
  void set_roster(std::vector<RosterEntry> entries);
  const std::map<std::int64_t, RosterEntry>& roster() const { return roster_; }
  // The roster entry whose invite `user` joined with, remembered for a host check-in. It is
  // kept by roster id, so it still holds after that graduate's code is reissued.
  void note_login(UserId user, const std::string& invite_hash);
  // The roster entry a check-in request names: its roster id, else the entry of the code it
  // carries, else the one the target joined with; 0 when none is on the roster.
  std::int64_t roster_for(const CheckInRequest& request) const;

  // Whether the actor may ask this at all (others and roster entries are for hosts).
  static Status may_check_in(const CheckInRequest& request);
  Result<CheckInPlan> plan_check_in(const CheckInRequest& request) const;
  void apply_check_in(const CheckInPlan& plan, std::int64_t now_ms);
  bool checked_in(UserId user) const { return people_.contains(user); }

  Result<PickPlan> plan_pick(UserId user, std::optional<int> color, bool at_booth) const;
  void apply_pick(const PickPlan& plan);

  // Offers: both people must stand in the same room within the radius, now.
  Result<Offer> open_offer(OfferKind kind, UserId from, UserId to,
                           const std::optional<Place>& from_place,
                           const std::optional<Place>& to_place, std::int64_t now_ms);
  // Accepting re-checks every rule at this moment (co-presence included) and removes the offer;
  // an expired offer is removed and refused.
  Result<SwapPlan> plan_accept(std::uint64_t offer_id, UserId acceptor,
                               const std::optional<Place>& from_place,
                               const std::optional<Place>& to_place, std::int64_t now_ms);
  void apply_swap(const SwapPlan& plan);
  std::optional<Offer> find_offer(std::uint64_t id) const;
  void take_offer(std::uint64_t id) { offers_.erase(id); }  // declined
  // Forgets expired offers (open_offer calls it, so the table stays bounded); returns them.
  std::vector<Offer> expire_offers(std::int64_t now_ms);

  // Restores what the store remembers (start-up): check-ins come with the roster; these add
  // colours and completed swaps.
  void restore_pick(UserId user, int color);
  void restore_swap(OfferKind kind, UserId a, UserId b);

  std::optional<PersonView> person(UserId user) const;
  std::vector<PersonView> people() const;
  Look look(UserId user) const;

  // Raffle tickets: one per completed card, plus one per `extra_every` distinct people met
  // (0: no extras). Sorted by user id.
  std::vector<std::pair<UserId, int>> raffle_tickets(int extra_every) const;

 private:
  struct Person {
    std::int64_t roster_id = 0;
    int color = -1;
    std::vector<int> received;  // count per palette index
    std::set<UserId> exchanged;
    std::set<UserId> cards;
  };
  Status check_pair(OfferKind kind, UserId from, UserId to) const;
  Status check_copresence(const std::optional<Place>& a, const std::optional<Place>& b) const;
  bool complete(const Person& p) const;
  PersonView view(UserId id, const Person& p) const;

  GameRules rules_;
  Palette palette_;
  std::map<std::int64_t, RosterEntry> roster_;
  std::unordered_map<std::string, std::int64_t> roster_by_invite_;
  std::unordered_map<UserId, std::int64_t> login_roster_;
  std::map<UserId, Person> people_;
  std::map<std::uint64_t, Offer> offers_;
  std::uint64_t next_offer_id_ = 1;
};

}  // namespace moim::graduation
