#pragma once
// Reading just what a bot needs from a Joined answer without decoding the whole snapshot.
// A join into a crowded room answers with everyone in view (thousands of avatars); decoding
// all of them per bot made the load generator as busy as the server in a join storm.
#include <optional>
#include <string_view>

#include "moim/world/geometry.hpp"

namespace moim::loadgen {

// If `envelope` is an Envelope whose body is Joined, the tile its snapshot puts you on;
// otherwise (another body, malformed bytes, no `you`) nullopt, and the caller decodes it fully.
std::optional<world::TilePos> joined_position(std::string_view envelope);

}  // namespace moim::loadgen
