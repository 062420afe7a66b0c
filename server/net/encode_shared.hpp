#pragma once
// One envelope encoded once, to hand the same bytes to any number of links.
#include <memory>
#include <string>

#include "moim/proto/envelope.hpp"
#include "moim/v1/moim.pb.h"
#include "net/session_link.hpp"

namespace moim::net {

inline SharedBytes encode_shared(const v1::Envelope& envelope) {
  return std::make_shared<const std::string>(proto::encode(envelope));
}

}  // namespace moim::net
