#pragma once
// The attendance log of a study group: visits to the group's room (enter/leave times, UTC) are
// recorded as they happen; who attended each scheduled session, and for how long, is derived
// from the visits and the schedule. Overlapping visits of one person (two devices, a reconnect)
// count once.
#include <map>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "programme/schedule.hpp"

namespace moim::programme {

using moim::UserId;

struct Visit {
  UserId user = 0;
  Millis enter_ms = 0;
  Millis leave_ms = 0;  // for a visit still going on, the caller passes "now"
};

struct SessionAttendance {
  Interval session;
  std::map<UserId, Millis> present_ms;  // only people who were there at all
};

// Attendance of each session in `sessions` (in the order given).
std::vector<SessionAttendance> attendance(const std::vector<Interval>& sessions,
                                          const std::vector<Visit>& visits);

// A session counts as attended with at least `min_ms` present (e.g. 10 minutes).
struct Streak {
  int current = 0;  // consecutive attended sessions ending with the latest one
  int best = 0;
  int attended = 0;
};
// Streaks of `members` over `log` (sessions in time order; only finished ones should be given).
std::map<UserId, Streak> streaks(const std::vector<SessionAttendance>& log,
                                 const std::vector<UserId>& members, Millis min_ms);

}  // namespace moim::programme
