#include "programme/time_zone.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace moim::programme {

namespace chr = std::chrono;

namespace {

struct ZoneEntry {
  std::string_view name;
  std::string_view abbreviation;
  int offset_minutes;
};

// Fixed-offset zones only (see the header for why).
constexpr std::array kZones{
    ZoneEntry{"Asia/Seoul", "KST", 9 * 60},
    ZoneEntry{"UTC", "UTC", 0},
    ZoneEntry{"Etc/UTC", "UTC", 0},
    ZoneEntry{"Asia/Tokyo", "JST", 9 * 60},
};

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<TimeZone> find_time_zone(std::string_view name) {
  for (const auto& z : kZones) {
    if (z.name == name) {
      return TimeZone{std::string(z.name), std::string(z.abbreviation),
                      chr::minutes(z.offset_minutes)};
    }
  }
  return std::nullopt;
}

TimeZone seoul() {
  return *find_time_zone("Asia/Seoul");
}

chr::local_days local_day(Millis utc, const TimeZone& zone) {
  const auto local = chr::milliseconds(utc) + zone.offset;
  return chr::local_days(chr::floor<chr::days>(local));
}

LocalTime to_local(Millis utc, const TimeZone& zone) {
  const auto local = chr::milliseconds(utc) + zone.offset;
  const auto day = chr::floor<chr::days>(local);
  const auto minutes = chr::floor<chr::minutes>(local - day);
  const chr::local_days ld(day);
  return {chr::year_month_day(ld), chr::weekday(ld), static_cast<int>(minutes.count())};
}

Millis to_utc(chr::local_days day, int minute_of_day, const TimeZone& zone) {
  const auto local = day.time_since_epoch() + chr::minutes(minute_of_day);
  return chr::duration_cast<chr::milliseconds>(local - zone.offset).count();
}

std::string format_hhmm(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

std::string format_local(Millis utc, const TimeZone& zone) {
  const auto t = to_local(utc, zone);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %s", static_cast<int>(t.date.year()),
                static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()),
                format_hhmm(t.minute_of_day).c_str());
  return buf;
}

std::string format_utc_rfc3339(Millis utc) {
  const auto t = to_local(utc, TimeZone{"UTC", "UTC", chr::minutes(0)});
  const auto seconds = (utc / 1000) % 60;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%s:%02dZ", static_cast<int>(t.date.year()),
                static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()),
                format_hhmm(t.minute_of_day).c_str(),
                static_cast<int>(seconds < 0 ? seconds + 60 : seconds));
  return buf;
}

std::optional<int> parse_hhmm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = parse_int(text.substr(0, 2));
  auto m = parse_int(text.substr(3, 2));
  if (!h || !m || *h < 0 || *m < 0 || *m > 59 || *h > 24) return std::nullopt;
  if (*h == 24 && *m != 0) return std::nullopt;
  return *h * 60 + *m;
}

std::optional<Millis> parse_local_datetime(std::string_view text, const TimeZone& zone) {
  // YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]
  if (text.size() < 16 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' '))
    return std::nullopt;
  auto y = parse_int(text.substr(0, 4));
  auto mo = parse_int(text.substr(5, 2));
  auto d = parse_int(text.substr(8, 2));
  auto hm = parse_hhmm(text.substr(11, 5));
  if (!y || !mo || !d || !hm || *hm >= 24 * 60) return std::nullopt;
  const chr::year_month_day ymd{chr::year(*y), chr::month(static_cast<unsigned>(*mo)),
                                chr::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  std::string_view rest = text.substr(16);
  int seconds = 0;
  if (rest.size() >= 3 && rest[0] == ':') {
    auto s = parse_int(rest.substr(1, 2));
    if (!s || *s < 0 || *s > 59) return std::nullopt;
    seconds = *s;
    rest = rest.substr(3);
  }
  TimeZone effective = zone;
  if (rest == "Z") {
    effective.offset = chr::minutes(0);
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-')) {
    auto off = parse_hhmm(rest.substr(1));
    if (!off || *off >= 24 * 60) return std::nullopt;
    effective.offset = chr::minutes(rest[0] == '+' ? *off : -*off);
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  return to_utc(chr::local_days(ymd), *hm, effective) + seconds * 1000;
}

}  // namespace moim::programme
