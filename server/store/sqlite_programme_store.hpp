#pragma once
// The SQLite ProgrammeStore, private to the store library: built by SqliteStore on the shared
// Database (sqlite_database.hpp), so its transactions never interleave with the core store's.
// Its tables are migration step 2 (migrations.cpp); its statements are in programme_queries.hpp.
#include <memory>
#include <string>
#include <string_view>

#include "programme/programme_store.hpp"
#include "store/sqlite_database.hpp"

namespace moim::programme {

class SqliteProgrammeStore final : public ProgrammeStore {
 public:
  explicit SqliteProgrammeStore(std::shared_ptr<store::sqlite::Database> db) : db_(std::move(db)) {}

  // sqlite_programme_groups.cpp
  Result<StudyGroup> create_group(StudyGroup group, const Quota& quota) override;
  Result<StudyGroup> find_group(GroupId id) override;
  Result<std::vector<StudyGroup>> list_groups(GroupId after_id, std::size_t limit) override;
  Status remove_group(GroupId id) override;
  Result<StudyGroup> join_group(GroupId id, UserId user, Millis now_ms) override;
  Result<std::optional<StudyGroup>> leave_group(GroupId id, UserId user) override;
  Result<bool> is_member(GroupId id, UserId user) override;
  Result<std::vector<GroupMember>> members(GroupId id) override;
  Result<std::vector<GroupId>> groups_of(UserId user) override;
  Result<StudyGroup> set_group_access(GroupId id, bool recruiting, bool visitors_allowed) override;
  Result<StudyGroup> set_focus_timer(GroupId id, const FocusTimer& timer) override;
  Status record_enter(GroupId id, UserId user, Millis at_ms) override;
  Status record_leave(GroupId id, UserId user, Millis at_ms) override;
  Result<std::vector<Visit>> visits(GroupId id, Millis from_ms, Millis to_ms) override;
  Status close_open_visits() override;

  // sqlite_programme_talks.cpp
  Result<Talk> create_talk(Talk talk) override;
  Result<Talk> update_talk(Talk talk) override;
  Status delete_talk(TalkId id) override;
  Result<Talk> find_talk(TalkId id) override;
  Result<std::vector<Talk>> list_talks(Millis from_ms, Millis to_ms) override;
  Result<Talk> set_notes(TalkId id, std::string notes) override;
  Result<Talk> rsvp(TalkId id, UserId user, bool going, Millis now_ms) override;
  Result<bool> has_rsvp(TalkId id, UserId user) override;
  Result<std::vector<UserId>> people_to_remind(TalkId id) override;
  Result<std::vector<Talk>> take_due_reminders(Millis now_ms) override;
  Result<Question> ask(TalkId id, UserId user, std::string name, std::string text, Millis now_ms,
                       const Quota& quota) override;
  Status remove_question(TalkId talk, QuestionId id) override;
  Result<Question> vote(QuestionId id, UserId user, Millis now_ms) override;
  Result<Question> mark_answered(QuestionId id, bool answered) override;
  Result<std::vector<Question>> questions(TalkId id, UserId viewer) override;
  Result<SeatBooking> book_seat(TalkId id, UserId user, Millis now_ms) override;
  Result<UserId> cancel_seat(TalkId id, UserId user) override;
  Result<SeatBooking> seat(TalkId id, UserId user) override;

 private:
  using Query = store::sqlite::Query;
  using Transaction = store::sqlite::Transaction;

  // The helpers below require db_->lock().
  sqlite3_stmt* prepare(std::string_view sql) { return db_->prepare(sql); }
  Error internal(std::string_view what) const { return db_->internal(what); }
  std::int64_t last_id() const { return db_->last_insert_id(); }
  sqlite3* handle() const { return db_->handle(); }
  Result<StudyGroup> group_locked(GroupId id);
  Result<bool> member_locked(GroupId id, UserId user);
  Result<Talk> talk_locked(TalkId id);
  Result<Question> question_locked(QuestionId id, UserId viewer);
  Result<SeatBooking> seat_locked(TalkId id, UserId user);
  Status promote_waitlist_locked(TalkId id);

  std::shared_ptr<store::sqlite::Database> db_;
};

}  // namespace moim::programme
