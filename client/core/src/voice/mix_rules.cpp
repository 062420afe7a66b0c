#include "moim/client/core/voice/mix_rules.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace moim::client::voice {

float db_to_gain(float db) {
  return std::pow(10.0f, db / 20.0f);
}

float distance_gain(float distance_tiles) {
  const float t = std::clamp(
      (kSilentFromTiles - distance_tiles) / (kSilentFromTiles - kFullWithinTiles), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);  // smoothstep
}

float pan_position(float dx_tiles) {
  return std::clamp(dx_tiles / kPanSpanTiles, -1.0f, 1.0f);
}

ChannelGains speaker_gains(const Placement& p, bool stage_live) {
  float gain = 1.0f;
  float pan = 0.0f;
  switch (p.reach) {
    case Reach::nearby:
      gain = distance_gain(std::hypot(p.dx, p.dy));
      if (stage_live) gain *= db_to_gain(kStageDuckDb);
      pan = pan_position(p.dx);
      break;
    case Reach::area:
      pan = pan_position(p.dx);
      break;
    case Reach::stage:
      break;
  }
  gain *= std::clamp(p.volume, 0.0f, 2.0f);
  // Equal power: the total loudness is the same wherever the speaker stands.
  const float angle = (pan + 1.0f) * std::numbers::pi_v<float> / 4.0f;
  return {gain * std::cos(angle), gain * std::sin(angle)};
}

}  // namespace moim::client::voice
