#pragma once
// When a study group meets: once (a UTC interval) or weekly on chosen days at a local time in a
// time zone, e.g. every day 21:00–24:00 KST or Mon/Wed 23:00–01:00 KST. A weekly session belongs
// to the local day it starts on and may run past midnight into the next day.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "programme/time_zone.hpp"

namespace moim::programme {

struct Interval {
  Millis start_ms = 0;
  Millis end_ms = 0;  // exclusive
  bool contains(Millis t) const { return t >= start_ms && t < end_ms; }
  Millis overlap(Millis from, Millis to) const;  // ms of [from, to) inside this interval
  friend bool operator==(const Interval&, const Interval&) = default;
};

// Days of the week as a bit mask over the local weekday of the start: bit 0 = Sunday ...
// bit 6 = Saturday (std::chrono::weekday::c_encoding).
inline constexpr std::uint8_t kEveryDay = 0x7f;

struct Schedule {
  enum class Kind : std::uint8_t { once = 1, weekly = 2 };
  Kind kind = Kind::weekly;
  Interval once;             // once: the session, UTC
  std::uint8_t days = 0;     // weekly
  int start_minute = 0;      // weekly: local minutes after midnight, 0..1439
  int duration_minutes = 0;  // weekly: 1..1440
  std::string time_zone = "Asia/Seoul";

  friend bool operator==(const Schedule&, const Schedule&) = default;
};

// invalid_schedule with a reason people can act on.
Status validate(const Schedule& schedule);

// Weekly from a days list and a local time range: days "daily" or "mon,wed,fri" (three-letter
// English names, any case); times "21:00-24:00" or "23:00-01:00" (an end at or before the
// start runs into the next day).
Result<Schedule> weekly(std::string_view days, std::string_view times,
                        std::string_view time_zone = "Asia/Seoul");
Result<Schedule> once(Millis start_ms, Millis end_ms, std::string_view time_zone = "Asia/Seoul");

// Sessions overlapping [from_ms, to_ms), in start order. Precondition: validate() passed.
std::vector<Interval> sessions_between(const Schedule& schedule, Millis from_ms, Millis to_ms);
// The session running at `t`, if any.
std::optional<Interval> session_at(const Schedule& schedule, Millis t);
// The first session starting at or after `t`, looking at most 8 days ahead for weekly ones.
std::optional<Interval> next_session(const Schedule& schedule, Millis t);

// For people: "every day 21:00–24:00 KST", "Mon, Wed 23:00–01:00 KST",
// "2026-11-23 21:00–23:00 KST".
std::string describe(const Schedule& schedule);

}  // namespace moim::programme
