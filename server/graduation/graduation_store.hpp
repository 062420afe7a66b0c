#pragma once
// What graduation day writes down: the roster, check-ins, sticker colours, exchanges, business
// cards and their swaps, the palette and the raffles. Every write is committed before it
// returns, so a person is only told "done" about something that survives a crash.
//
// Exactly once. Requests from people carry a request key chosen by their client and reused when
// it retries; (user, key) is unique in `grad_requests`, written in the same transaction as the
// fact it produced. A retry finds its key and gets the earlier outcome instead of a second
// fact, unless the key now comes with a different request: each key is stored with a digest of
// what its request asked (the service writes it; see graduation/service.cpp), and the service
// refuses a key whose digest differs. Independently of keys, the facts have their own unique
// constraints: one check-in per roster entry and per account, one colour per person, one exchange
// and one card swap per unordered pair of people, one draw per raffle.
//
// The interface sits beside the rules that use it; store/sqlite_graduation_store.cpp implements
// it over SQLite.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace moim::graduation {

struct RosterInput {
  std::string name;
  std::string email;  // the key: a re-import updates the row with this email
  std::string cohort;
  std::string company;
};

struct RosterRecord {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::string cohort;
  std::string company;
  std::string invite_hash;  // SHA-256 of the graduate's invite code
  UserId user = 0;          // who checked in for them, 0 before
  std::int64_t checked_in_at_ms = 0;
};

struct RosterImportResult {
  int created = 0;
  int updated = 0;
  // Invite codes of the graduates created by this import, shown once (only hashes are kept).
  struct NewCode {
    std::int64_t roster_id = 0;
    std::string name;
    std::string email;
    std::string invite_code;
  };
  std::vector<NewCode> codes;
  int unchanged = 0;  // rows already on the roster exactly as in the file
};

// A graduate's replacement invite code, shown once. The invite row keeps its id and only its
// hash changes, so the old code stops working while whoever joined with it keeps their account.
struct ReissuedCode {
  std::int64_t roster_id = 0;
  std::string name;
  std::string email;
  std::string invite_code;
  bool joined = false;  // someone had joined with the old code already
};

// What a request key already produced.
enum class GradAction : std::uint8_t { check_in = 1, pick = 2, exchange = 3, card_swap = 4 };
struct PastRequest {
  GradAction action = GradAction::check_in;
  std::int64_t ref = 0;  // roster id, colour, exchange id or card swap id
  std::string digest;    // what the request asked; empty on keys stored before digests were
};

// A request key and the digest of what its request asked, written together.
struct RequestKey {
  std::string_view key;  // empty: no key, the fact is written alone
  std::string_view digest;
};

struct ExchangeRecord {
  std::int64_t id = 0;
  UserId a = 0;  // a < b
  UserId b = 0;
  int color_a = -1;
  int color_b = -1;
  std::int64_t at_ms = 0;
};

struct CardSwapRecord {
  std::int64_t id = 0;
  UserId a = 0;  // a < b
  UserId b = 0;
  std::int64_t at_ms = 0;
};

struct CardRecord {
  UserId user = 0;
  std::string name;
  std::string company;
  std::string role;
  std::vector<std::string> links;
};

struct PaletteColor {
  std::string name;
  std::uint32_t rgb = 0;
};

struct RaffleRecord {
  std::int64_t id = 0;
  int winners = 1;         // how many to draw
  int extra_every = 0;     // one extra ticket per this many people met; 0 none
  std::string seed_hex;    // secret until drawn
  std::string commitment;  // SHA-256(seed), published at creation
  std::int64_t created_at_ms = 0;
  std::int64_t drawn_at_ms = 0;      // 0: not drawn
  std::vector<std::string> tickets;  // as drawn (see graduation/raffle.hpp)
  std::vector<UserId> winner_ids;
};

// A keyed write's outcome: written now, or the key had been used (then `past` says for what).
struct Keyed {
  std::int64_t ref = 0;
  std::optional<PastRequest> past;
};

class GraduationStore {
 public:
  virtual ~GraduationStore() = default;

  // Upserts by email in one transaction; each new graduate gets a single-use attendee invite.
  // `make_code` makes a fresh invite code; its error (no randomness) is returned and nothing is
  // written. Only rows whose fields differ count as updated.
  virtual Result<RosterImportResult> import_roster(const std::vector<RosterInput>& rows,
                                                   Result<std::string> (*make_code)()) = 0;
  virtual Result<std::vector<RosterRecord>> roster() = 0;
  // Replaces graduate `roster_id`'s invite code (Errc::not_on_roster if there is none).
  virtual Result<ReissuedCode> reissue_code(std::int64_t roster_id,
                                            Result<std::string> (*make_code)()) = 0;
  // The account that joined with graduate `roster_id`'s invite code; 0 if nobody has yet.
  virtual Result<UserId> roster_account(std::int64_t roster_id) = 0;

  virtual Result<std::optional<PastRequest>> find_request(UserId user, std::string_view key) = 0;
  // Each keyed write: when (user, key) exists nothing is written and `past` is set (whatever
  // its digest: the caller decides between replay and conflict).
  virtual Result<Keyed> check_in(UserId user, RequestKey key, std::int64_t roster_id,
                                 std::int64_t at_ms) = 0;
  virtual Result<Keyed> pick_color(UserId user, RequestKey key, int color) = 0;
  // `acceptor` is the person whose request this was. Errc::already_exchanged if the pair has one.
  virtual Result<Keyed> record_exchange(UserId acceptor, RequestKey key,
                                        const ExchangeRecord& exchange) = 0;
  virtual Result<Keyed> record_card_swap(UserId acceptor, RequestKey key,
                                         const CardSwapRecord& swap) = 0;

  virtual Result<std::vector<std::pair<UserId, int>>> colors() = 0;
  virtual Result<std::vector<ExchangeRecord>> exchanges() = 0;
  virtual Result<std::optional<ExchangeRecord>> exchange(std::int64_t id) = 0;
  virtual Result<std::vector<CardSwapRecord>> card_swaps() = 0;

  virtual Status put_card(const CardRecord& card) = 0;
  virtual Result<std::vector<CardRecord>> cards() = 0;

  virtual Status set_palette(const std::vector<PaletteColor>& palette) = 0;
  virtual Result<std::vector<PaletteColor>> palette() = 0;  // empty: never set

  virtual Result<RaffleRecord> create_raffle(RaffleRecord raffle) = 0;
  // Errc::raffle_state if it was drawn already (the first draw stands).
  virtual Status record_draw(const RaffleRecord& drawn) = 0;
  virtual Result<std::optional<RaffleRecord>> raffle(std::int64_t id) = 0;
  virtual Result<std::vector<RaffleRecord>> raffles() = 0;
};

}  // namespace moim::graduation
