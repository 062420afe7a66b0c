// The programme half of the SQLite programme store: talks, RSVPs, questions, votes and seats.
#include <chrono>

#include "store/programme_queries.hpp"
#include "store/sqlite_programme_store.hpp"

namespace moim::programme {

namespace {

using store::sqlite::Query;

std::int64_t to_db(UserId id) {
  return static_cast<std::int64_t>(id);
}

// Reads one row of sql::find_talk / sql::list_talks.
Talk read_talk(const Query& q) {
  Talk t;
  t.id = q.int64(0);
  t.kind = static_cast<TalkKind>(q.int64(1));
  t.title = q.text(2);
  t.speaker = q.text(3);
  t.company = q.text(4);
  t.start_ms = q.int64(5);
  t.end_ms = q.int64(6);
  t.room = q.text(7);
  t.capacity = static_cast<int>(q.int64(8));
  t.notes = q.text(9);
  t.speaker_user = static_cast<UserId>(q.int64(10));
  t.created_at_ms = q.int64(11);
  t.updated_at_ms = q.int64(12);
  t.rsvp_count = static_cast<int>(q.int64(13));
  t.booked = static_cast<int>(q.int64(14));
  t.waitlisted = static_cast<int>(q.int64(15));
  return t;
}

Question read_question(const Query& q) {
  Question out;
  out.id = q.int64(0);
  out.talk = q.int64(1);
  out.author = static_cast<UserId>(q.int64(2));
  out.author_name = q.text(3);
  out.text = q.text(4);
  out.votes = static_cast<int>(q.int64(5));
  out.answered = q.int64(6) != 0;
  out.asked_at_ms = q.int64(7);
  out.voted_by_me = q.int64(8) != 0;
  return out;
}

void bind_talk_fields(Query& q, const Talk& t) {
  q.bind(2, std::int64_t{static_cast<int>(t.kind)}).bind(3, t.title).bind(4, t.speaker);
  q.bind(5, t.company).bind(6, t.start_ms).bind(7, t.end_ms).bind(8, t.room);
  q.bind(9, std::int64_t{t.capacity}).bind(10, t.notes).bind(11, to_db(t.speaker_user));
}

}  // namespace

Result<Talk> SqliteProgrammeStore::talk_locked(TalkId id) {
  Query q(prepare(sql::find_talk));
  q.bind(1, id);
  const int rc = q.step();
  if (rc == SQLITE_DONE) return Error{Errc::no_such_talk, "no such session"};
  if (rc != SQLITE_ROW) return internal("find talk");
  return read_talk(q);
}

Result<Talk> SqliteProgrammeStore::create_talk(Talk t) {
  if (auto valid = validate_talk(t); !valid) return valid.error();
  const auto lock = db_->lock();
  {
    Query q(prepare(sql::insert_talk));
    q.bind(1, std::int64_t{static_cast<int>(t.kind)}).bind(2, t.title).bind(3, t.speaker);
    q.bind(4, t.company).bind(5, t.start_ms).bind(6, t.end_ms).bind(7, t.room);
    q.bind(8, std::int64_t{t.capacity}).bind(9, t.notes).bind(10, to_db(t.speaker_user));
    q.bind(11, t.created_at_ms);
    if (q.step() != SQLITE_DONE) return internal("create talk");
  }
  return talk_locked(last_id());
}

Result<Talk> SqliteProgrammeStore::update_talk(Talk t) {
  if (auto valid = validate_talk(t); !valid) return valid.error();
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("update talk: begin");
  if (auto found = talk_locked(t.id); !found) return found;
  {
    Query q(prepare(sql::update_talk));
    q.bind(1, t.id);
    bind_talk_fields(q, t);
    q.bind(12, t.updated_at_ms);
    if (q.step() != SQLITE_DONE) return internal("update talk");
  }
  // More seats than before: the waitlist moves up, in order.
  if (has_seats(t.kind)) {
    if (auto promoted = promote_waitlist_locked(t.id); !promoted) return promoted.error();
  }
  auto updated = talk_locked(t.id);
  if (!updated) return updated;
  if (tx.commit() != SQLITE_OK) return internal("update talk: commit");
  return updated;
}

Status SqliteProgrammeStore::delete_talk(TalkId id) {
  const auto lock = db_->lock();
  Query q(prepare(sql::delete_talk));
  q.bind(1, id);
  if (q.step() != SQLITE_DONE) return internal("delete talk");
  if (db_->changes() == 0) return Error{Errc::no_such_talk, "no such session"};
  return ok();
}

Result<Talk> SqliteProgrammeStore::find_talk(TalkId id) {
  const auto lock = db_->lock();
  return talk_locked(id);
}

Result<std::vector<Talk>> SqliteProgrammeStore::list_talks(Millis from_ms, Millis to_ms) {
  const auto lock = db_->lock();
  Query q(prepare(sql::list_talks));
  q.bind(1, from_ms).bind(2, to_ms);
  std::vector<Talk> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) out.push_back(read_talk(q));
  if (rc != SQLITE_DONE) return internal("list talks");
  return out;
}

Result<Talk> SqliteProgrammeStore::set_notes(TalkId id, std::string notes) {
  if (auto valid = validate_notes(notes); !valid) return valid.error();
  const auto lock = db_->lock();
  if (auto found = talk_locked(id); !found) return found;
  Query q(prepare(sql::set_notes));
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  q.bind(1, id).bind(2, notes).bind(3, Millis{now.count()});
  if (q.step() != SQLITE_DONE) return internal("set notes");
  return talk_locked(id);
}

Result<Talk> SqliteProgrammeStore::rsvp(TalkId id, UserId user, bool going, Millis now_ms) {
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("rsvp: begin");
  auto talk = talk_locked(id);
  if (!talk) return talk;
  if (going) {
    bool already = false;
    {
      Query q(prepare(sql::has_rsvp));
      q.bind(1, id).bind(2, to_db(user));
      already = q.step() == SQLITE_ROW;
    }
    if (auto allowed = check_rsvp(*talk, now_ms, talk->rsvp_count, already); !allowed) {
      return allowed.error();
    }
    Query q(prepare(sql::insert_rsvp));
    q.bind(1, id).bind(2, to_db(user)).bind(3, now_ms);
    const int rc = q.step();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_user, "no such person"};
    if (rc != SQLITE_DONE) return internal("rsvp");
  } else {
    Query q(prepare(sql::delete_rsvp));
    q.bind(1, id).bind(2, to_db(user));
    if (q.step() != SQLITE_DONE) return internal("withdraw rsvp");
  }
  auto after = talk_locked(id);
  if (!after) return after;
  if (tx.commit() != SQLITE_OK) return internal("rsvp: commit");
  return after;
}

Result<bool> SqliteProgrammeStore::has_rsvp(TalkId id, UserId user) {
  const auto lock = db_->lock();
  Query q(prepare(sql::has_rsvp));
  q.bind(1, id).bind(2, to_db(user));
  const int rc = q.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return internal("has rsvp");
  return rc == SQLITE_ROW;
}

Result<std::vector<UserId>> SqliteProgrammeStore::people_to_remind(TalkId id) {
  const auto lock = db_->lock();
  Query q(prepare(sql::people_to_remind));
  q.bind(1, id);
  std::vector<UserId> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) out.push_back(static_cast<UserId>(q.int64(0)));
  if (rc != SQLITE_DONE) return internal("people to remind");
  return out;
}

Result<std::vector<Talk>> SqliteProgrammeStore::take_due_reminders(Millis now_ms) {
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("reminders: begin");
  std::vector<TalkId> due;
  {
    Query q(prepare(sql::due_reminders));
    q.bind(1, now_ms);
    int rc = SQLITE_OK;
    while ((rc = q.step()) == SQLITE_ROW) due.push_back(q.int64(0));
    if (rc != SQLITE_DONE) return internal("reminders");
  }
  std::vector<Talk> out;
  for (auto id : due) {
    Query q(prepare(sql::mark_reminded));
    q.bind(1, id);
    if (q.step() != SQLITE_DONE) return internal("mark reminded");
    auto talk = talk_locked(id);
    if (!talk) return talk.error();
    out.push_back(std::move(*talk));
  }
  if (tx.commit() != SQLITE_OK) return internal("reminders: commit");
  return out;
}

Result<Question> SqliteProgrammeStore::question_locked(QuestionId id, UserId viewer) {
  Query q(prepare(sql::find_question));
  q.bind(1, id).bind(2, to_db(viewer));
  const int rc = q.step();
  if (rc == SQLITE_DONE) return Error{Errc::no_such_question, "no such question"};
  if (rc != SQLITE_ROW) return internal("find question");
  return read_question(q);
}

Result<Question> SqliteProgrammeStore::ask(TalkId id, UserId user, std::string name,
                                           std::string text, Millis now_ms, const Quota& quota) {
  const auto lock = db_->lock();
  // Count and insert under one write lock: a burst cannot slip past the quota.
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("ask: begin");
  auto talk = talk_locked(id);
  if (!talk) return talk.error();
  if (auto allowed = check_ask(*talk, text, now_ms); !allowed) return allowed.error();
  {
    Query q(prepare(sql::count_questions));
    q.bind(1, id).bind(2, to_db(user));
    if (q.step() != SQLITE_ROW) return internal("ask: count");
    const auto mine = static_cast<int>(q.int64(0));
    const auto all = static_cast<int>(q.int64(1));
    if (auto allowed = check_quota(quota, mine, all, "questions for this session"); !allowed) {
      return allowed.error();
    }
  }
  {
    Query q(prepare(sql::insert_question));
    q.bind(1, id).bind(2, to_db(user)).bind(3, name).bind(4, text).bind(5, now_ms);
    if (q.step() != SQLITE_DONE) return internal("ask");
  }
  auto asked = question_locked(last_id(), user);
  if (!asked) return asked;
  if (tx.commit() != SQLITE_OK) return internal("ask: commit");
  return asked;
}

Status SqliteProgrammeStore::remove_question(TalkId talk, QuestionId id) {
  const auto lock = db_->lock();
  Query q(prepare(sql::delete_question));
  q.bind(1, id).bind(2, talk);
  if (q.step() != SQLITE_DONE) return internal("remove question");
  if (db_->changes() == 0) return Error{Errc::no_such_question, "no such question"};
  return ok();
}

Result<Question> SqliteProgrammeStore::vote(QuestionId id, UserId user, Millis now_ms) {
  const auto lock = db_->lock();
  auto question = question_locked(id, user);
  if (!question) return question;
  if (auto allowed = check_vote(*question, question->voted_by_me); !allowed) {
    return allowed.error();
  }
  Query q(prepare(sql::insert_vote));
  q.bind(1, id).bind(2, to_db(user)).bind(3, now_ms);
  const int rc = q.step();
  // The primary key (question, user) is the last word, whatever raced this check.
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) {
    return Error{Errc::already_voted, "you already voted for this question"};
  }
  if (rc != SQLITE_DONE) return internal("vote");
  return question_locked(id, user);
}

Result<Question> SqliteProgrammeStore::mark_answered(QuestionId id, bool answered) {
  const auto lock = db_->lock();
  if (auto found = question_locked(id, 0); !found) return found;
  Query q(prepare(sql::set_answered));
  q.bind(1, id).bind(2, std::int64_t{answered});
  if (q.step() != SQLITE_DONE) return internal("mark answered");
  return question_locked(id, 0);
}

Result<std::vector<Question>> SqliteProgrammeStore::questions(TalkId id, UserId viewer) {
  const auto lock = db_->lock();
  if (auto found = talk_locked(id); !found) return found.error();
  Query q(prepare(sql::questions));
  q.bind(1, id).bind(2, to_db(viewer));
  std::vector<Question> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) out.push_back(read_question(q));
  if (rc != SQLITE_DONE) return internal("questions");
  rank(out);
  return out;
}

Result<SeatBooking> SqliteProgrammeStore::seat_locked(TalkId id, UserId user) {
  Query q(prepare(sql::seat_of));
  q.bind(1, id).bind(2, to_db(user));
  const int rc = q.step();
  if (rc == SQLITE_DONE) return SeatBooking{user, SeatStatus::none, 0};
  if (rc != SQLITE_ROW) return internal("seat");
  const auto status = static_cast<SeatStatus>(q.int64(0));
  return SeatBooking{user, status,
                     status == SeatStatus::waitlisted ? static_cast<int>(q.int64(1)) : 0};
}

Status SqliteProgrammeStore::promote_waitlist_locked(TalkId id) {
  auto talk = talk_locked(id);
  if (!talk) return talk.error();
  for (int free = talk->capacity - talk->booked; free > 0; --free) {
    Query q(prepare(sql::promote_first));
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_DONE) break;  // nobody waiting
    if (rc != SQLITE_ROW) return internal("promote waitlist");
  }
  return ok();
}

Result<SeatBooking> SqliteProgrammeStore::book_seat(TalkId id, UserId user, Millis now_ms) {
  const auto lock = db_->lock();
  // BEGIN IMMEDIATE takes the write lock before the seats are counted, so no other writer
  // (another connection or process) can book between the count and the insert.
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("book seat: begin");
  auto talk = talk_locked(id);
  if (!talk) return talk.error();
  if (!has_seats(talk->kind)) {
    return Error{Errc::no_seats, "'" + talk->title + "' has no seats to book; RSVP instead"};
  }
  if (phase_at(*talk, now_ms) == TalkPhase::over) {
    return Error{Errc::session_over, "'" + talk->title + "' is over"};
  }
  {
    Query q(prepare(sql::book_seat));
    q.bind(1, id).bind(2, to_db(user)).bind(3, now_ms);
    const int rc = q.step();
    if (rc == SQLITE_CONSTRAINT_UNIQUE) {
      return Error{Errc::already_booked, "you already have a booking for '" + talk->title + "'"};
    }
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_user, "no such person"};
    if (rc != SQLITE_DONE) return internal("book seat");
  }
  auto booked = seat_locked(id, user);
  if (!booked) return booked;
  if (tx.commit() != SQLITE_OK) return internal("book seat: commit");
  return booked;
}

Result<UserId> SqliteProgrammeStore::cancel_seat(TalkId id, UserId user) {
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("cancel seat: begin");
  if (auto talk = talk_locked(id); !talk) return talk.error();
  SeatStatus was = SeatStatus::none;
  {
    Query q(prepare(sql::cancel_seat));
    q.bind(1, id).bind(2, to_db(user));
    const int rc = q.step();
    if (rc == SQLITE_DONE) return Error{Errc::not_booked, "you have no booking for this session"};
    if (rc != SQLITE_ROW) return internal("cancel seat");
    was = static_cast<SeatStatus>(q.int64(0));
  }
  UserId promoted = 0;
  if (was == SeatStatus::confirmed) {
    Query q(prepare(sql::promote_first));
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
      promoted = static_cast<UserId>(q.int64(0));
    else if (rc != SQLITE_DONE)
      return internal("cancel seat: promote");
  }
  if (tx.commit() != SQLITE_OK) return internal("cancel seat: commit");
  return promoted;
}

Result<SeatBooking> SqliteProgrammeStore::seat(TalkId id, UserId user) {
  const auto lock = db_->lock();
  return seat_locked(id, user);
}

}  // namespace moim::programme
