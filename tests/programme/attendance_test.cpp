#include "programme/attendance.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kHour = 60 * kMinute;
constexpr Millis kDay = 24 * kHour;
constexpr Millis kMonMidnightKst = 1'795'359'600'000;

TEST(Attendance, TimeInsideEachSession) {
  const auto s = *weekly("daily", "21:00-24:00");
  const auto sessions = sessions_between(s, kMonMidnightKst, kMonMidnightKst + 2 * kDay);
  ASSERT_EQ(sessions.size(), 2u);
  const Millis mon21 = sessions[0].start_ms;
  const std::vector<Visit> visits{
      {1, mon21 - 30 * kMinute, mon21 + kHour},   // early: counts from 21:00
      {2, mon21 + 2 * kHour, mon21 + 4 * kHour},  // stays past midnight: 1 h counts
      {1, mon21 + kDay + 10 * kMinute, mon21 + kDay + 20 * kMinute},
  };
  const auto log = attendance(sessions, visits);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].present_ms.at(1), kHour);
  EXPECT_EQ(log[0].present_ms.at(2), kHour);
  EXPECT_EQ(log[1].present_ms.at(1), 10 * kMinute);
  EXPECT_FALSE(log[1].present_ms.contains(2));
}

TEST(Attendance, AcrossMidnightSession) {
  const auto s = *weekly("mon", "23:00-01:00");
  const auto sessions = sessions_between(s, kMonMidnightKst, kMonMidnightKst + kDay * 2);
  ASSERT_EQ(sessions.size(), 1u);
  // 23:30 Monday to 00:45 Tuesday KST.
  const std::vector<Visit> visits{
      {5, kMonMidnightKst + 23 * kHour + 30 * kMinute, kMonMidnightKst + kDay + 45 * kMinute}};
  const auto log = attendance(sessions, visits);
  EXPECT_EQ(log[0].present_ms.at(5), 75 * kMinute);
}

TEST(Attendance, OverlappingVisitsCountOnce) {
  const std::vector<Interval> sessions{{0, 100 * kMinute}};
  const std::vector<Visit> visits{{1, 0, 30 * kMinute},
                                  {1, 20 * kMinute, 50 * kMinute},  // a second device
                                  {1, 60 * kMinute, 70 * kMinute}};
  EXPECT_EQ(attendance(sessions, visits)[0].present_ms.at(1), 60 * kMinute);
}

TEST(Attendance, Streaks) {
  std::vector<SessionAttendance> log(5);
  const UserId a = 1, b = 2, c = 3;
  for (int i = 0; i < 5; ++i) log[static_cast<std::size_t>(i)].present_ms[a] = 30 * kMinute;
  log[0].present_ms[b] = 30 * kMinute;
  log[1].present_ms[b] = 30 * kMinute;
  log[2].present_ms[b] = 5 * kMinute;  // too short to count
  log[3].present_ms[b] = 30 * kMinute;
  log[4].present_ms[b] = 30 * kMinute;
  auto s = streaks(log, {a, b, c}, 10 * kMinute);
  EXPECT_EQ(s[a].current, 5);
  EXPECT_EQ(s[a].best, 5);
  EXPECT_EQ(s[b].current, 2);
  EXPECT_EQ(s[b].best, 2);
  EXPECT_EQ(s[b].attended, 4);
  EXPECT_EQ(s[c].current, 0);
  EXPECT_EQ(s[c].attended, 0);
}

}  // namespace
}  // namespace moim::programme
