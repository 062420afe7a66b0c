#pragma once
// Voice-activity detection for open-mic mode: a frame is speech when it stands well above the
// background noise the detector has learnt (a floor that falls at once and rises slowly), and
// speech keeps the microphone open for a short hangover so words are not clipped at their ends.
#include <cstdint>

#include "moim/client/core/voice/format.hpp"

namespace moim::client::voice {

struct VadConfig {
  double margin_db = 12.0;     // above the noise floor
  double min_db = -50.0;       // never speech below this level, however quiet the room
  int hangover_frames = 15;    // 300 ms
  double floor_rise_db = 0.1;  // per frame: the floor follows a louder room slowly
};

class VoiceActivity {
 public:
  explicit VoiceActivity(VadConfig config = {}) : config_(config) {}
  // True while the frame should be sent.
  bool update(const Frame& frame);
  double noise_floor_db() const { return floor_db_; }

 private:
  VadConfig config_;
  double floor_db_ = -70.0;
  int hang_ = 0;
};

}  // namespace moim::client::voice
