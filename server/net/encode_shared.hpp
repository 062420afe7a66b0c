#pragma once
// One envelope encoded once, to hand the same bytes to any number of links.
#include <memory>
#include <string>

#include "app/session_link.hpp"
#include "moim/proto/envelope.hpp"
#include "moim/v1/moim.pb.h"

namespace moim::net {

inline app::SharedBytes encode_shared(const v1::Envelope& envelope) {
  return std::make_shared<const std::string>(proto::encode(envelope));
}

}  // namespace moim::net
