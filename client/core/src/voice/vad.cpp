#include "moim/client/core/voice/vad.hpp"

#include <algorithm>

namespace moim::client::voice {

bool VoiceActivity::update(const Frame& frame) {
  const double db = rms_dbfs(frame.data(), frame.size());
  // The floor drops to any quieter frame at once and creeps up in a louder room, so speech
  // (loud for a few hundred milliseconds at a time) never becomes the floor.
  floor_db_ = db < floor_db_ ? db : std::min(db, floor_db_ + config_.floor_rise_db);
  floor_db_ = std::max(floor_db_, -90.0);
  const bool speech = db > config_.min_db && db > floor_db_ + config_.margin_db;
  if (speech) {
    hang_ = config_.hangover_frames;
    return true;
  }
  if (hang_ > 0) {
    --hang_;
    return true;
  }
  return false;
}

}  // namespace moim::client::voice
