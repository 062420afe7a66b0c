#include "programme/time_zone.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

using namespace std::chrono;

// 2026-11-23 12:00:00 UTC = 21:00 KST, a Monday.
constexpr Millis kMonNoonUtc = 1'795'435'200'000;

TEST(TimeZone, SeoulIsNineHoursAheadAllYear) {
  const auto z = seoul();
  EXPECT_EQ(z.name, "Asia/Seoul");
  EXPECT_EQ(z.abbreviation, "KST");
  EXPECT_EQ(z.offset, hours(9));
  EXPECT_FALSE(find_time_zone("Europe/Berlin"));  // has DST: deliberately not in the table
}

TEST(TimeZone, LocalTimeCrossesTheDateLine) {
  const auto z = seoul();
  EXPECT_EQ(format_local(kMonNoonUtc, z), "2026-11-23 21:00");
  // 15:30 UTC is 00:30 the next day in Seoul.
  const Millis late = kMonNoonUtc + (3 * 60 + 30) * 60'000;
  const auto t = to_local(late, z);
  EXPECT_EQ(t.date, year_month_day(2026y / November / 24));
  EXPECT_EQ(t.weekday, Tuesday);
  EXPECT_EQ(t.minute_of_day, 30);
  EXPECT_EQ(format_local(late, z), "2026-11-24 00:30");
}

TEST(TimeZone, ToUtcIsTheInverse) {
  const auto z = seoul();
  const local_days day{2026y / November / 23};
  EXPECT_EQ(to_utc(day, 21 * 60, z), kMonNoonUtc);
  // Minute 1440 is the next local midnight.
  EXPECT_EQ(to_utc(day, 24 * 60, z), kMonNoonUtc + 3 * 3'600'000);
  EXPECT_EQ(local_day(kMonNoonUtc, z), day);
}

TEST(TimeZone, ParsesTimesOfDay) {
  EXPECT_EQ(parse_hhmm("21:00"), 21 * 60);
  EXPECT_EQ(parse_hhmm("24:00"), 24 * 60);
  EXPECT_EQ(parse_hhmm("00:05"), 5);
  EXPECT_FALSE(parse_hhmm("24:01"));
  EXPECT_FALSE(parse_hhmm("9:00"));
  EXPECT_FALSE(parse_hhmm("12:60"));
  EXPECT_FALSE(parse_hhmm("ab:cd"));
}

TEST(TimeZone, ParsesDateTimesInTheZoneOrWithAnOffset) {
  const auto z = seoul();
  EXPECT_EQ(parse_local_datetime("2026-11-23T21:00", z), kMonNoonUtc);
  EXPECT_EQ(parse_local_datetime("2026-11-23 21:00", z), kMonNoonUtc);
  EXPECT_EQ(parse_local_datetime("2026-11-23T12:00:00Z", z), kMonNoonUtc);
  EXPECT_EQ(parse_local_datetime("2026-11-23T21:00:00+09:00", z), kMonNoonUtc);
  EXPECT_EQ(parse_local_datetime("2026-11-23T07:00-05:00", z), kMonNoonUtc);
  EXPECT_FALSE(parse_local_datetime("2026-02-30T10:00", z));
  EXPECT_FALSE(parse_local_datetime("2026-11-23T24:00", z));
  EXPECT_FALSE(parse_local_datetime("2026-11-23T21:00+9", z));
  EXPECT_FALSE(parse_local_datetime("yesterday", z));
}

TEST(TimeZone, FormatsRfc3339InUtc) {
  EXPECT_EQ(format_utc_rfc3339(kMonNoonUtc), "2026-11-23T12:00:00Z");
  EXPECT_EQ(format_utc_rfc3339(kMonNoonUtc + 59'000), "2026-11-23T12:00:59Z");
}

}  // namespace
}  // namespace moim::programme
