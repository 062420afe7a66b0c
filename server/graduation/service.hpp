#pragma once
// Graduation day as the server runs it: the rules (Game) over what the store remembers. One
// instance per server, shared by every room strand and the host API, so it is the one place
// with a mutex; each call checks the rules, writes the change to the store and only then
// applies it in memory and answers. A refused or failed call changes nothing.
//
// Co-presence is proven by the caller: rooms pass a PlaceOf that reads positions from their own
// state on their strand, and the service evaluates it while it decides, so "both were there"
// holds at the moment the exchange is written.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graduation/game.hpp"
#include "graduation/graduation_store.hpp"

namespace moim::graduation {

using PlaceOf = std::function<std::optional<Place>(UserId)>;

inline constexpr std::size_t kMaxRequestKey = 64;

struct CheckInOutcome {
  std::int64_t roster_id = 0;
  std::string name;
  UserId user = 0;
  bool already = false;
};

struct SwapOutcome {
  OfferKind kind = OfferKind::exchange;
  std::int64_t id = 0;
  UserId from = 0;
  UserId to = 0;
  int from_color = -1;
  int to_color = -1;
  bool replayed = false;
};

// Everything a person's HUD shows.
struct StateView {
  bool checked_in = false;
  std::string name;
  int color = -1;
  Palette palette;
  std::vector<int> picked;
  int suggested = 0;
  std::vector<int> held;
  bool complete = false;
  std::size_t met = 0;
  Card my_card;
  std::vector<std::pair<UserId, Card>> cards;  // received, by whom
  int tickets = 0;
};

struct Counts {
  std::size_t expected = 0;
  std::size_t arrived = 0;
  std::vector<RosterEntry> missing;
};

struct LeaderboardRow {
  UserId user = 0;
  std::string name;
  std::size_t met = 0;
  std::size_t exchanges = 0;
  std::size_t cards = 0;
  bool complete = false;
};

struct DrawOutcome {
  RaffleRecord raffle;
  std::vector<std::pair<UserId, std::string>> winners;  // in the order drawn
  bool already = false;                                 // drawn before: this is that draw
};

class Service {
 public:
  // Loads the roster, palette, colours, exchanges, swaps and cards; throws std::runtime_error
  // when the store cannot be read (start-up only).
  Service(GraduationStore& store, GameRules rules, std::uint64_t first_offer_id);

  // --- people (from room strands) -----------------------------------------------------------
  void note_login(UserId user, const std::string& invite_hash);
  Look look(UserId user) const;
  std::string name_of(UserId user) const;
  // Request keys: a retry with the same key and the same request gets the earlier outcome; the
  // same key with a different request gets Errc::conflict and changes nothing.
  Result<CheckInOutcome> check_in(const CheckInRequest& request, std::string_view key,
                                  std::int64_t now_ms);
  Result<int> pick(UserId user, std::optional<int> color, bool at_booth, std::string_view key);
  Result<Offer> offer(OfferKind kind, UserId from, UserId to, const PlaceOf& place_of,
                      std::int64_t now_ms);
  Result<SwapOutcome> accept(std::uint64_t offer_id, UserId acceptor, std::string_view key,
                             const PlaceOf& place_of, std::int64_t now_ms);
  Result<Offer> decline(std::uint64_t offer_id, UserId decliner);
  Status set_card(UserId user, Card card);
  Card card_of(UserId user) const;
  StateView state(UserId user) const;
  std::string vcards(UserId user) const;

  // --- hosts ----------------------------------------------------------------------------------
  Result<RosterImportResult> import_roster(std::string_view csv);
  // A new invite code for a graduate who lost theirs (see ReissuedCode).
  Result<ReissuedCode> reissue_code(std::int64_t roster_id);
  // Checks in the account that joined with graduate `roster_id`'s code, without the desk (the
  // host vouches). Once: a second call answers `already`. Errc::not_joined before they join.
  Result<CheckInOutcome> check_in_roster(std::int64_t roster_id, std::int64_t now_ms);
  Palette palette() const;
  std::vector<int> picks() const;
  Status set_palette(Palette palette);
  Counts counts() const;
  std::map<std::int64_t, RosterEntry> roster() const;
  Result<RaffleRecord> create_raffle(int winners, int extra_every);
  Result<DrawOutcome> draw(std::int64_t raffle_id, std::int64_t now_ms);
  Result<std::optional<RaffleRecord>> raffle(std::int64_t raffle_id);
  std::vector<LeaderboardRow> leaderboard(std::size_t limit) const;
  std::string results_csv();

 private:
  Status check_key(std::string_view key) const;
  Card card_locked(UserId user) const;
  Result<SwapOutcome> replay(const PastRequest& past, std::string_view digest, UserId acceptor);
  Result<CheckInOutcome> replay_check_in(const PastRequest& past, std::string_view digest,
                                         UserId target) const;
  Result<CheckInOutcome> write_check_in(const CheckInPlan& plan, RequestKey key,
                                        std::int64_t now_ms);
  Status reload_roster();
  int tickets_locked(UserId user) const;
  void load();

  GraduationStore& store_;
  mutable std::mutex mutex_;
  Game game_;
  std::map<UserId, Card> cards_;
  int extra_every_ = 0;  // of the latest raffle, for the tickets people see
};

}  // namespace moim::graduation
