#pragma once
// Domain results: a value or an Error a client can show. Mirrors proto ErrorCode one to one so
// the session boundary converts without a table of special cases (see net/convert.hpp).
#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace moim {

enum class Errc : std::uint8_t {
  bad_request = 1,
  unsupported_version = 2,
  not_joined = 3,
  already_joined = 4,
  invalid_name = 5,
  invalid_invite = 6,
  room_full = 7,
  no_such_room = 8,
  move_blocked = 9,
  move_too_fast = 10,
  text_too_long = 11,
  rate_limited = 12,
  forbidden = 13,
  no_such_user = 14,
  muted = 15,
  banned = 16,
  quiet_zone = 17,
  invalid_text = 18,
  resume_expired = 19,
  internal = 20,
  unknown_message = 21,
  not_hello = 22,
  recipient_unavailable = 23,

  // Study rooms and the tech-talk hall (issue 4): 30–49.
  invalid_schedule = 30,
  no_such_group = 31,
  group_full = 32,
  recruiting_closed = 33,
  not_a_member = 34,
  already_member = 35,
  lead_cannot_leave = 36,
  no_such_talk = 37,
  session_over = 38,
  no_such_question = 39,
  already_voted = 40,
  no_seats = 41,
  already_booked = 42,
  not_booked = 43,
  hand_queue_empty = 44,
  limit_reached = 45,  // as many groups or questions as the server allows
  // graduation day (issue 5): 50–69
  not_on_roster = 50,
  not_checked_in = 51,
  wrong_place = 52,  // not at the check-in desk / sticker booth
  color_already_picked = 53,
  no_color = 54,  // pick a colour first
  same_color = 55,
  not_near = 56,           // another room or outside the proximity radius
  already_exchanged = 57,  // one exchange (or card swap) per pair of people
  offer_expired = 58,
  no_such_offer = 59,  // unknown, or addressed to someone else
  with_yourself = 60,
  invalid_csv = 61,
  raffle_state = 62,  // unknown raffle, already drawn, nothing to draw
  invalid_card = 63,
  unknown_color = 64,
  conflict = 65,  // the request key was used for a different request
};

struct Error {
  Errc code = Errc::internal;
  std::string message;
};

// A value or an Error. Deliberately small: has_value/value/error, no monadic extras.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT
  Result(Errc code, std::string message) : state_(Error{code, std::move(message)}) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const {
    assert(!has_value());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok() {
  return Ok{};
}

}  // namespace moim
