#pragma once
// The requests room features handle (app/room_feature.hpp), as domain values: net decodes each
// client message meant for a feature into one of these. A feature adds its request types here.
#include <variant>

#include "app/stage_requests.hpp"
#include "app/voice_requests.hpp"
#include "graduation/requests.hpp"

namespace moim::app {

using FeatureRequest = std::variant<std::monostate,
                                    // graduation day (features/graduation_feature.hpp)
                                    graduation::Request,
                                    // the hall's stage (features/stage_feature.hpp)
                                    stage::RaiseHand, stage::NextHand, stage::Give,
                                    // proximity voice (features/voice_feature.hpp)
                                    voice::Frame, voice::Mute>;

}  // namespace moim::app
