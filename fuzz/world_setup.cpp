#include "world_setup.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "core/secret_hash.hpp"
#include "dispatch_world.hpp"
#include "graduation/service.hpp"
#include "programme/programme_store.hpp"

namespace moim::fuzz {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

[[noreturn]] void fail(const Error& error) {
  std::fprintf(stderr, "the fuzz world cannot be prepared: %s\n", error.message.c_str());
  std::abort();
}

template <typename T>
T must(Result<T> result) {
  if (!result) fail(result.error());
  return std::move(*result);
}

void must(const Status& status) {
  if (!status) fail(status.error());
}

void cast(store::Store& store) {
  must(store.create_invite(kHostInvite, store::Role::host, 0, "fuzz"));
  must(store.create_invite(kAttendeeInvite, store::Role::attendee, 0, "fuzz"));
  for (const Person& p : {kHost, kAttendee, kPeer}) {
    if (must(store.redeem_invite(p.invite, p.name, device_key(p.name))).id != p.id) std::abort();
  }
}

void study_group(programme::ProgrammeStore& store, std::int64_t now_ms) {
  programme::StudyGroup group;
  group.topic = "퍼징 스터디";
  group.kind = programme::GroupKind::paper_reading;
  group.description = "reading fuzzing papers";
  group.schedule.days = 1;
  group.schedule.start_minute = 600;
  group.schedule.duration_minutes = 60;
  group.lead = kHost.id;
  group.lead_name = std::string(kHost.name);
  group.created_at_ms = now_ms;
  if (must(store.create_group(group, {})).id != kGroup) std::abort();
  must(store.join_group(kGroup, kAttendee.id, now_ms));
}

// Both sessions started an hour ago and end in eleven (a session lasts at most twelve hours),
// so hands, the stage and reminders work for a fuzzing run of up to eleven hours.
void hall(programme::ProgrammeStore& store, std::int64_t now_ms) {
  programme::Talk talk;
  talk.title = "Fuzzing a game server";
  talk.speaker = "김퍼징";
  talk.start_ms = now_ms - kHourMs;
  talk.end_ms = now_ms + 11 * kHourMs;
  talk.created_at_ms = talk.updated_at_ms = now_ms;
  if (must(store.create_talk(talk)).id != kTalk) std::abort();
  talk.kind = programme::TalkKind::office_hours;
  talk.title = "Office hours";
  talk.capacity = 2;
  if (must(store.create_talk(talk)).id != kOfficeHours) std::abort();
  must(store.rsvp(kTalk, kAttendee.id, true, now_ms));
  const auto question = must(
      store.ask(kTalk, kAttendee.id, std::string(kAttendee.name), "How fast is it?", now_ms, {}));
  if (question.id != kQuestion) std::abort();
}

// Import makes random codes; the second graduate's is replaced by kGraduateInvite so inputs can
// join as a graduate and check themselves in.
void graduation_day(StoreSnapshot& db, std::int64_t now_ms) {
  graduation::Service service(db.store().graduation(), graduation::GameRules{},
                              static_cast<std::uint64_t>(now_ms));
  const auto roster =
      must(service.import_roster("name,email,cohort,company\n참가자,attendee@fuzz.test,1기,"
                                 "\n졸업생,grad@fuzz.test,1기,moim\n"));
  if (roster.codes.size() != 2 || roster.codes[1].roster_id != kRosterGraduate) std::abort();
  const std::string old_hash = sha256_hex(normalize_invite_code(roster.codes[1].invite_code));
  const std::string new_hash = sha256_hex(normalize_invite_code(kGraduateInvite));
  const std::string sql = "UPDATE invites SET code_hash = '" + new_hash + "' WHERE code_hash = '" +
                          old_hash + "'; UPDATE grad_roster SET invite_hash = '" + new_hash +
                          "' WHERE id = " + std::to_string(kRosterGraduate) + ";";
  if (sqlite3_exec(db.connection(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_changes(db.connection()) != 1) {
    std::abort();
  }
  if (must(service.create_raffle(1, 0)).id != kRaffle) std::abort();
}

}  // namespace

ServerConfig fuzz_config() {
  ServerConfig config;
  config.dev = true;
  config.flush_min = std::chrono::milliseconds(0);  // flushes run at the next drain
  config.room.move_rate = {1000.0, 1000.0};         // let inputs walk far
  return config;
}

void prepare_world(StoreSnapshot& db, std::chrono::milliseconds now) {
  const std::int64_t now_ms = now.count();
  cast(db.store());
  study_group(db.store().programme(), now_ms);
  hall(db.store().programme(), now_ms);
  graduation_day(db, now_ms);
}

}  // namespace moim::fuzz
