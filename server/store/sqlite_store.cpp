#include "store/sqlite_store.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/secret_hash.hpp"
#include "moim/proto/text.hpp"
#include "store/migrations.hpp"
#include "store/name_marks.hpp"
#include "store/sqlite_database.hpp"
#include "store/sqlite_graduation_store.hpp"
#include "store/sqlite_programme_store.hpp"
#include "store/sqlite_queries.hpp"

namespace moim::store {
namespace {

using sqlite::Query;

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t to_db(UserId id) {
  return static_cast<std::int64_t>(id);
}
UserId to_user_id(std::int64_t id) {
  return static_cast<UserId>(id);
}

std::optional<Role> role_from_db(std::int64_t value) {
  switch (value) {
    case 1:
      return Role::attendee;
    case 2:
      return Role::host;
    case 3:
      return Role::admin;
    default:
      return std::nullopt;
  }
}
std::int64_t to_db(Role role) {
  return static_cast<std::int64_t>(role);
}

struct Invite {
  std::int64_t id = 0;
  Role role = Role::attendee;
  std::int64_t max_uses = 0;
  std::int64_t uses = 0;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::shared_ptr<sqlite::Database> db)
      : db_(std::move(db)),
        graduation_(make_sqlite_graduation_store(db_)),
        programme_(std::make_unique<programme::SqliteProgrammeStore>(db_)) {}

  GraduationStore& graduation() override { return *graduation_; }
  programme::ProgrammeStore& programme() override { return *programme_; }

  Status create_invite(std::string_view code, Role role, int max_uses,
                       std::string_view label) override {
    const std::string normalized = normalize_invite_code(code);
    if (normalized.empty()) return Error{Errc::bad_request, "empty invite code"};
    if (max_uses < 0) return Error{Errc::bad_request, "max_uses must be 0 (unlimited) or more"};
    if (!may_hold_invite(role)) {
      return Error{Errc::bad_request, "an invite's role is " + role_names(&RoleInfo::invite)};
    }
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::insert_invite));
    q.bind(1, sha256_hex(normalized)).bind(2, to_db(role)).bind(3, max_uses);
    q.bind(4, label).bind(5, now_ms());
    return done(q.step(), "create invite", "invite code already exists");
  }

  Result<User> redeem_invite(std::string_view code, std::string_view display_name,
                             std::string_view device_key) override {
    const std::string hash = sha256_hex(normalize_invite_code(code));
    const auto lock = db_->lock();
    // One write transaction for find → check uses → create → bump, so concurrent redeems (even
    // from another process on the same file) can never exceed max_uses or share a name.
    sqlite::Transaction tx(db_->handle());
    if (tx.begin_result() != SQLITE_OK) return internal("redeem invite: begin");
    auto invite = find_invite(hash);
    if (!invite) return invite.error();
    auto user = invite->max_uses == 1 ? redeem_by_name(*invite, display_name)
                                      : redeem_by_device(*invite, display_name, device_key);
    if (!user) return user.error();
    if (tx.commit() != SQLITE_OK) return internal("redeem invite: commit");
    return user;
  }

  Result<User> create_guest(std::string_view display_name) override {
    const auto lock = db_->lock();
    const std::int64_t created = now_ms();
    Query q(db_->prepare(sql::insert_guest));
    q.bind(1, display_name).bind(2, to_db(Role::attendee)).bind(3, created);
    if (q.step() != SQLITE_DONE) return internal("create guest");
    return User{last_id(), std::string(display_name), Role::attendee, created};
  }

  Result<std::optional<User>> find_user(UserId id) override {
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::find_user));
    q.bind(1, to_db(id));
    return read_user(q, "find user");
  }

  Status create_host_token(std::string_view token, Role role, std::string_view label) override {
    if (token.empty()) return Error{Errc::bad_request, "empty host token"};
    if (!may_hold_token(role)) {
      return Error{Errc::bad_request, "a host token's role is " + role_names(&RoleInfo::token) +
                                          ", not " + std::string(role_name(role))};
    }
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::insert_host_token));
    q.bind(1, sha256_hex(token)).bind(2, to_db(role)).bind(3, label).bind(4, now_ms());
    return done(q.step(), "create host token", "host token already exists");
  }

  Result<std::optional<Role>> role_for_token(std::string_view token) override {
    if (token.empty()) return std::optional<Role>{};
    const std::string hash = sha256_hex(token);
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::find_host_token));
    q.bind(1, hash);
    const int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return internal("find host token");
    if (rc == SQLITE_DONE) return std::optional<Role>{};
    const auto role = role_from_db(q.int64(0));
    if (!role) return Error{Errc::internal, "host token has an unknown role"};
    return std::optional<Role>{*role};
  }

  Result<ChatRecord> append_chat(ChatRecord record) override {
    if (record.sent_at_ms == 0) record.sent_at_ms = now_ms();
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::insert_chat));
    q.bind(1, record.room).bind(2, to_db(record.user_id)).bind(3, record.display_name);
    q.bind(4, record.text).bind(5, record.sent_at_ms);
    if (q.step() != SQLITE_DONE) return internal("append chat");
    record.id = db_->last_insert_id();
    return record;
  }

  Result<std::vector<ChatRecord>> recent_chat(std::string_view room, std::size_t limit) override {
    constexpr auto max_limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    const auto lock = db_->lock();
    Query q(db_->prepare(sql::recent_chat));
    q.bind(1, room).bind(2, static_cast<std::int64_t>(std::min(limit, max_limit)));
    std::vector<ChatRecord> records;
    int rc = SQLITE_OK;
    while ((rc = q.step()) == SQLITE_ROW) {
      records.push_back(ChatRecord{q.int64(0), q.text(1), to_user_id(q.int64(2)), q.text(3),
                                   q.text(4), q.int64(5)});
    }
    if (rc != SQLITE_DONE) return internal("recent chat");
    std::reverse(records.begin(), records.end());
    return records;
  }

  Status put_ban(const Sanction& ban) override { return put(sql::bans, ban, "ban"); }
  Status lift_ban(UserId user) override { return lift(sql::bans, user, "lift ban"); }
  Result<std::optional<Sanction>> active_ban(UserId user, std::int64_t now) override {
    return active(sql::bans, user, now, "active ban");
  }
  Status put_mute(const Sanction& mute) override { return put(sql::mutes, mute, "mute"); }
  Status lift_mute(UserId user) override { return lift(sql::mutes, user, "lift mute"); }
  Result<std::optional<Sanction>> active_mute(UserId user, std::int64_t now) override {
    return active(sql::mutes, user, now, "active mute");
  }

 private:
  // --- helpers below run with the database lock held ---

  Error internal(std::string_view what) const { return db_->internal(what); }
  Status done(int rc, std::string_view what, std::string_view duplicate) const {
    return db_->done(rc, what, duplicate);
  }

  UserId last_id() const { return to_user_id(db_->last_insert_id()); }

  Result<Invite> find_invite(const std::string& hash) {
    Query q(db_->prepare(sql::find_invite));
    q.bind(1, hash);
    const int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return internal("find invite");
    if (rc == SQLITE_DONE) {
      return Error{Errc::invalid_invite, "unknown invite code"};
    }
    const auto role = role_from_db(q.int64(1));
    if (!role) return Error{Errc::internal, "invite has an unknown role"};
    return Invite{q.int64(0), *role, q.int64(2), q.int64(3)};
  }

  // A single-use code names one person: the code and their name bring them back.
  Result<User> redeem_by_name(const Invite& invite, std::string_view name) {
    auto existing = find_one(sql::find_invited_user, invite.id, name, "find invited user");
    if (!existing) return existing.error();
    if (*existing) return std::move(**existing);  // the same person again: consumes nothing
    if (auto left = check_uses(invite); !left) return left.error();
    return create_user(invite, name, {});
  }

  // A shared code: the device is the person, the name only what they are called.
  Result<User> redeem_by_device(const Invite& invite, std::string_view name,
                                std::string_view device_key) {
    if (auto usable = check_device_key(device_key); !usable) return usable.error();
    const std::string device = sha256_hex(device_key);
    auto known = find_one(sql::find_device_user, invite.id, device, "find device user");
    if (!known) return known.error();
    if (*known) return rename(invite.id, std::move(**known), name);
    auto unclaimed = find_one(sql::find_unclaimed_user, invite.id, name, "find unclaimed user");
    if (!unclaimed) return unclaimed.error();
    if (*unclaimed) {
      if (auto claimed = set_text(sql::claim_user, (*unclaimed)->id, device); !claimed) {
        return claimed.error();
      }
      return std::move(**unclaimed);
    }
    if (auto left = check_uses(invite); !left) return left.error();
    auto free = free_name(invite.id, name, 0, {});
    if (!free) return free.error();
    return create_user(invite, *free, device);
  }

  static Status check_device_key(std::string_view key) {
    if (key.empty()) {
      return Error{Errc::bad_request,
                   "this invite code is shared by many people: Join must carry a device_key "
                   "(a random secret this device keeps and sends on every join)"};
    }
    if (key.size() < kMinDeviceKeyBytes || key.size() > kMaxDeviceKeyBytes) {
      return Error{Errc::bad_request, "device_key must be " + std::to_string(kMinDeviceKeyBytes) +
                                          " to " + std::to_string(kMaxDeviceKeyBytes) + " bytes"};
    }
    return ok();
  }

  Status check_uses(const Invite& invite) const {
    if (invite.max_uses != 0 && invite.uses >= invite.max_uses) {
      return Error{Errc::invalid_invite, "invite code has been used up"};
    }
    return ok();
  }

  Result<User> create_user(const Invite& invite, std::string_view name, std::string_view device) {
    auto user = insert_user(name, invite.role, invite.id, device);
    if (!user) return user.error();
    if (auto used = bump_invite(invite.id); !used) return used.error();
    return user;
  }

  // The same device under another name: they keep their identity and take the new name (or,
  // when someone else has it, a marked form of it).
  Result<User> rename(std::int64_t invite, User user, std::string_view wanted) {
    if (user.display_name == wanted) return user;
    // A banned person's join is refused (by the caller); it must not change their name either,
    // or the name they were banned under would be freed for them to hide behind.
    auto banned = active_unlocked(sql::bans, user.id, now_ms(), "active ban");
    if (!banned) return banned.error();
    if (*banned) return user;
    auto chosen = free_name(invite, wanted, user.id, user.display_name);
    if (!chosen) return chosen.error();
    if (*chosen == user.display_name) return user;
    if (auto renamed = set_text(sql::rename_user, user.id, *chosen); !renamed) {
      return renamed.error();
    }
    user.display_name = std::move(*chosen);
    return user;
  }

  // `wanted` if no one else on the invite has it; else the mark `current` already carries; else
  // the first free "wanted (n)". The unique index users_invite_name backs this up.
  Result<std::string> free_name(std::int64_t invite, std::string_view wanted, UserId self,
                                std::string_view current) {
    auto taken = name_taken(invite, wanted, self);
    if (!taken) return taken.error();
    if (!*taken) return std::string(wanted);
    if (!current.empty() && is_marked_form(current, wanted, proto::kMaxNameChars))
      return std::string(current);
    for (int n = 2; n <= kMaxNameMarks; ++n) {
      std::string candidate = marked_name(wanted, n, proto::kMaxNameChars);
      auto other = name_taken(invite, candidate, self);
      if (!other) return other.error();
      if (!*other) return candidate;
    }
    return Error{Errc::invalid_name,
                 "too many people on this invite code use that name; pick "
                 "another"};
  }

  Result<bool> name_taken(std::int64_t invite, std::string_view name, UserId self) {
    Query q(db_->prepare(sql::name_taken));
    q.bind(1, invite).bind(2, name).bind(3, to_db(self));
    const int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return internal("check name");
    return rc == SQLITE_ROW;
  }

  Status set_text(std::string_view statement, UserId id, std::string_view value) {
    Query q(db_->prepare(statement));
    q.bind(1, to_db(id)).bind(2, value);
    const int rc = q.step();
    if (rc == SQLITE_DONE) return ok();
    return internal("update user");
  }

  // Reads the person a (invite, text) lookup finds, if any.
  Result<std::optional<User>> find_one(std::string_view statement, std::int64_t invite,
                                       std::string_view value, std::string_view what) {
    Query q(db_->prepare(statement));
    q.bind(1, invite).bind(2, value);
    return read_user(q, what);
  }

  // Reads at most one user row (id, display_name, role, created_at_ms) from `q`.
  Result<std::optional<User>> read_user(Query& q, std::string_view what) const {
    const int rc = q.step();
    if (rc == SQLITE_DONE) return std::optional<User>{};
    if (rc != SQLITE_ROW) return internal(what);
    const auto role = role_from_db(q.int64(2));
    if (!role) return Error{Errc::internal, "user has an unknown role"};
    return std::optional<User>{User{to_user_id(q.int64(0)), q.text(1), *role, q.int64(3)}};
  }

  // `device` empty: a single-use code's person, who has no device recorded.
  Result<User> insert_user(std::string_view name, Role role, std::int64_t invite,
                           std::string_view device) {
    const std::int64_t created = now_ms();
    Query q(db_->prepare(device.empty() ? sql::insert_user : sql::insert_device_user));
    q.bind(1, name).bind(2, to_db(role)).bind(3, invite).bind(4, created);
    if (!device.empty()) q.bind(5, device);
    if (q.step() != SQLITE_DONE) return internal("create user");
    return User{last_id(), std::string(name), role, created};
  }

  Status bump_invite(std::int64_t invite) {
    Query q(db_->prepare(sql::use_invite));
    q.bind(1, invite);
    if (q.step() != SQLITE_DONE) return internal("use invite");
    return ok();
  }

  Status put(const sql::SanctionQueries& table, const Sanction& s, std::string_view what) {
    const auto lock = db_->lock();
    Query q(db_->prepare(table.put));
    q.bind(1, to_db(s.user_id)).bind(2, s.until_ms).bind(3, s.reason).bind(4, to_db(s.by));
    q.bind(5, now_ms());
    const int rc = q.step();
    if (rc == SQLITE_DONE) return ok();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_user, "no such user"};
    return internal(what);
  }

  Status lift(const sql::SanctionQueries& table, UserId user, std::string_view what) {
    const auto lock = db_->lock();
    Query q(db_->prepare(table.lift));
    q.bind(1, to_db(user));
    if (q.step() != SQLITE_DONE) return internal(what);
    return ok();
  }

  Result<std::optional<Sanction>> active(const sql::SanctionQueries& table, UserId user,
                                         std::int64_t now, std::string_view what) {
    const auto lock = db_->lock();
    return active_unlocked(table, user, now, what);
  }

  Result<std::optional<Sanction>> active_unlocked(const sql::SanctionQueries& table, UserId user,
                                                  std::int64_t now, std::string_view what) {
    Query q(db_->prepare(table.active));
    q.bind(1, to_db(user)).bind(2, now);
    const int rc = q.step();
    if (rc == SQLITE_DONE) return std::optional<Sanction>{};
    if (rc != SQLITE_ROW) return internal(what);
    return std::optional<Sanction>{
        Sanction{to_user_id(q.int64(0)), q.int64(1), q.text(2), to_user_id(q.int64(3))}};
  }

  std::shared_ptr<sqlite::Database> db_;
  std::unique_ptr<GraduationStore> graduation_;
  std::unique_ptr<programme::ProgrammeStore> programme_;
};

[[noreturn]] void fail_open(const std::string& name, const std::string& why) {
  throw std::runtime_error("store " + name + ": " + why);
}

void create_parent(const std::filesystem::path& file) {
  const auto parent = file.parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    fail_open(file.string(), "cannot create directory " + parent.string() + ": " + ec.message());
}

// The single-row answer of a PRAGMA such as journal_mode, or "" if it has none.
std::string pragma_text(sqlite3* db, const char* pragma) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, pragma, -1, &raw, nullptr) != SQLITE_OK) return {};
  const sqlite::StmtPtr stmt(raw);
  Query q(stmt.get());
  return q.step() == SQLITE_ROW ? q.text(0) : std::string{};
}

void configure(sqlite3* db, const std::string& name, bool in_memory) {
  sqlite3_extended_result_codes(db, 1);  // tells a foreign-key failure from a duplicate
  // Only another connection (a backup, the sqlite3 shell, a second process) can hold the lock:
  // our own calls are serialised. Wait for it rather than failing a person's action; callers
  // of this store then wait too, at most this long, before getting Errc::internal.
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers never block the writer and a commit is one append. An in-memory database
  // answers "memory", which is fine; a file that refuses WAL is a start-up error.
  const std::string mode = pragma_text(db, "PRAGMA journal_mode=WAL");
  if (mode.empty()) fail_open(name, sqlite::errmsg(db));
  if (!in_memory && mode != "wal") fail_open(name, "cannot use WAL journal (got '" + mode + "')");
  // NORMAL in WAL mode: durable against a crash of this process (see sqlite_store.hpp).
  if (sqlite::exec(db, "PRAGMA synchronous=NORMAL") != SQLITE_OK ||
      sqlite::exec(db, "PRAGMA foreign_keys=ON") != SQLITE_OK) {
    fail_open(name, sqlite::errmsg(db));
  }
  if (sqlite3_db_readonly(db, "main") == 1) fail_open(name, "file is read-only");
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& file) {
  const bool in_memory = file == ":memory:";
  const std::string name = file.string();
  if (!in_memory) create_parent(file);
  sqlite3* raw = nullptr;
  // NOMUTEX: sqlite::Database serialises every call itself.
  const int rc =
      sqlite3_open_v2(name.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  sqlite::DbPtr db(raw);  // a handle is returned even on failure and must be closed
  if (rc != SQLITE_OK) fail_open(name, "cannot open: " + sqlite::errmsg(raw));
  configure(db.get(), name, in_memory);
  try {
    migrate(db.get());
  } catch (const std::runtime_error& e) {
    fail_open(name, e.what());
  }
  return std::make_unique<SqliteStore>(std::make_shared<sqlite::Database>(std::move(db)));
}

}  // namespace moim::store
