#include "store/sqlite_graduation_store.hpp"

#include <charconv>
#include <chrono>

#include "core/secret_hash.hpp"
#include "store/graduation_queries.hpp"
#include "store/sqlite_database.hpp"

namespace moim::store {
namespace {

// The types of the interface this file implements (graduation/graduation_store.hpp).
using namespace graduation;
namespace q = sql::grad;
using sqlite::Query;

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t db_id(UserId id) {
  return static_cast<std::int64_t>(id);
}

bool is_constraint(int rc) {
  return (rc & 0xFF) == SQLITE_CONSTRAINT;
}

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::vector<UserId> split_ids(const std::string& text) {
  std::vector<UserId> ids;
  for (const auto& part : split(text, ',')) {
    UserId id = 0;
    std::from_chars(part.data(), part.data() + part.size(), id);
    ids.push_back(id);
  }
  return ids;
}

class SqliteGraduationStore final : public GraduationStore {
 public:
  explicit SqliteGraduationStore(std::shared_ptr<sqlite::Database> db) : db_(std::move(db)) {}

  Result<RosterImportResult> import_roster(const std::vector<RosterInput>& rows,
                                           Result<std::string> (*make_code)()) override {
    const auto lock = db_->lock();
    sqlite::Transaction tx(db_->handle());
    if (tx.begin_result() != SQLITE_OK) return db_->internal("import roster: begin");
    RosterImportResult result;
    const auto now = now_ms();
    for (const auto& row : rows) {
      Query find(db_->prepare(q::find_roster_by_email));
      find.bind(1, row.email);
      const int rc = find.step();
      if (rc == SQLITE_ROW) {
        if (find.text(1) == row.name && find.text(2) == row.cohort && find.text(3) == row.company) {
          ++result.unchanged;
          continue;
        }
        Query update(db_->prepare(q::update_roster));
        update.bind(1, find.int64(0)).bind(2, row.name).bind(3, row.cohort).bind(4, row.company);
        if (update.step() != SQLITE_DONE) return db_->internal("update roster");
        ++result.updated;
        continue;
      }
      if (rc != SQLITE_DONE) return db_->internal("find roster");
      auto made = make_code();
      if (!made) return made.error();
      const std::string code = std::move(*made);
      const std::string hash = sha256_hex(normalize_invite_code(code));
      Query invite(db_->prepare(q::insert_invite));
      invite.bind(1, hash).bind(2, now);
      if (invite.step() != SQLITE_DONE) return db_->internal("create roster invite");
      Query insert(db_->prepare(q::insert_roster));
      insert.bind(1, row.name).bind(2, row.email).bind(3, row.cohort).bind(4, row.company);
      insert.bind(5, hash).bind(6, now);
      if (insert.step() != SQLITE_DONE) return db_->internal("insert roster");
      result.codes.push_back({db_->last_insert_id(), row.name, row.email, code});
      ++result.created;
    }
    if (tx.commit() != SQLITE_OK) return db_->internal("import roster: commit");
    return result;
  }

  Result<std::vector<RosterRecord>> roster() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::roster));
    std::vector<RosterRecord> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) {
      out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                     static_cast<UserId>(r.int64(6)), r.int64(7)});
    }
    if (rc != SQLITE_DONE) return db_->internal("roster");
    return out;
  }

  Result<ReissuedCode> reissue_code(std::int64_t roster_id,
                                    Result<std::string> (*make_code)()) override {
    const auto lock = db_->lock();
    sqlite::Transaction tx(db_->handle());
    if (tx.begin_result() != SQLITE_OK) return db_->internal("reissue code: begin");
    Query find(db_->prepare(q::roster_entry));
    find.bind(1, roster_id);
    const int rc = find.step();
    if (rc == SQLITE_DONE) return Error{Errc::not_on_roster, "no such graduate on the roster"};
    if (rc != SQLITE_ROW) return db_->internal("find roster entry");
    auto made = make_code();
    if (!made) return made.error();
    ReissuedCode out{roster_id, find.text(0), find.text(1), std::move(*made), find.int64(3) > 0};
    const std::string old_hash = find.text(2);
    const std::string hash = sha256_hex(normalize_invite_code(out.invite_code));
    Query invite(db_->prepare(q::rehash_invite));
    invite.bind(1, old_hash).bind(2, hash);
    if (invite.step() != SQLITE_DONE) return db_->internal("reissue invite");
    if (db_->changes() != 1) {
      // The invite row is gone (never in a database moim wrote): make a fresh single-use one.
      Query fresh(db_->prepare(q::insert_invite));
      fresh.bind(1, hash).bind(2, now_ms());
      if (fresh.step() != SQLITE_DONE) return db_->internal("create roster invite");
    }
    Query entry(db_->prepare(q::rehash_roster));
    entry.bind(1, roster_id).bind(2, hash);
    if (entry.step() != SQLITE_DONE) return db_->internal("reissue roster code");
    if (tx.commit() != SQLITE_OK) return db_->internal("reissue code: commit");
    return out;
  }

  Result<UserId> roster_account(std::int64_t roster_id) override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::roster_account));
    r.bind(1, roster_id);
    const int rc = r.step();
    if (rc == SQLITE_DONE) return UserId{0};
    if (rc != SQLITE_ROW) return db_->internal("roster account");
    return static_cast<UserId>(r.int64(0));
  }

  Result<std::optional<PastRequest>> find_request(UserId user, std::string_view key) override {
    const auto lock = db_->lock();
    return past(user, key);
  }

  Result<Keyed> check_in(UserId user, RequestKey key, std::int64_t roster_id,
                         std::int64_t at_ms) override {
    return keyed(user, key, GradAction::check_in, [&]() -> Result<std::int64_t> {
      Query w(db_->prepare(q::insert_checkin));
      w.bind(1, roster_id).bind(2, db_id(user)).bind(3, at_ms);
      const int rc = w.step();
      if (is_constraint(rc)) return Error{Errc::forbidden, "already checked in"};
      if (rc != SQLITE_DONE) return db_->internal("check in");
      return roster_id;
    });
  }

  Result<Keyed> pick_color(UserId user, RequestKey key, int color) override {
    return keyed(user, key, GradAction::pick, [&]() -> Result<std::int64_t> {
      Query w(db_->prepare(q::insert_color));
      w.bind(1, db_id(user)).bind(2, std::int64_t{color}).bind(3, now_ms());
      const int rc = w.step();
      if (is_constraint(rc)) return Error{Errc::color_already_picked, "a colour is picked"};
      if (rc != SQLITE_DONE) return db_->internal("pick colour");
      return std::int64_t{color};
    });
  }

  Result<Keyed> record_exchange(UserId acceptor, RequestKey key, const ExchangeRecord& e) override {
    return keyed(acceptor, key, GradAction::exchange, [&]() -> Result<std::int64_t> {
      Query w(db_->prepare(q::insert_exchange));
      w.bind(1, db_id(e.a)).bind(2, db_id(e.b)).bind(3, std::int64_t{e.color_a});
      w.bind(4, std::int64_t{e.color_b}).bind(5, e.at_ms);
      const int rc = w.step();
      if (is_constraint(rc)) {
        return Error{Errc::already_exchanged, "you have exchanged stickers with them already"};
      }
      if (rc != SQLITE_DONE) return db_->internal("record exchange");
      return db_->last_insert_id();
    });
  }

  Result<Keyed> record_card_swap(UserId acceptor, RequestKey key,
                                 const CardSwapRecord& s) override {
    return keyed(acceptor, key, GradAction::card_swap, [&]() -> Result<std::int64_t> {
      Query w(db_->prepare(q::insert_card_swap));
      w.bind(1, db_id(s.a)).bind(2, db_id(s.b)).bind(3, s.at_ms);
      const int rc = w.step();
      if (is_constraint(rc)) {
        return Error{Errc::already_exchanged, "you have swapped cards with them already"};
      }
      if (rc != SQLITE_DONE) return db_->internal("record card swap");
      return db_->last_insert_id();
    });
  }

  Result<std::vector<std::pair<UserId, int>>> colors() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::colors));
    std::vector<std::pair<UserId, int>> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) {
      out.emplace_back(static_cast<UserId>(r.int64(0)), static_cast<int>(r.int64(1)));
    }
    if (rc != SQLITE_DONE) return db_->internal("colours");
    return out;
  }

  Result<std::vector<ExchangeRecord>> exchanges() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::exchanges));
    std::vector<ExchangeRecord> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) out.push_back(read_exchange(r));
    if (rc != SQLITE_DONE) return db_->internal("exchanges");
    return out;
  }

  Result<std::optional<ExchangeRecord>> exchange(std::int64_t id) override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::exchange));
    r.bind(1, id);
    const int rc = r.step();
    if (rc == SQLITE_DONE) return std::optional<ExchangeRecord>{};
    if (rc != SQLITE_ROW) return db_->internal("exchange");
    return std::optional<ExchangeRecord>{read_exchange(r)};
  }

  Result<std::vector<CardSwapRecord>> card_swaps() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::card_swaps));
    std::vector<CardSwapRecord> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) {
      out.push_back({r.int64(0), static_cast<UserId>(r.int64(1)), static_cast<UserId>(r.int64(2)),
                     r.int64(3)});
    }
    if (rc != SQLITE_DONE) return db_->internal("card swaps");
    return out;
  }

  Status put_card(const CardRecord& card) override {
    const auto lock = db_->lock();
    Query w(db_->prepare(q::put_card));
    w.bind(1, db_id(card.user)).bind(2, card.name).bind(3, card.company).bind(4, card.role);
    w.bind(5, join(card.links, '\n'));
    if (w.step() != SQLITE_DONE) return db_->internal("put card");
    return ok();
  }

  Result<std::vector<CardRecord>> cards() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::cards));
    std::vector<CardRecord> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) {
      out.push_back({static_cast<UserId>(r.int64(0)), r.text(1), r.text(2), r.text(3),
                     split(r.text(4), '\n')});
    }
    if (rc != SQLITE_DONE) return db_->internal("cards");
    return out;
  }

  Status set_palette(const std::vector<PaletteColor>& palette) override {
    const auto lock = db_->lock();
    sqlite::Transaction tx(db_->handle());
    if (tx.begin_result() != SQLITE_OK) return db_->internal("palette: begin");
    Query clear(db_->prepare(q::clear_palette));
    if (clear.step() != SQLITE_DONE) return db_->internal("clear palette");
    for (std::size_t i = 0; i < palette.size(); ++i) {
      Query w(db_->prepare(q::insert_palette));
      w.bind(1, static_cast<std::int64_t>(i)).bind(2, palette[i].name);
      w.bind(3, static_cast<std::int64_t>(palette[i].rgb));
      if (w.step() != SQLITE_DONE) return db_->internal("set palette");
    }
    if (tx.commit() != SQLITE_OK) return db_->internal("palette: commit");
    return ok();
  }

  Result<std::vector<PaletteColor>> palette() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::palette));
    std::vector<PaletteColor> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) {
      out.push_back({r.text(0), static_cast<std::uint32_t>(r.int64(1))});
    }
    if (rc != SQLITE_DONE) return db_->internal("palette");
    return out;
  }

  Result<RaffleRecord> create_raffle(RaffleRecord raffle) override {
    const auto lock = db_->lock();
    raffle.created_at_ms = now_ms();
    Query w(db_->prepare(q::insert_raffle));
    w.bind(1, std::int64_t{raffle.winners}).bind(2, std::int64_t{raffle.extra_every});
    w.bind(3, raffle.seed_hex).bind(4, raffle.commitment).bind(5, raffle.created_at_ms);
    if (w.step() != SQLITE_DONE) return db_->internal("create raffle");
    raffle.id = db_->last_insert_id();
    return raffle;
  }

  Status record_draw(const RaffleRecord& drawn) override {
    const auto lock = db_->lock();
    std::vector<std::string> winners;
    for (auto id : drawn.winner_ids) winners.push_back(std::to_string(id));
    Query w(db_->prepare(q::draw_raffle));
    w.bind(1, drawn.id).bind(2, drawn.drawn_at_ms).bind(3, join(drawn.tickets, '\n'));
    w.bind(4, join(winners, ','));
    if (w.step() != SQLITE_DONE) return db_->internal("record draw");
    if (db_->changes() != 1) return Error{Errc::raffle_state, "this raffle was drawn already"};
    return ok();
  }

  Result<std::optional<RaffleRecord>> raffle(std::int64_t id) override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::raffle));
    r.bind(1, id);
    const int rc = r.step();
    if (rc == SQLITE_DONE) return std::optional<RaffleRecord>{};
    if (rc != SQLITE_ROW) return db_->internal("raffle");
    return std::optional<RaffleRecord>{read_raffle(r)};
  }

  Result<std::vector<RaffleRecord>> raffles() override {
    const auto lock = db_->lock();
    Query r(db_->prepare(q::raffles));
    std::vector<RaffleRecord> out;
    int rc = SQLITE_OK;
    while ((rc = r.step()) == SQLITE_ROW) out.push_back(read_raffle(r));
    if (rc != SQLITE_DONE) return db_->internal("raffles");
    return out;
  }

 private:
  // With the lock held.
  Result<std::optional<PastRequest>> past(UserId user, std::string_view key) {
    Query r(db_->prepare(q::find_request));
    r.bind(1, db_id(user)).bind(2, key);
    const int rc = r.step();
    if (rc == SQLITE_DONE) return std::optional<PastRequest>{};
    if (rc != SQLITE_ROW) return db_->internal("find request");
    return std::optional<PastRequest>{
        PastRequest{static_cast<GradAction>(r.int64(0)), r.int64(1), r.text(2)}};
  }

  // One transaction: the key is looked up, the fact written by `write` (which returns its ref),
  // the key recorded with that ref and its digest, then committed. An empty key writes the fact
  // alone.
  template <typename Write>
  Result<Keyed> keyed(UserId user, RequestKey key, GradAction action, Write&& write) {
    const auto lock = db_->lock();
    sqlite::Transaction tx(db_->handle());
    if (tx.begin_result() != SQLITE_OK) return db_->internal("begin");
    if (!key.key.empty()) {
      auto earlier = past(user, key.key);
      if (!earlier) return earlier.error();
      if (*earlier) return Keyed{(*earlier)->ref, **earlier};
    }
    auto ref = write();
    if (!ref) return ref.error();
    if (!key.key.empty()) {
      Query w(db_->prepare(q::insert_request));
      w.bind(1, db_id(user)).bind(2, key.key).bind(3, static_cast<std::int64_t>(action));
      w.bind(4, *ref).bind(5, now_ms()).bind(6, key.digest);
      if (w.step() != SQLITE_DONE) return db_->internal("record request key");
    }
    if (tx.commit() != SQLITE_OK) return db_->internal("commit");
    return Keyed{*ref, std::nullopt};
  }

  static ExchangeRecord read_exchange(const Query& r) {
    return {r.int64(0),
            static_cast<UserId>(r.int64(1)),
            static_cast<UserId>(r.int64(2)),
            static_cast<int>(r.int64(3)),
            static_cast<int>(r.int64(4)),
            r.int64(5)};
  }

  static RaffleRecord read_raffle(const Query& r) {
    RaffleRecord raffle;
    raffle.id = r.int64(0);
    raffle.winners = static_cast<int>(r.int64(1));
    raffle.extra_every = static_cast<int>(r.int64(2));
    raffle.seed_hex = r.text(3);
    raffle.commitment = r.text(4);
    raffle.created_at_ms = r.int64(5);
    raffle.drawn_at_ms = r.int64(6);
    raffle.tickets = split(r.text(7), '\n');
    raffle.winner_ids = split_ids(r.text(8));
    return raffle;
  }

  std::shared_ptr<sqlite::Database> db_;
};

}  // namespace

std::unique_ptr<graduation::GraduationStore> make_sqlite_graduation_store(
    std::shared_ptr<sqlite::Database> db) {
  return std::make_unique<SqliteGraduationStore>(std::move(db));
}

}  // namespace moim::store
