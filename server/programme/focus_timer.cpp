#include "programme/focus_timer.hpp"

#include <algorithm>

namespace moim::programme {

namespace {
constexpr Millis kMinute = 60'000;
}

Status validate(const FocusTimer& t) {
  if (t.focus_minutes < 1 || t.focus_minutes > 180) {
    return Error{Errc::bad_request, "focus lasts 1 to 180 minutes"};
  }
  if (t.break_minutes < 0 || t.break_minutes > 60) {
    return Error{Errc::bad_request, "a break lasts 0 to 60 minutes"};
  }
  return ok();
}

FocusTimer start_timer(Millis now_ms, int focus_minutes, int break_minutes) {
  return FocusTimer{now_ms, focus_minutes, break_minutes};
}

FocusState focus_state(const FocusTimer& t, Millis now_ms) {
  if (!t.running()) return {};
  const Millis focus = t.focus_minutes * kMinute;
  const Millis cycle_length = focus + t.break_minutes * kMinute;
  const Millis elapsed = std::max<Millis>(0, now_ms - t.started_at_ms);
  const Millis cycle = elapsed / cycle_length;
  const Millis into = elapsed % cycle_length;
  const Millis cycle_start = t.started_at_ms + cycle * cycle_length;
  FocusState s;
  s.cycle = static_cast<int>(cycle);
  if (into < focus) {
    s.phase = FocusPhase::focus;
    s.phase_ends_at_ms = cycle_start + focus;
  } else {
    s.phase = FocusPhase::rest;
    s.phase_ends_at_ms = cycle_start + cycle_length;
  }
  s.remaining_ms = s.phase_ends_at_ms - std::max(now_ms, t.started_at_ms);
  return s;
}

}  // namespace moim::programme
