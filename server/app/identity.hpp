#pragma once
#include <string>

#include "store/store.hpp"

namespace moim::app {

// Who a signed-in connection is.
struct Identity {
  store::UserId id = 0;
  std::string name;
  store::Role role = store::Role::attendee;
};

}  // namespace moim::app
