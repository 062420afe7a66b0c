#include "programme/schedule.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace moim::programme {

namespace chr = std::chrono;

namespace {

constexpr std::array<std::string_view, 7> kDayNames{"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kDayLabels{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
constexpr Millis kMinute = 60'000;
constexpr Millis kDay = 24 * 60 * kMinute;

Error bad(std::string message) {
  return Error{Errc::invalid_schedule, std::move(message)};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::uint8_t> parse_days(std::string_view text) {
  const std::string days = lower(text);
  if (days == "daily" || days == "every day") return kEveryDay;
  if (days == "weekdays") return std::uint8_t{0x3e};
  std::uint8_t mask = 0;
  std::size_t pos = 0;
  while (pos <= days.size()) {
    const auto comma = std::min(days.find(',', pos), days.size());
    auto name = std::string_view(days).substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    auto it = std::find(kDayNames.begin(), kDayNames.end(), name);
    if (it == kDayNames.end()) return std::nullopt;
    mask = static_cast<std::uint8_t>(mask | (1u << (it - kDayNames.begin())));
    pos = comma + 1;
  }
  return mask == 0 ? std::nullopt : std::optional(mask);
}

TimeZone zone_of(const Schedule& s) {
  // validate() guarantees the zone exists; fall back to Seoul rather than crash if not.
  return find_time_zone(s.time_zone).value_or(seoul());
}

}  // namespace

Millis Interval::overlap(Millis from, Millis to) const {
  const Millis a = std::max(from, start_ms);
  const Millis b = std::min(to, end_ms);
  return b > a ? b - a : 0;
}

Status validate(const Schedule& s) {
  if (!find_time_zone(s.time_zone)) return bad("unknown time zone '" + s.time_zone + "'");
  switch (s.kind) {
    case Schedule::Kind::once:
      if (s.once.end_ms <= s.once.start_ms) return bad("a session must end after it starts");
      if (s.once.end_ms - s.once.start_ms > kDay) return bad("a session lasts at most 24 hours");
      return ok();
    case Schedule::Kind::weekly:
      if ((s.days & kEveryDay) == 0 || (s.days & ~kEveryDay) != 0) {
        return bad("choose at least one day of the week");
      }
      if (s.start_minute < 0 || s.start_minute >= 24 * 60) return bad("start must be 00:00–23:59");
      if (s.duration_minutes < 1 || s.duration_minutes > 24 * 60) {
        return bad("a session lasts between 1 minute and 24 hours");
      }
      return ok();
  }
  return bad("unknown schedule kind");
}

Result<Schedule> weekly(std::string_view days, std::string_view times, std::string_view time_zone) {
  auto mask = parse_days(days);
  if (!mask) return bad("days must be 'daily', 'weekdays' or a list like 'mon,wed,fri'");
  const auto dash = times.find('-');
  if (dash == std::string_view::npos) return bad("times must look like 21:00-24:00");
  auto start = parse_hhmm(times.substr(0, dash));
  auto end = parse_hhmm(times.substr(dash + 1));
  if (!start || !end || *start >= 24 * 60) return bad("times must look like 21:00-24:00");
  // An end at or before the start is on the next day (23:00-01:00); 24:00 is midnight.
  const int duration = *end > *start ? *end - *start : *end + 24 * 60 - *start;
  Schedule s;
  s.kind = Schedule::Kind::weekly;
  s.days = *mask;
  s.start_minute = *start;
  s.duration_minutes = duration;
  s.time_zone = std::string(time_zone);
  if (auto valid = validate(s); !valid) return valid.error();
  return s;
}

Result<Schedule> once(Millis start_ms, Millis end_ms, std::string_view time_zone) {
  Schedule s;
  s.kind = Schedule::Kind::once;
  s.once = {start_ms, end_ms};
  s.time_zone = std::string(time_zone);
  if (auto valid = validate(s); !valid) return valid.error();
  return s;
}

std::vector<Interval> sessions_between(const Schedule& s, Millis from_ms, Millis to_ms) {
  std::vector<Interval> out;
  if (to_ms <= from_ms) return out;
  if (s.kind == Schedule::Kind::once) {
    if (s.once.overlap(from_ms, to_ms) > 0) out.push_back(s.once);
    return out;
  }
  const TimeZone zone = zone_of(s);
  // A session that started the local day before `from` may still be running.
  auto day = local_day(from_ms, zone) - chr::days(1);
  const auto last = local_day(to_ms, zone);
  for (; day <= last; day += chr::days(1)) {
    const unsigned wd = chr::weekday(day).c_encoding();
    if ((s.days & (1u << wd)) == 0) continue;
    const Millis start = to_utc(day, s.start_minute, zone);
    const Interval session{start, start + s.duration_minutes * kMinute};
    if (session.overlap(from_ms, to_ms) > 0) out.push_back(session);
  }
  return out;
}

std::optional<Interval> session_at(const Schedule& s, Millis t) {
  auto found = sessions_between(s, t, t + 1);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Interval> next_session(const Schedule& s, Millis t) {
  for (const auto& session : sessions_between(s, t, t + 8 * kDay)) {
    if (session.start_ms >= t) return session;
  }
  return std::nullopt;
}

std::string describe(const Schedule& s) {
  const TimeZone zone = zone_of(s);
  if (s.kind == Schedule::Kind::once) {
    const int end_minute = to_local(s.once.end_ms, zone).minute_of_day;
    return format_local(s.once.start_ms, zone) + "–" + format_hhmm(end_minute) + " " +
           zone.abbreviation;
  }
  std::string days;
  if (s.days == kEveryDay) {
    days = "every day";
  } else {
    for (unsigned d = 0; d < 7; ++d) {
      // Monday first, as a Korean or European calendar reads.
      const unsigned wd = (d + 1) % 7;
      if ((s.days & (1u << wd)) == 0) continue;
      if (!days.empty()) days += ", ";
      days += kDayLabels[wd];
    }
  }
  const int end = s.start_minute + s.duration_minutes;
  // An end exactly at midnight reads "24:00", as people write it for evening study sessions.
  const std::string end_text = end == 24 * 60 ? "24:00" : format_hhmm(end % (24 * 60));
  return days + " " + format_hhmm(s.start_minute) + "–" + end_text + " " + zone.abbreviation;
}

}  // namespace moim::programme
