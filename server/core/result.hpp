#pragma once
// Domain results: a value or an Error a client can show (its codes are in core/errc.hpp).
#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "core/errc.hpp"

namespace moim {

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
