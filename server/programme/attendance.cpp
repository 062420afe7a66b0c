#include "programme/attendance.hpp"

#include <algorithm>

namespace moim::programme {

namespace {

// Visits of one person merged into disjoint intervals, in order.
std::vector<Interval> merged(std::vector<Interval> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Interval& a, const Interval& b) { return a.start_ms < b.start_ms; });
  std::vector<Interval> out;
  for (const auto& s : spans) {
    if (s.end_ms <= s.start_ms) continue;
    if (!out.empty() && s.start_ms <= out.back().end_ms) {
      out.back().end_ms = std::max(out.back().end_ms, s.end_ms);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace

std::vector<SessionAttendance> attendance(const std::vector<Interval>& sessions,
                                          const std::vector<Visit>& visits) {
  std::map<UserId, std::vector<Interval>> by_person;
  for (const auto& v : visits) by_person[v.user].push_back({v.enter_ms, v.leave_ms});
  std::map<UserId, std::vector<Interval>> spans;
  for (auto& [user, list] : by_person) spans[user] = merged(std::move(list));

  std::vector<SessionAttendance> out;
  out.reserve(sessions.size());
  for (const auto& session : sessions) {
    SessionAttendance a{session, {}};
    for (const auto& [user, list] : spans) {
      Millis total = 0;
      for (const auto& span : list) total += session.overlap(span.start_ms, span.end_ms);
      if (total > 0) a.present_ms[user] = total;
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::map<UserId, Streak> streaks(const std::vector<SessionAttendance>& log,
                                 const std::vector<UserId>& members, Millis min_ms) {
  std::map<UserId, Streak> out;
  for (auto member : members) {
    Streak s;
    for (const auto& session : log) {
      auto it = session.present_ms.find(member);
      if (it != session.present_ms.end() && it->second >= min_ms) {
        ++s.current;
        ++s.attended;
        s.best = std::max(s.best, s.current);
      } else {
        s.current = 0;
      }
    }
    out[member] = s;
  }
  return out;
}

}  // namespace moim::programme
