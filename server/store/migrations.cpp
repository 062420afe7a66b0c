#include "store/migrations.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include "store/sqlite_db.hpp"

namespace moim::store {
namespace {

// HOW TO ADD A MIGRATION
//   Append a new Step at the END of `steps`. Never edit, reorder or remove a step that has been
//   merged: databases in the field have already run it, and their `PRAGMA user_version` records
//   how many steps they have applied. Step N (1-based) moves a database from version N-1 to N.
//   Each step runs in its own BEGIN IMMEDIATE transaction together with the user_version bump,
//   so it must be plain DDL/DML with no BEGIN/COMMIT of its own. To change a table, add a step
//   that ALTERs it (or creates a new table, copies and renames); add a test in
//   tests/store/migrations_test.cpp that opens a database at the previous version.
//
// Conventions: times are UTC milliseconds since the epoch (INTEGER, `*_ms`); roles are the
// integer values of store::Role; secrets are stored only as lower-case hex SHA-256 (`*_hash`).
struct Step {
  const char* description;
  const char* sql;
};

constexpr std::array steps{
    Step{"accounts, invites, host tokens, chat, bans and mutes", R"sql(
CREATE TABLE invites (
  id            INTEGER PRIMARY KEY,
  code_hash     TEXT    NOT NULL UNIQUE,
  role          INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
  max_uses      INTEGER NOT NULL CHECK (max_uses >= 0),  -- 0 = unlimited
  uses          INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
  label         TEXT    NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  display_name  TEXT    NOT NULL,
  role          INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
  invite_id     INTEGER NULL REFERENCES invites (id),  -- NULL for guests and imported people
  created_at_ms INTEGER NOT NULL
);
-- Coming back with the same invite and name is the same person.
CREATE UNIQUE INDEX users_invite_name ON users (invite_id, display_name)
  WHERE invite_id IS NOT NULL;

CREATE TABLE host_tokens (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT    NOT NULL UNIQUE,
  role          INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
  label         TEXT    NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL
);

-- A log: the name is kept as it was when sent. No foreign key on user_id so the server can log
-- messages of its own (user 0). AUTOINCREMENT so an id is never reused, even after the newest
-- message is deleted by moderation; clients may refer to messages by id.
CREATE TABLE chat (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  room          TEXT    NOT NULL,
  user_id       INTEGER NOT NULL,
  display_name  TEXT    NOT NULL,
  text          TEXT    NOT NULL,
  sent_at_ms    INTEGER NOT NULL
);
CREATE INDEX chat_room_id ON chat (room, id);

-- One row per sanctioned person; until_ms 0 = until lifted. by_user 0 = the host API/admin.
CREATE TABLE bans (
  user_id       INTEGER PRIMARY KEY REFERENCES users (id),
  until_ms      INTEGER NOT NULL DEFAULT 0,
  reason        TEXT    NOT NULL DEFAULT '',
  by_user       INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE mutes (
  user_id       INTEGER PRIMARY KEY REFERENCES users (id),
  until_ms      INTEGER NOT NULL DEFAULT 0,
  reason        TEXT    NOT NULL DEFAULT '',
  by_user       INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL
);
)sql"},
    Step{"graduation day: roster, check-ins, colours, exchanges, cards, palette, raffles", R"sql(
-- The people expected at graduation. invite_hash is the SHA-256 of the single-use invite code
-- made for them at import (the code itself is shown to the host once).
CREATE TABLE grad_roster (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  email         TEXT    NOT NULL UNIQUE,
  cohort        TEXT    NOT NULL,
  company       TEXT    NOT NULL DEFAULT '',
  invite_hash   TEXT    NOT NULL UNIQUE,
  created_at_ms INTEGER NOT NULL
);
-- One check-in per graduate and per account.
CREATE TABLE grad_checkins (
  roster_id INTEGER PRIMARY KEY REFERENCES grad_roster (id),
  user_id   INTEGER NOT NULL UNIQUE,
  at_ms     INTEGER NOT NULL
);
-- One colour per person, for the day (an index into grad_palette).
CREATE TABLE grad_colors (
  user_id INTEGER PRIMARY KEY,
  color   INTEGER NOT NULL CHECK (color >= 0),
  at_ms   INTEGER NOT NULL
);
-- One exchange per unordered pair: user_a < user_b.
CREATE TABLE grad_exchanges (
  id      INTEGER PRIMARY KEY,
  user_a  INTEGER NOT NULL,
  user_b  INTEGER NOT NULL,
  color_a INTEGER NOT NULL,
  color_b INTEGER NOT NULL,
  at_ms   INTEGER NOT NULL,
  CHECK (user_a < user_b),
  UNIQUE (user_a, user_b)
);
CREATE TABLE grad_card_swaps (
  id     INTEGER PRIMARY KEY,
  user_a INTEGER NOT NULL,
  user_b INTEGER NOT NULL,
  at_ms  INTEGER NOT NULL,
  CHECK (user_a < user_b),
  UNIQUE (user_a, user_b)
);
CREATE TABLE grad_cards (
  user_id INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  role    TEXT NOT NULL DEFAULT '',
  links   TEXT NOT NULL DEFAULT ''  -- newline-separated
);
CREATE TABLE grad_palette (
  idx  INTEGER PRIMARY KEY,
  name TEXT    NOT NULL,
  rgb  INTEGER NOT NULL
);
-- Exactly once: a client's request key, written with the fact it produced. action: 1 check-in,
-- 2 colour, 3 exchange, 4 card swap; ref: roster id, colour, exchange id, card swap id.
CREATE TABLE grad_requests (
  user_id     INTEGER NOT NULL,
  request_key TEXT    NOT NULL,
  action      INTEGER NOT NULL,
  ref         INTEGER NOT NULL,
  at_ms       INTEGER NOT NULL,
  PRIMARY KEY (user_id, request_key)
) WITHOUT ROWID;
-- seed_hex stays secret until drawn_at_ms is set; tickets newline-separated, winner_ids
-- comma-separated in the order drawn.
CREATE TABLE grad_raffles (
  id            INTEGER PRIMARY KEY,
  winners       INTEGER NOT NULL CHECK (winners >= 1),
  extra_every   INTEGER NOT NULL DEFAULT 0 CHECK (extra_every >= 0),
  seed_hex      TEXT    NOT NULL,
  commitment    TEXT    NOT NULL,
  created_at_ms INTEGER NOT NULL,
  drawn_at_ms   INTEGER NULL,
  tickets       TEXT    NULL,
  winner_ids    TEXT    NULL
);
)sql"},
    Step{"study groups, attendance, talks, RSVPs, questions, votes and seats", R"sql(
-- Study groups. The schedule is stored as its parts (schedule.hpp): once = a UTC interval,
-- weekly = a day mask, a local start minute and a duration in the group's time zone. The focus
-- timer is its start time and lengths (0 = stopped), so every phase can be derived.
CREATE TABLE study_groups (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  topic               TEXT    NOT NULL,
  kind                INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  description         TEXT    NOT NULL DEFAULT '',
  schedule_kind       INTEGER NOT NULL CHECK (schedule_kind IN (1, 2)),
  once_start_ms       INTEGER NOT NULL DEFAULT 0,
  once_end_ms         INTEGER NOT NULL DEFAULT 0,
  days                INTEGER NOT NULL DEFAULT 0,
  start_minute        INTEGER NOT NULL DEFAULT 0,
  duration_minutes    INTEGER NOT NULL DEFAULT 0,
  time_zone           TEXT    NOT NULL,
  capacity            INTEGER NOT NULL CHECK (capacity >= 2),
  lead_id             INTEGER NOT NULL REFERENCES users (id),
  recruiting          INTEGER NOT NULL DEFAULT 1,
  visitors_allowed    INTEGER NOT NULL DEFAULT 0,
  timer_started_at_ms INTEGER NOT NULL DEFAULT 0,
  timer_focus_minutes INTEGER NOT NULL DEFAULT 50,
  timer_break_minutes INTEGER NOT NULL DEFAULT 10,
  created_at_ms       INTEGER NOT NULL
);
CREATE TABLE study_members (
  group_id     INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  joined_at_ms INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX study_members_user ON study_members (user_id);
-- Visits to a group's room; leave_ms NULL while the person is still there.
CREATE TABLE study_visits (
  id       INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL,
  enter_ms INTEGER NOT NULL,
  leave_ms INTEGER NULL
);
CREATE INDEX study_visits_group ON study_visits (group_id, enter_ms);

-- The programme of the tech-talk hall. reminded: the start reminder went out.
CREATE TABLE talks (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          INTEGER NOT NULL CHECK (kind IN (1, 2, 3)),
  title         TEXT    NOT NULL,
  speaker       TEXT    NOT NULL DEFAULT '',
  company       TEXT    NOT NULL DEFAULT '',
  start_ms      INTEGER NOT NULL,
  end_ms        INTEGER NOT NULL CHECK (end_ms > start_ms),
  room          TEXT    NOT NULL,
  capacity      INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  notes         TEXT    NOT NULL DEFAULT '',
  speaker_user  INTEGER NOT NULL DEFAULT 0,
  reminded      INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
CREATE INDEX talks_start ON talks (start_ms);
CREATE TABLE talk_rsvps (
  talk_id       INTEGER NOT NULL REFERENCES talks (id) ON DELETE CASCADE,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (talk_id, user_id)
) WITHOUT ROWID;
CREATE TABLE talk_questions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  talk_id      INTEGER NOT NULL REFERENCES talks (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL,
  display_name TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  answered     INTEGER NOT NULL DEFAULT 0,
  asked_at_ms  INTEGER NOT NULL
);
CREATE INDEX talk_questions_talk ON talk_questions (talk_id);
-- One vote per person per question, whatever the callers do.
CREATE TABLE question_votes (
  question_id  INTEGER NOT NULL REFERENCES talk_questions (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL,
  voted_at_ms  INTEGER NOT NULL,
  PRIMARY KEY (question_id, user_id)
) WITHOUT ROWID;
-- Seats of office hours and clinics: status 1 = confirmed, 2 = waitlisted; the waitlist is in
-- id order. Bookings are made and cancelled inside BEGIN IMMEDIATE (seats.hpp has the rule).
CREATE TABLE seat_bookings (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  talk_id      INTEGER NOT NULL REFERENCES talks (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  status       INTEGER NOT NULL CHECK (status IN (1, 2)),
  booked_at_ms INTEGER NOT NULL,
  UNIQUE (talk_id, user_id)
);
CREATE INDEX seat_bookings_talk ON seat_bookings (talk_id, status, id);
)sql"},
    Step{"graduation request keys remember what their request asked", R"sql(
-- The digest of what a keyed request asked (its kind and fields, as graduation/service.cpp
-- writes it), so a key reused for a different request is refused instead of replayed. NULL on
-- keys stored before this step: for them the kind of request alone decides, as it did.
ALTER TABLE grad_requests ADD COLUMN digest TEXT NULL;
)sql"},
    Step{"people on a shared invite code are bound to the device they joined from", R"sql(
-- SHA-256 of the secret a client keeps per device (Join.device_key). On a shared code (max_uses
-- other than 1) a person is (invite, device): the same device comes back as the same person under
-- any name. NULL for single-use codes, guests, imported people, and people who joined before
-- this step until their device first comes back with their name.
ALTER TABLE users ADD COLUMN device_hash TEXT NULL;
CREATE UNIQUE INDEX users_invite_device ON users (invite_id, device_hash)
  WHERE invite_id IS NOT NULL AND device_hash IS NOT NULL;
)sql"},
};

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error("store migration: " + what + ": " + sqlite::errmsg(db));
}

// Applies step `current` (0-based index = the version it starts from) inside `tx`.
void apply_step(sqlite3* db, int current) {
  const Step& step = steps[static_cast<std::size_t>(current)];
  const int next = current + 1;
  if (sqlite::exec(db, step.sql) != SQLITE_OK) {
    fail(db, "step " + std::to_string(next) + " (" + step.description + ") failed");
  }
  // PRAGMA takes no bound parameters; the value is our own integer, never user input.
  const std::string bump = "PRAGMA user_version = " + std::to_string(next);
  if (sqlite::exec(db, bump.c_str()) != SQLITE_OK) fail(db, "cannot record schema version");
}

}  // namespace

int latest_schema_version() {
  return static_cast<int>(steps.size());
}

int schema_version(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &raw, nullptr) != SQLITE_OK) return -1;
  const sqlite::StmtPtr stmt(raw);
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) return -1;
  return sqlite3_column_int(stmt.get(), 0);
}

void migrate(sqlite3* db) {
  const int latest = latest_schema_version();
  // The version is re-read inside each write transaction: another process opening the same file
  // at the same moment may have applied the step already, and then we must not apply it twice.
  for (;;) {
    sqlite::Transaction tx(db);
    if (tx.begin_result() != SQLITE_OK) fail(db, "cannot begin");
    const int current = schema_version(db);
    if (current < 0) fail(db, "cannot read schema version");
    if (current > latest) {
      throw std::runtime_error("store: database schema version " + std::to_string(current) +
                               " is newer than this moim-server supports (" +
                               std::to_string(latest) + "); upgrade moim-server");
    }
    if (current == latest) return;  // nothing written; the destructor ends the transaction
    apply_step(db, current);
    if (tx.commit() != SQLITE_OK) fail(db, "cannot commit");
  }
}

}  // namespace moim::store
