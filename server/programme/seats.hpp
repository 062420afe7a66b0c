#pragma once
// First-come seats of an office hour or a clinic, with a waitlist. The rule, stated once:
// a booking is confirmed if fewer than `seats` bookings are confirmed when it is made, otherwise
// it joins the end of the waitlist; when a confirmed booking is cancelled the earliest waitlisted
// one is confirmed in the same step. So confirmed ≤ seats always, and the waitlist keeps order.
//
// SeatLedger is that rule in memory: the reference the SQLite store's transactions are tested
// against (the store applies it inside BEGIN IMMEDIATE so concurrent bookings never oversell).
#include <cstdint>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace moim::programme {

enum class SeatStatus : std::uint8_t { none = 0, confirmed = 1, waitlisted = 2 };

struct SeatBooking {
  UserId user = 0;
  SeatStatus status = SeatStatus::none;
  int waitlist_position = 0;  // 1-based when waitlisted
};

class SeatLedger {
 public:
  explicit SeatLedger(int seats) : seats_(seats) {}

  Result<SeatBooking> book(UserId user);
  // Cancels; returns who moved up from the waitlist (0 if nobody).
  Result<UserId> cancel(UserId user);
  SeatBooking status(UserId user) const;
  int confirmed() const;
  int waitlisted() const;

 private:
  struct Entry {
    UserId user;
    SeatStatus status;
  };
  int seats_;
  std::vector<Entry> entries_;  // in booking order
};

}  // namespace moim::programme
