#include "programme/schedule.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kHour = 60 * kMinute;
constexpr Millis kDay = 24 * kHour;
// 2026-11-23 00:00 KST (Monday) = 2026-11-22 15:00 UTC.
constexpr Millis kMonMidnightKst = 1'795'359'600'000;

TEST(Schedule, EveryDayNineToMidnightKst) {
  auto s = weekly("daily", "21:00-24:00");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->duration_minutes, 180);
  EXPECT_EQ(describe(*s), "every day 21:00–24:00 KST");
  const auto week = sessions_between(*s, kMonMidnightKst, kMonMidnightKst + 7 * kDay);
  ASSERT_EQ(week.size(), 7u);
  // 21:00 KST is 12:00 UTC; the session ends at local midnight, 15:00 UTC.
  EXPECT_EQ(week[0].start_ms, kMonMidnightKst + 21 * kHour);
  EXPECT_EQ(week[0].end_ms, kMonMidnightKst + kDay);
  EXPECT_EQ(week[6].start_ms, kMonMidnightKst + 6 * kDay + 21 * kHour);
}

TEST(Schedule, SessionAcrossMidnightBelongsToTheDayItStarts) {
  auto s = weekly("mon,wed", "23:00-01:00");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->duration_minutes, 120);
  EXPECT_EQ(describe(*s), "Mon, Wed 23:00–01:00 KST");
  // Tuesday 00:30 KST is still Monday's session.
  const Millis tue_0030 = kMonMidnightKst + kDay + 30 * kMinute;
  auto now = session_at(*s, tue_0030);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->start_ms, kMonMidnightKst + 23 * kHour);
  EXPECT_EQ(now->end_ms, kMonMidnightKst + kDay + kHour);
  // Tuesday 01:00 KST: over (the end is exclusive); Tuesday 23:30: no session on Tuesdays.
  EXPECT_FALSE(session_at(*s, kMonMidnightKst + kDay + kHour));
  EXPECT_FALSE(session_at(*s, kMonMidnightKst + kDay + 23 * kHour + 30 * kMinute));
  // Asking from Tuesday finds the running Monday session through the look-back.
  auto listed = sessions_between(*s, tue_0030, tue_0030 + 2 * kDay);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0], *now);
  EXPECT_EQ(listed[1].start_ms, kMonMidnightKst + 2 * kDay + 23 * kHour);
}

TEST(Schedule, WeekdayIsThatOfSeoulNotOfUtc) {
  // Monday 08:00 KST is Sunday 23:00 UTC: the Monday session must be found.
  auto s = weekly("mon", "08:00-09:00");
  ASSERT_TRUE(s);
  auto next = next_session(*s, kMonMidnightKst - kDay);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->start_ms, kMonMidnightKst + 8 * kHour);
  EXPECT_EQ(next->start_ms % kDay, 23 * kHour);  // 23:00 UTC on Sunday
}

TEST(Schedule, SameWallClockInAnotherZoneIsAnotherInstant) {
  auto seoul_s = weekly("daily", "21:00-22:00", "Asia/Seoul");
  auto utc_s = weekly("daily", "21:00-22:00", "UTC");
  ASSERT_TRUE(seoul_s && utc_s);
  auto a = next_session(*seoul_s, kMonMidnightKst);
  auto b = next_session(*utc_s, kMonMidnightKst);
  ASSERT_TRUE(a && b);
  // 21:00 in Seoul is 12:00 UTC; 21:00 UTC is 06:00 the next morning in Seoul.
  EXPECT_EQ(a->start_ms % kDay, 12 * kHour);
  EXPECT_EQ(b->start_ms % kDay, 21 * kHour);
  EXPECT_EQ(describe(*utc_s), "every day 21:00–22:00 UTC");
}

TEST(Schedule, NextSessionSkipsDaysNotChosen) {
  auto s = weekly("fri", "19:00-21:00");
  ASSERT_TRUE(s);
  auto next = next_session(*s, kMonMidnightKst);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->start_ms, kMonMidnightKst + 4 * kDay + 19 * kHour);
  // Exactly at the start counts as that session.
  EXPECT_EQ(next_session(*s, next->start_ms), next);
}

TEST(Schedule, OnceIsOneSession) {
  auto s = once(kMonMidnightKst + 21 * kHour, kMonMidnightKst + 25 * kHour);
  ASSERT_TRUE(s);
  EXPECT_EQ(describe(*s), "2026-11-23 21:00–01:00 KST");
  EXPECT_TRUE(session_at(*s, kMonMidnightKst + 24 * kHour + 30 * kMinute));
  EXPECT_EQ(sessions_between(*s, 0, kMonMidnightKst + 30 * kDay).size(), 1u);
  EXPECT_FALSE(next_session(*s, kMonMidnightKst + 22 * kHour));
}

TEST(Schedule, RefusesWhatIsNotASchedule) {
  EXPECT_EQ(weekly("", "21:00-24:00").error().code, Errc::invalid_schedule);
  EXPECT_EQ(weekly("funday", "21:00-24:00").error().code, Errc::invalid_schedule);
  EXPECT_EQ(weekly("mon", "21:00").error().code, Errc::invalid_schedule);
  EXPECT_EQ(weekly("mon", "24:00-01:00").error().code, Errc::invalid_schedule);
  EXPECT_EQ(weekly("mon", "21:00-22:00", "Mars/Olympus").error().code, Errc::invalid_schedule);
  EXPECT_EQ(once(10, 10).error().code, Errc::invalid_schedule);
  EXPECT_EQ(once(0, 2 * kDay).error().code, Errc::invalid_schedule);
  Schedule bad;
  bad.days = 0x80;
  bad.duration_minutes = 60;
  EXPECT_FALSE(validate(bad));
}

TEST(Schedule, ParsesDayListsLeniently) {
  auto s = weekly(" Mon, WED ,fri ", "09:00-10:00");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->days, (1 << 1) | (1 << 3) | (1 << 5));
  auto w = weekly("weekdays", "09:00-10:00");
  ASSERT_TRUE(w);
  EXPECT_EQ(describe(*w), "Mon, Tue, Wed, Thu, Fri 09:00–10:00 KST");
}

TEST(Schedule, IntervalOverlap) {
  const Interval i{100, 200};
  EXPECT_EQ(i.overlap(0, 150), 50);
  EXPECT_EQ(i.overlap(150, 500), 50);
  EXPECT_EQ(i.overlap(0, 100), 0);
  EXPECT_EQ(i.overlap(120, 130), 10);
}

}  // namespace
}  // namespace moim::programme
