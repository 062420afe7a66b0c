#pragma once
// The requests room features handle (app/room_feature.hpp), as domain values: net decodes each
// client message meant for a feature into one of these. A feature adds its request types here.
#include <variant>

namespace moim::app {

using FeatureRequest = std::variant<std::monostate>;

}  // namespace moim::app
