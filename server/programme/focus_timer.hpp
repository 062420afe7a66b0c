#pragma once
// The shared focus timer of a study room (e.g. 50 minutes of focus, 10 of break, repeating).
// Its whole state is when it was started and the two lengths; every phase is derived from that
// and the current time. So every screen shows the same thing, a reconnecting client only needs
// the state again, and a restarted server loses nothing (the state is stored with the group).
#include <cstdint>

#include "core/result.hpp"
#include "programme/time_zone.hpp"

namespace moim::programme {

struct FocusTimer {
  Millis started_at_ms = 0;  // 0: stopped
  int focus_minutes = 50;
  int break_minutes = 10;
  bool running() const { return started_at_ms != 0; }
};

enum class FocusPhase : std::uint8_t { stopped = 0, focus = 1, rest = 2 };

struct FocusState {
  FocusPhase phase = FocusPhase::stopped;
  int cycle = 0;  // 0-based: which focus/break round
  Millis phase_ends_at_ms = 0;
  Millis remaining_ms = 0;
};

// focus 1..180 minutes, break 0..60 (0 = focus back to back).
Status validate(const FocusTimer& timer);
// Precondition: validate() passed. A time before the start counts as the start.
FocusState focus_state(const FocusTimer& timer, Millis now_ms);
FocusTimer start_timer(Millis now_ms, int focus_minutes, int break_minutes);

}  // namespace moim::programme
