#pragma once
// Times are stored in UTC (milliseconds since the epoch) and shown in a named time zone,
// Asia/Seoul by default.
//
// Why a table and not std::chrono::zoned_time: libstdc++ 12 (Debian 12) has no tzdb
// (std::chrono::locate_zone arrives in GCC 13). Every zone here has a fixed offset: Asia/Seoul
// has kept +09:00 without daylight saving since 1988, so the table is exact for every date moim
// will ever schedule. A zone with daylight saving must not be added to this table; move to
// zoned_time when the toolchain has it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace moim::programme {

using Millis = std::int64_t;  // UTC milliseconds since the epoch

struct TimeZone {
  std::string name;          // IANA name, e.g. "Asia/Seoul"
  std::string abbreviation;  // shown after times, e.g. "KST"
  std::chrono::minutes offset{0};
};

// nullopt for a name that is not in the table.
std::optional<TimeZone> find_time_zone(std::string_view name);
TimeZone seoul();

// A wall-clock time in some zone.
struct LocalTime {
  std::chrono::year_month_day date;
  std::chrono::weekday weekday;
  int minute_of_day = 0;  // 0..1439
};

LocalTime to_local(Millis utc, const TimeZone& zone);
// The UTC instant of `minute_of_day` minutes after local midnight of `day` (may be ≥ 1440).
Millis to_utc(std::chrono::local_days day, int minute_of_day, const TimeZone& zone);
std::chrono::local_days local_day(Millis utc, const TimeZone& zone);

// "2026-11-23 21:00" in `zone`.
std::string format_local(Millis utc, const TimeZone& zone);
// "21:00"; a time that ends exactly at midnight after the start day is written "24:00" by
// describe_times, not here.
std::string format_hhmm(int minute_of_day);
// "HH:MM" with 00 ≤ HH ≤ 24 and 00 ≤ MM ≤ 59 (24:00 only as exactly that): minutes after
// midnight, or nullopt.
std::optional<int> parse_hhmm(std::string_view text);
// "2026-11-23T21:00" (local, in `zone`) or with an explicit "Z"/"+09:00" suffix → UTC ms.
std::optional<Millis> parse_local_datetime(std::string_view text, const TimeZone& zone);
// RFC 3339 in UTC with seconds, e.g. "2026-11-23T12:00:00Z" (what the host API returns).
std::string format_utc_rfc3339(Millis utc);

}  // namespace moim::programme
