#pragma once
// Every statement the SQLite programme store runs (schema: migrations.cpp, step 2).
// Values are always bound, never spliced. Static storage: the statement cache keys on the text.
#include <string_view>

namespace moim::programme::sql {

// --- study groups -----------------------------------------------------------------------------
inline constexpr std::string_view find_group =
    "SELECT g.id, g.topic, g.kind, g.description, g.schedule_kind, g.once_start_ms, "
    "g.once_end_ms, g.days, g.start_minute, g.duration_minutes, g.time_zone, g.capacity, "
    "g.lead_id, COALESCE(u.display_name, ''), g.recruiting, g.visitors_allowed, "
    "g.timer_started_at_ms, g.timer_focus_minutes, g.timer_break_minutes, g.created_at_ms, "
    "(SELECT COUNT(*) FROM study_members m WHERE m.group_id = g.id) "
    "FROM study_groups g LEFT JOIN users u ON u.id = g.lead_id WHERE g.id = ?1";
inline constexpr std::string_view list_groups =
    "SELECT g.id, g.topic, g.kind, g.description, g.schedule_kind, g.once_start_ms, "
    "g.once_end_ms, g.days, g.start_minute, g.duration_minutes, g.time_zone, g.capacity, "
    "g.lead_id, COALESCE(u.display_name, ''), g.recruiting, g.visitors_allowed, "
    "g.timer_started_at_ms, g.timer_focus_minutes, g.timer_break_minutes, g.created_at_ms, "
    "(SELECT COUNT(*) FROM study_members m WHERE m.group_id = g.id) "
    "FROM study_groups g LEFT JOIN users u ON u.id = g.lead_id WHERE g.id > ?1 ORDER BY g.id "
    "LIMIT ?2";
// For the quota: groups the person leads, and all groups.
inline constexpr std::string_view count_groups =
    "SELECT (SELECT COUNT(*) FROM study_groups WHERE lead_id = ?1), "
    "(SELECT COUNT(*) FROM study_groups)";
inline constexpr std::string_view insert_group =
    "INSERT INTO study_groups (topic, kind, description, schedule_kind, once_start_ms, "
    "once_end_ms, days, start_minute, duration_minutes, time_zone, capacity, lead_id, "
    "recruiting, visitors_allowed, created_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
inline constexpr std::string_view insert_member =
    "INSERT INTO study_members (group_id, user_id, joined_at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view delete_member =
    "DELETE FROM study_members WHERE group_id = ?1 AND user_id = ?2";
inline constexpr std::string_view delete_group = "DELETE FROM study_groups WHERE id = ?1";
inline constexpr std::string_view is_member =
    "SELECT 1 FROM study_members WHERE group_id = ?1 AND user_id = ?2";
inline constexpr std::string_view members =
    "SELECT m.user_id, COALESCE(u.display_name, ''), m.joined_at_ms FROM study_members m "
    "LEFT JOIN users u ON u.id = m.user_id WHERE m.group_id = ?1 ORDER BY m.joined_at_ms, "
    "m.user_id";
inline constexpr std::string_view groups_of =
    "SELECT group_id FROM study_members WHERE user_id = ?1 ORDER BY group_id";
inline constexpr std::string_view set_access =
    "UPDATE study_groups SET recruiting = ?2, visitors_allowed = ?3 WHERE id = ?1";
inline constexpr std::string_view set_timer =
    "UPDATE study_groups SET timer_started_at_ms = ?2, timer_focus_minutes = ?3, "
    "timer_break_minutes = ?4 WHERE id = ?1";

inline constexpr std::string_view insert_visit =
    "INSERT INTO study_visits (group_id, user_id, enter_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view close_visit =
    "UPDATE study_visits SET leave_ms = MAX(enter_ms, ?3) WHERE group_id = ?1 AND user_id = ?2 "
    "AND leave_ms IS NULL";
inline constexpr std::string_view visits =
    "SELECT user_id, enter_ms, COALESCE(leave_ms, ?3) FROM study_visits WHERE group_id = ?1 "
    "AND enter_ms < ?3 AND (leave_ms IS NULL OR leave_ms > ?2) ORDER BY enter_ms";
inline constexpr std::string_view close_open_visits =
    "UPDATE study_visits SET leave_ms = enter_ms WHERE leave_ms IS NULL";

// --- talks --------------------------------------------------------------------------------------
inline constexpr std::string_view find_talk =
    "SELECT t.id, t.kind, t.title, t.speaker, t.company, t.start_ms, t.end_ms, t.room, "
    "t.capacity, t.notes, t.speaker_user, t.created_at_ms, t.updated_at_ms, "
    "(SELECT COUNT(*) FROM talk_rsvps r WHERE r.talk_id = t.id), "
    "(SELECT COUNT(*) FROM seat_bookings b WHERE b.talk_id = t.id AND b.status = 1), "
    "(SELECT COUNT(*) FROM seat_bookings b WHERE b.talk_id = t.id AND b.status = 2) "
    "FROM talks t WHERE t.id = ?1";
inline constexpr std::string_view list_talks =
    "SELECT t.id, t.kind, t.title, t.speaker, t.company, t.start_ms, t.end_ms, t.room, "
    "t.capacity, t.notes, t.speaker_user, t.created_at_ms, t.updated_at_ms, "
    "(SELECT COUNT(*) FROM talk_rsvps r WHERE r.talk_id = t.id), "
    "(SELECT COUNT(*) FROM seat_bookings b WHERE b.talk_id = t.id AND b.status = 1), "
    "(SELECT COUNT(*) FROM seat_bookings b WHERE b.talk_id = t.id AND b.status = 2) "
    "FROM talks t WHERE t.end_ms > ?1 AND t.start_ms < ?2 ORDER BY t.start_ms, t.id";
inline constexpr std::string_view insert_talk =
    "INSERT INTO talks (kind, title, speaker, company, start_ms, end_ms, room, capacity, notes, "
    "speaker_user, created_at_ms, updated_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
// A changed start time is announced again when it comes.
inline constexpr std::string_view update_talk =
    "UPDATE talks SET kind = ?2, title = ?3, speaker = ?4, company = ?5, "
    "reminded = CASE WHEN start_ms = ?6 THEN reminded ELSE 0 END, start_ms = ?6, end_ms = ?7, "
    "room = ?8, capacity = ?9, notes = ?10, speaker_user = ?11, updated_at_ms = ?12 "
    "WHERE id = ?1";
inline constexpr std::string_view delete_talk = "DELETE FROM talks WHERE id = ?1";
inline constexpr std::string_view set_notes =
    "UPDATE talks SET notes = ?2, updated_at_ms = ?3 WHERE id = ?1";
inline constexpr std::string_view due_reminders =
    "SELECT id FROM talks WHERE reminded = 0 AND start_ms <= ?1 AND end_ms > ?1 ORDER BY id";
inline constexpr std::string_view mark_reminded = "UPDATE talks SET reminded = 1 WHERE id = ?1";

inline constexpr std::string_view insert_rsvp =
    "INSERT OR IGNORE INTO talk_rsvps (talk_id, user_id, created_at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view delete_rsvp =
    "DELETE FROM talk_rsvps WHERE talk_id = ?1 AND user_id = ?2";
inline constexpr std::string_view has_rsvp =
    "SELECT 1 FROM talk_rsvps WHERE talk_id = ?1 AND user_id = ?2";
// Who is reminded when a session starts: everyone who RSVP'd and everyone holding a seat.
inline constexpr std::string_view people_to_remind =
    "SELECT user_id FROM talk_rsvps WHERE talk_id = ?1 "
    "UNION SELECT user_id FROM seat_bookings WHERE talk_id = ?1 AND status = 1 ORDER BY user_id";

inline constexpr std::string_view insert_question =
    "INSERT INTO talk_questions (talk_id, user_id, display_name, text, asked_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view find_question =
    "SELECT q.id, q.talk_id, q.user_id, q.display_name, q.text, "
    "(SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id), q.answered, "
    "q.asked_at_ms, EXISTS (SELECT 1 FROM question_votes v WHERE v.question_id = q.id AND "
    "v.user_id = ?2) FROM talk_questions q WHERE q.id = ?1";
inline constexpr std::string_view questions =
    "SELECT q.id, q.talk_id, q.user_id, q.display_name, q.text, "
    "(SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id), q.answered, "
    "q.asked_at_ms, EXISTS (SELECT 1 FROM question_votes v WHERE v.question_id = q.id AND "
    "v.user_id = ?2) FROM talk_questions q WHERE q.talk_id = ?1";
// For the quota: the person's questions for the session, and all of the session's.
inline constexpr std::string_view count_questions =
    "SELECT (SELECT COUNT(*) FROM talk_questions WHERE talk_id = ?1 AND user_id = ?2), "
    "(SELECT COUNT(*) FROM talk_questions WHERE talk_id = ?1)";
inline constexpr std::string_view delete_question =
    "DELETE FROM talk_questions WHERE id = ?1 AND talk_id = ?2";
inline constexpr std::string_view insert_vote =
    "INSERT INTO question_votes (question_id, user_id, voted_at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view set_answered =
    "UPDATE talk_questions SET answered = ?2 WHERE id = ?1";

// The seat rule of seats.hpp in one statement: confirmed while fewer than `capacity` bookings
// are confirmed, else waitlisted. Run inside BEGIN IMMEDIATE, so the count cannot change
// between reading it and inserting.
inline constexpr std::string_view book_seat =
    "INSERT INTO seat_bookings (talk_id, user_id, status, booked_at_ms) "
    "SELECT t.id, ?2, CASE WHEN (SELECT COUNT(*) FROM seat_bookings b WHERE b.talk_id = t.id "
    "AND b.status = 1) < t.capacity THEN 1 ELSE 2 END, ?3 FROM talks t WHERE t.id = ?1";
inline constexpr std::string_view seat_of =
    "SELECT b.status, (SELECT COUNT(*) FROM seat_bookings w WHERE w.talk_id = b.talk_id AND "
    "w.status = 2 AND w.id <= b.id) FROM seat_bookings b WHERE b.talk_id = ?1 AND "
    "b.user_id = ?2";
inline constexpr std::string_view cancel_seat =
    "DELETE FROM seat_bookings WHERE talk_id = ?1 AND user_id = ?2 RETURNING status";
inline constexpr std::string_view promote_first =
    "UPDATE seat_bookings SET status = 1 WHERE id = (SELECT id FROM seat_bookings WHERE "
    "talk_id = ?1 AND status = 2 ORDER BY id LIMIT 1) RETURNING user_id";
inline constexpr std::string_view confirmed_count =
    "SELECT COUNT(*) FROM seat_bookings WHERE talk_id = ?1 AND status = 1";

}  // namespace moim::programme::sql
