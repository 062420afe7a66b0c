// The study-group half of the SQLite programme store (see sqlite_programme_store.hpp).
#include <algorithm>
#include <limits>

#include "store/programme_queries.hpp"
#include "store/sqlite_programme_store.hpp"

namespace moim::programme {

namespace {

using store::sqlite::Query;

std::int64_t to_db(UserId id) {
  return static_cast<std::int64_t>(id);
}

// Reads one row of sql::find_group / sql::list_groups.
StudyGroup read_group(const Query& q) {
  StudyGroup g;
  g.id = q.int64(0);
  g.topic = q.text(1);
  g.kind = static_cast<GroupKind>(q.int64(2));
  g.description = q.text(3);
  g.schedule.kind = static_cast<Schedule::Kind>(q.int64(4));
  g.schedule.once = {q.int64(5), q.int64(6)};
  g.schedule.days = static_cast<std::uint8_t>(q.int64(7));
  g.schedule.start_minute = static_cast<int>(q.int64(8));
  g.schedule.duration_minutes = static_cast<int>(q.int64(9));
  g.schedule.time_zone = q.text(10);
  g.capacity = static_cast<int>(q.int64(11));
  g.lead = static_cast<UserId>(q.int64(12));
  g.lead_name = q.text(13);
  g.recruiting = q.int64(14) != 0;
  g.visitors_allowed = q.int64(15) != 0;
  g.timer = {q.int64(16), static_cast<int>(q.int64(17)), static_cast<int>(q.int64(18))};
  g.created_at_ms = q.int64(19);
  g.member_count = static_cast<int>(q.int64(20));
  return g;
}

}  // namespace

Result<StudyGroup> SqliteProgrammeStore::group_locked(GroupId id) {
  Query q(prepare(sql::find_group));
  q.bind(1, id);
  const int rc = q.step();
  if (rc == SQLITE_DONE) return Error{Errc::no_such_group, "no such study group"};
  if (rc != SQLITE_ROW) return internal("find group");
  return read_group(q);
}

Result<bool> SqliteProgrammeStore::member_locked(GroupId id, UserId user) {
  Query q(prepare(sql::is_member));
  q.bind(1, id).bind(2, to_db(user));
  const int rc = q.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return internal("is member");
  return rc == SQLITE_ROW;
}

Result<StudyGroup> SqliteProgrammeStore::create_group(StudyGroup g, const Quota& quota) {
  if (auto valid = validate_new_group(g); !valid) return valid.error();
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("create group: begin");
  {
    Query q(prepare(sql::count_groups));
    q.bind(1, to_db(g.lead));
    if (q.step() != SQLITE_ROW) return internal("create group: count");
    const auto led = static_cast<int>(q.int64(0));
    const auto all = static_cast<int>(q.int64(1));
    if (auto allowed = check_quota(quota, led, all, "study groups"); !allowed) {
      return allowed.error();
    }
  }
  {
    Query q(prepare(sql::insert_group));
    q.bind(1, g.topic).bind(2, static_cast<std::int64_t>(g.kind)).bind(3, g.description);
    q.bind(4, static_cast<std::int64_t>(g.schedule.kind)).bind(5, g.schedule.once.start_ms);
    q.bind(6, g.schedule.once.end_ms).bind(7, std::int64_t{g.schedule.days});
    q.bind(8, std::int64_t{g.schedule.start_minute});
    q.bind(9, std::int64_t{g.schedule.duration_minutes}).bind(10, g.schedule.time_zone);
    q.bind(11, std::int64_t{g.capacity}).bind(12, to_db(g.lead));
    q.bind(13, std::int64_t{g.recruiting}).bind(14, std::int64_t{g.visitors_allowed});
    q.bind(15, g.created_at_ms);
    const int rc = q.step();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_user, "no such lead"};
    if (rc != SQLITE_DONE) return internal("create group");
  }
  const GroupId id = last_id();
  {
    Query q(prepare(sql::insert_member));
    q.bind(1, id).bind(2, to_db(g.lead)).bind(3, g.created_at_ms);
    if (q.step() != SQLITE_DONE) return internal("create group: lead");
  }
  auto created = group_locked(id);
  if (!created) return created;
  if (tx.commit() != SQLITE_OK) return internal("create group: commit");
  return created;
}

Result<StudyGroup> SqliteProgrammeStore::find_group(GroupId id) {
  const auto lock = db_->lock();
  return group_locked(id);
}

Result<std::vector<StudyGroup>> SqliteProgrammeStore::list_groups(GroupId after_id,
                                                                  std::size_t limit) {
  const auto lock = db_->lock();
  Query q(prepare(sql::list_groups));
  constexpr auto kMost = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  q.bind(1, after_id).bind(2, static_cast<std::int64_t>(std::min(limit, kMost)));
  std::vector<StudyGroup> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) out.push_back(read_group(q));
  if (rc != SQLITE_DONE) return internal("list groups");
  return out;
}

Status SqliteProgrammeStore::remove_group(GroupId id) {
  const auto lock = db_->lock();
  Query q(prepare(sql::delete_group));
  q.bind(1, id);
  if (q.step() != SQLITE_DONE) return internal("remove group");
  if (db_->changes() == 0) return Error{Errc::no_such_group, "no such study group"};
  return ok();
}

Result<StudyGroup> SqliteProgrammeStore::join_group(GroupId id, UserId user, Millis now_ms) {
  const auto lock = db_->lock();
  // Read, check and insert under one write lock: two people taking the last place cannot both
  // get it, even from another process on the same file.
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("join group: begin");
  auto group = group_locked(id);
  if (!group) return group;
  auto member = member_locked(id, user);
  if (!member) return member.error();
  if (auto allowed = check_join(*group, *member); !allowed) return allowed.error();
  {
    Query q(prepare(sql::insert_member));
    q.bind(1, id).bind(2, to_db(user)).bind(3, now_ms);
    const int rc = q.step();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_user, "no such person"};
    if (rc != SQLITE_DONE) return internal("join group");
  }
  auto joined = group_locked(id);
  if (!joined) return joined;
  if (tx.commit() != SQLITE_OK) return internal("join group: commit");
  return joined;
}

Result<std::optional<StudyGroup>> SqliteProgrammeStore::leave_group(GroupId id, UserId user) {
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("leave group: begin");
  auto group = group_locked(id);
  if (!group) return group.error();
  auto member = member_locked(id, user);
  if (!member) return member.error();
  if (auto allowed = check_leave(*group, user, *member); !allowed) return allowed.error();
  const bool dissolve = user == group->lead;  // check_leave: the lead leaves only when alone
  {
    Query q(prepare(dissolve ? sql::delete_group : sql::delete_member));
    q.bind(1, id);
    if (!dissolve) q.bind(2, to_db(user));
    if (q.step() != SQLITE_DONE) return internal("leave group");
  }
  std::optional<StudyGroup> after;
  if (!dissolve) {
    auto left = group_locked(id);
    if (!left) return left.error();
    after = std::move(*left);
  }
  if (tx.commit() != SQLITE_OK) return internal("leave group: commit");
  return after;
}

Result<bool> SqliteProgrammeStore::is_member(GroupId id, UserId user) {
  const auto lock = db_->lock();
  return member_locked(id, user);
}

Result<std::vector<GroupMember>> SqliteProgrammeStore::members(GroupId id) {
  const auto lock = db_->lock();
  Query q(prepare(sql::members));
  q.bind(1, id);
  std::vector<GroupMember> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) {
    out.push_back({static_cast<UserId>(q.int64(0)), q.text(1), q.int64(2)});
  }
  if (rc != SQLITE_DONE) return internal("members");
  return out;
}

Result<std::vector<GroupId>> SqliteProgrammeStore::groups_of(UserId user) {
  const auto lock = db_->lock();
  Query q(prepare(sql::groups_of));
  q.bind(1, to_db(user));
  std::vector<GroupId> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) out.push_back(q.int64(0));
  if (rc != SQLITE_DONE) return internal("groups of");
  return out;
}

Result<StudyGroup> SqliteProgrammeStore::set_group_access(GroupId id, bool recruiting,
                                                          bool visitors_allowed) {
  const auto lock = db_->lock();
  Query q(prepare(sql::set_access));
  q.bind(1, id).bind(2, std::int64_t{recruiting}).bind(3, std::int64_t{visitors_allowed});
  if (q.step() != SQLITE_DONE) return internal("set group access");
  return group_locked(id);
}

Result<StudyGroup> SqliteProgrammeStore::set_focus_timer(GroupId id, const FocusTimer& timer) {
  if (auto valid = validate(timer); !valid) return valid.error();
  const auto lock = db_->lock();
  Query q(prepare(sql::set_timer));
  q.bind(1, id).bind(2, timer.started_at_ms).bind(3, std::int64_t{timer.focus_minutes});
  q.bind(4, std::int64_t{timer.break_minutes});
  if (q.step() != SQLITE_DONE) return internal("set focus timer");
  return group_locked(id);
}

Status SqliteProgrammeStore::record_enter(GroupId id, UserId user, Millis at_ms) {
  const auto lock = db_->lock();
  Transaction tx(handle());
  if (tx.begin_result() != SQLITE_OK) return internal("record enter: begin");
  {
    // A second entry without a leave (two devices, a lost leave) closes the first visit.
    Query close(prepare(sql::close_visit));
    close.bind(1, id).bind(2, to_db(user)).bind(3, at_ms);
    if (close.step() != SQLITE_DONE) return internal("record enter: close");
  }
  Query q(prepare(sql::insert_visit));
  q.bind(1, id).bind(2, to_db(user)).bind(3, at_ms);
  const int rc = q.step();
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return Error{Errc::no_such_group, "no such group"};
  if (rc != SQLITE_DONE) return internal("record enter");
  if (tx.commit() != SQLITE_OK) return internal("record enter: commit");
  return ok();
}

Status SqliteProgrammeStore::record_leave(GroupId id, UserId user, Millis at_ms) {
  const auto lock = db_->lock();
  Query q(prepare(sql::close_visit));
  q.bind(1, id).bind(2, to_db(user)).bind(3, at_ms);
  if (q.step() != SQLITE_DONE) return internal("record leave");
  return ok();
}

Result<std::vector<Visit>> SqliteProgrammeStore::visits(GroupId id, Millis from_ms, Millis to_ms) {
  const auto lock = db_->lock();
  Query q(prepare(sql::visits));
  q.bind(1, id).bind(2, from_ms).bind(3, to_ms);
  std::vector<Visit> out;
  int rc = SQLITE_OK;
  while ((rc = q.step()) == SQLITE_ROW) {
    out.push_back({static_cast<UserId>(q.int64(0)), q.int64(1), q.int64(2)});
  }
  if (rc != SQLITE_DONE) return internal("visits");
  return out;
}

Status SqliteProgrammeStore::close_open_visits() {
  const auto lock = db_->lock();
  Query q(prepare(sql::close_open_visits));
  if (q.step() != SQLITE_DONE) return internal("close open visits");
  return ok();
}

}  // namespace moim::programme
