#pragma once
// Where study groups and the programme are kept: everything here is written before it is
// acknowledged. An interface so a PostgreSQL store can follow; the SQLite store builds the
// embedded default on its shared connection (Store::programme()). Implementations are
// thread-safe.
//
// Rules that must hold under concurrency are enforced inside the store's transactions using
// the pure rules of this folder: joining a group (capacity, recruiting), booking a seat (never
// more confirmed bookings than seats; the waitlist moves up on cancel), voting (one vote per
// person per question, by a unique key), RSVP limits. Role checks are the caller's (they
// depend on who is asking, not on the data).
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "programme/attendance.hpp"
#include "programme/questions.hpp"
#include "programme/quota.hpp"
#include "programme/seats.hpp"
#include "programme/study_group.hpp"
#include "programme/talk.hpp"

namespace moim::programme {

struct GroupMember {
  UserId user = 0;
  std::string name;
  Millis joined_at_ms = 0;
};

class ProgrammeStore {
 public:
  virtual ~ProgrammeStore() = default;

  // --- study groups -------------------------------------------------------------------------
  // Validates, checks `quota` (per person: the groups the lead leads; total: all groups),
  // stores, and makes the lead its first member, in one transaction. Returns the group.
  virtual Result<StudyGroup> create_group(StudyGroup group, const Quota& quota) = 0;
  // nullopt-free: no_such_group when absent.
  virtual Result<StudyGroup> find_group(GroupId id) = 0;
  // Up to `limit` groups with ids above `after_id`, by id (the order they were created in).
  virtual Result<std::vector<StudyGroup>> list_groups(GroupId after_id, std::size_t limit) = 0;
  // Removes the group with its members and visits (a host's decision); no_such_group if absent.
  virtual Status remove_group(GroupId id) = 0;
  // check_join inside one transaction: never more members than capacity.
  virtual Result<StudyGroup> join_group(GroupId id, UserId user, Millis now_ms) = 0;
  // check_leave; a lead leaving as the last member dissolves the group.
  virtual Result<std::optional<StudyGroup>> leave_group(GroupId id, UserId user) = 0;
  virtual Result<bool> is_member(GroupId id, UserId user) = 0;
  virtual Result<std::vector<GroupMember>> members(GroupId id) = 0;
  virtual Result<std::vector<GroupId>> groups_of(UserId user) = 0;
  virtual Result<StudyGroup> set_group_access(GroupId id, bool recruiting,
                                              bool visitors_allowed) = 0;
  virtual Result<StudyGroup> set_focus_timer(GroupId id, const FocusTimer& timer) = 0;

  // Attendance: visits to the group's room.
  virtual Status record_enter(GroupId id, UserId user, Millis at_ms) = 0;
  virtual Status record_leave(GroupId id, UserId user, Millis at_ms) = 0;
  // Visits overlapping [from, to); a visit still open ends at `to`.
  virtual Result<std::vector<Visit>> visits(GroupId id, Millis from_ms, Millis to_ms) = 0;
  // Start-up: visits left open by a crash end where they started (we do not know when the
  // person really left, so the time is not counted rather than over-counted).
  virtual Status close_open_visits() = 0;

  // --- the programme ------------------------------------------------------------------------
  virtual Result<Talk> create_talk(Talk talk) = 0;
  // Replaces every field a host edits (kind, title, speaker, company, times, room, capacity,
  // notes, speaker_user). Raising the seats confirms waitlisted bookings in order.
  virtual Result<Talk> update_talk(Talk talk) = 0;
  virtual Status delete_talk(TalkId id) = 0;
  virtual Result<Talk> find_talk(TalkId id) = 0;
  // Talks overlapping [from, to), by start time.
  virtual Result<std::vector<Talk>> list_talks(Millis from_ms, Millis to_ms) = 0;
  virtual Result<Talk> set_notes(TalkId id, std::string notes) = 0;

  // RSVP (going = false withdraws). check_rsvp in one transaction.
  virtual Result<Talk> rsvp(TalkId id, UserId user, bool going, Millis now_ms) = 0;
  virtual Result<bool> has_rsvp(TalkId id, UserId user) = 0;
  // Everyone who RSVP'd or holds a confirmed seat: who hears the start reminder.
  virtual Result<std::vector<UserId>> people_to_remind(TalkId id) = 0;
  // Live talks not yet announced whose start has passed, marked announced in the same step so
  // a reminder goes out once (also across a restart).
  virtual Result<std::vector<Talk>> take_due_reminders(Millis now_ms) = 0;

  // check_ask and `quota` (per person: their questions for this session; total: the
  // session's questions) in one transaction.
  virtual Result<Question> ask(TalkId id, UserId user, std::string name, std::string text,
                               Millis now_ms, const Quota& quota) = 0;
  // Removes a question of session `talk` (a host's decision) with its votes.
  virtual Status remove_question(TalkId talk, QuestionId id) = 0;
  virtual Result<Question> vote(QuestionId id, UserId user, Millis now_ms) = 0;
  virtual Result<Question> mark_answered(QuestionId id, bool answered) = 0;
  // Ranked (questions.hpp), with voted_by_me for `viewer`.
  virtual Result<std::vector<Question>> questions(TalkId id, UserId viewer) = 0;

  virtual Result<SeatBooking> book_seat(TalkId id, UserId user, Millis now_ms) = 0;
  // Returns who moved up from the waitlist (0 if nobody).
  virtual Result<UserId> cancel_seat(TalkId id, UserId user) = 0;
  virtual Result<SeatBooking> seat(TalkId id, UserId user) = 0;
};

}  // namespace moim::programme
