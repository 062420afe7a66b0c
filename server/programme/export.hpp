#pragma once
// What hosts take out of moim: the programme as an iCalendar feed (RFC 5545, subscribable from
// Google Calendar or Outlook) and a study group's attendance log as CSV.
#include <string>
#include <string_view>
#include <vector>

#include "programme/attendance.hpp"
#include "programme/study_group.hpp"
#include "programme/talk.hpp"

namespace moim::programme {

// A VCALENDAR with one VEVENT per talk. Times are UTC ("...Z"), so no VTIMEZONE is needed;
// X-WR-TIMEZONE tells calendar apps which zone to show. Text is escaped and lines are folded at
// 75 octets without splitting a UTF-8 character. `host` names the server in UIDs.
std::string render_ical(const std::vector<Talk>& talks, Millis now_ms, std::string_view host,
                        const TimeZone& zone);

struct MemberRow {
  UserId user = 0;
  std::string name;
};

// One row per session and member (absent members too, with 0 minutes), oldest session first:
// session_start, session_end (local, in the group's zone), user_id, display_name,
// minutes_present, attended (≥ min_ms), current_streak, best_streak. Fields are quoted as
// RFC 4180 asks; a cell that a spreadsheet would run as a formula is prefixed with ' .
std::string render_attendance_csv(const StudyGroup& group,
                                  const std::vector<SessionAttendance>& log,
                                  const std::vector<MemberRow>& members, Millis min_ms);

}  // namespace moim::programme
