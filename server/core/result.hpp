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
