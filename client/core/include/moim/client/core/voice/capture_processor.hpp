#pragma once
// What a microphone frame goes through before it is encoded (speexdsp): the echo canceller takes
// out what our own loudspeaker played (the final mix, fed in as the far end), then the
// preprocessor suppresses noise and residual echo and levels the voice (AGC). All of it is on by
// default so people without headphones do not echo back to everyone near them.
#include <cstddef>
#include <deque>

#include "moim/client/core/voice/format.hpp"

struct SpeexEchoState_;
struct SpeexPreprocessState_;

namespace moim::client::voice {

struct CaptureSettings {
  bool echo_cancel = true;
  bool suppress_residual_echo = true;  // the preprocessor removes what the linear filter leaves
  bool noise_suppress = true;
  bool agc = true;
  int echo_tail_ms = 200;  // how long an echo path the canceller models
};

class CaptureProcessor {
 public:
  explicit CaptureProcessor(CaptureSettings settings = {});
  ~CaptureProcessor();
  CaptureProcessor(const CaptureProcessor&) = delete;
  CaptureProcessor& operator=(const CaptureProcessor&) = delete;

  // What the loudspeaker is about to play (mono, the final mix), one frame per playout tick.
  // Frames wait here until the capture frame recorded while they played is processed.
  void far_end(const Frame& played);
  // One microphone frame, processed in place.
  void process(Frame& mic);
  // Frames of far end waiting for their capture.
  std::size_t far_end_backlog() const { return far_.size(); }
  const CaptureSettings& settings() const { return settings_; }

 private:
  CaptureSettings settings_;
  SpeexEchoState_* echo_ = nullptr;
  SpeexPreprocessState_* pre_ = nullptr;
  std::deque<Frame> far_;
};

}  // namespace moim::client::voice
