#include "programme/focus_timer.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kStart = 1'795'435'200'000;

TEST(FocusTimer, StoppedHasNoPhase) {
  EXPECT_EQ(focus_state(FocusTimer{}, kStart).phase, FocusPhase::stopped);
}

TEST(FocusTimer, FiftyTenCycles) {
  const auto t = start_timer(kStart, 50, 10);
  auto s = focus_state(t, kStart);
  EXPECT_EQ(s.phase, FocusPhase::focus);
  EXPECT_EQ(s.cycle, 0);
  EXPECT_EQ(s.remaining_ms, 50 * kMinute);
  EXPECT_EQ(s.phase_ends_at_ms, kStart + 50 * kMinute);

  s = focus_state(t, kStart + 49 * kMinute + 59'000);
  EXPECT_EQ(s.phase, FocusPhase::focus);
  EXPECT_EQ(s.remaining_ms, 1000);

  s = focus_state(t, kStart + 50 * kMinute);
  EXPECT_EQ(s.phase, FocusPhase::rest);
  EXPECT_EQ(s.remaining_ms, 10 * kMinute);

  s = focus_state(t, kStart + 60 * kMinute);
  EXPECT_EQ(s.phase, FocusPhase::focus);
  EXPECT_EQ(s.cycle, 1);

  // Hours later (a reconnect, a restart): derived, not counted.
  s = focus_state(t, kStart + 5 * 60 * kMinute + 55 * kMinute);
  EXPECT_EQ(s.phase, FocusPhase::rest);
  EXPECT_EQ(s.cycle, 5);
  EXPECT_EQ(s.phase_ends_at_ms, kStart + 6 * 60 * kMinute);
}

TEST(FocusTimer, EveryScreenAgrees) {
  // Two clients asking at the same instant get the same answer whatever they asked before.
  const auto t = start_timer(kStart, 25, 5);
  const Millis now = kStart + 123 * kMinute + 4567;
  EXPECT_EQ(focus_state(t, now).phase_ends_at_ms, focus_state(t, now).phase_ends_at_ms);
  const auto s = focus_state(t, now);
  EXPECT_EQ(s.phase_ends_at_ms - now, s.remaining_ms);
}

TEST(FocusTimer, NoBreakAndClockSkew) {
  const auto t = start_timer(kStart, 30, 0);
  EXPECT_EQ(focus_state(t, kStart + 30 * kMinute).cycle, 1);
  EXPECT_EQ(focus_state(t, kStart + 30 * kMinute).phase, FocusPhase::focus);
  // A clock slightly behind the start shows the full first phase, not a negative one.
  EXPECT_EQ(focus_state(t, kStart - 500).remaining_ms, 30 * kMinute);
}

TEST(FocusTimer, Limits) {
  EXPECT_TRUE(validate(start_timer(kStart, 50, 10)));
  EXPECT_FALSE(validate(start_timer(kStart, 0, 10)));
  EXPECT_FALSE(validate(start_timer(kStart, 181, 10)));
  EXPECT_FALSE(validate(start_timer(kStart, 50, -1)));
  EXPECT_FALSE(validate(start_timer(kStart, 50, 61)));
}

}  // namespace
}  // namespace moim::programme
