#include "programme/seats.hpp"

#include <algorithm>

namespace moim::programme {

Result<SeatBooking> SeatLedger::book(UserId user) {
  if (status(user).status != SeatStatus::none) {
    return Error{Errc::already_booked, "you already have a booking"};
  }
  const auto s = confirmed() < seats_ ? SeatStatus::confirmed : SeatStatus::waitlisted;
  entries_.push_back({user, s});
  return status(user);
}

Result<UserId> SeatLedger::cancel(UserId user) {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [user](const Entry& e) { return e.user == user; });
  if (it == entries_.end()) return Error{Errc::not_booked, "you have no booking"};
  const bool freed = it->status == SeatStatus::confirmed;
  entries_.erase(it);
  if (!freed) return UserId{0};
  for (auto& e : entries_) {
    if (e.status == SeatStatus::waitlisted) {
      e.status = SeatStatus::confirmed;
      return e.user;
    }
  }
  return UserId{0};
}

SeatBooking SeatLedger::status(UserId user) const {
  int position = 0;
  for (const auto& e : entries_) {
    if (e.status == SeatStatus::waitlisted) ++position;
    if (e.user == user) {
      return {user, e.status, e.status == SeatStatus::waitlisted ? position : 0};
    }
  }
  return {user, SeatStatus::none, 0};
}

int SeatLedger::confirmed() const {
  return static_cast<int>(std::count_if(entries_.begin(), entries_.end(), [](const Entry& e) {
    return e.status == SeatStatus::confirmed;
  }));
}

int SeatLedger::waitlisted() const {
  return static_cast<int>(entries_.size()) - confirmed();
}

}  // namespace moim::programme
