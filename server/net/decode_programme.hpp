#pragma once
// The session boundary for the programme, inwards: a client's study-group or hall message as
// the domain request ProgrammeService handles (app/programme_requests.hpp).
#include <optional>

#include "app/programme_requests.hpp"
#include "moim/v1/moim.pb.h"

namespace moim::net {

// Nullopt if `envelope` is not a programme request.
std::optional<app::ProgrammeRequest> decode_programme(const v1::Envelope& envelope);

}  // namespace moim::net
