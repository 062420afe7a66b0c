#include "moim/client/core/voice/capture_processor.hpp"

#include <speex/speex_echo.h>
#include <speex/speex_preprocess.h>

namespace moim::client::voice {

namespace {

// Far-end frames waiting longer than this (a capture device that stopped) are dropped: stale
// far end would only confuse the canceller.
constexpr std::size_t kMaxFarBacklog = 25;

}  // namespace

CaptureProcessor::CaptureProcessor(CaptureSettings settings) : settings_(settings) {
  const int frame = static_cast<int>(kFrameSamples);
  int rate = kSampleRate;
  pre_ = speex_preprocess_state_init(frame, rate);
  int on = settings_.noise_suppress ? 1 : 0;
  speex_preprocess_ctl(pre_, SPEEX_PREPROCESS_SET_DENOISE, &on);
  int agc = settings_.agc ? 1 : 0;
  speex_preprocess_ctl(pre_, SPEEX_PREPROCESS_SET_AGC, &agc);
  if (settings_.agc) {
    float level = 12000.0f;  // about -8 dBFS peaks: loud enough, well clear of clipping
    speex_preprocess_ctl(pre_, SPEEX_PREPROCESS_SET_AGC_LEVEL, &level);
    int max_gain_db = 20;
    speex_preprocess_ctl(pre_, SPEEX_PREPROCESS_SET_AGC_MAX_GAIN, &max_gain_db);
  }
  if (settings_.echo_cancel) {
    echo_ = speex_echo_state_init(frame, kSampleRate * settings_.echo_tail_ms / 1000);
    speex_echo_ctl(echo_, SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
    if (settings_.suppress_residual_echo) {
      speex_preprocess_ctl(pre_, SPEEX_PREPROCESS_SET_ECHO_STATE, echo_);
    }
  }
}

CaptureProcessor::~CaptureProcessor() {
  speex_preprocess_state_destroy(pre_);
  if (echo_ != nullptr) speex_echo_state_destroy(echo_);
}

void CaptureProcessor::far_end(const Frame& played) {
  if (echo_ == nullptr) return;
  far_.push_back(played);
  while (far_.size() > kMaxFarBacklog) far_.pop_front();
}

void CaptureProcessor::process(Frame& mic) {
  if (echo_ != nullptr && !far_.empty()) {
    Frame out;
    speex_echo_cancellation(echo_, mic.data(), far_.front().data(), out.data());
    far_.pop_front();
    mic = out;
  } else if (echo_ != nullptr) {
    // Nothing was played for this frame: the far end was silence.
    static const Frame silence{};
    Frame out;
    speex_echo_cancellation(echo_, mic.data(), silence.data(), out.data());
    mic = out;
  }
  speex_preprocess_run(pre_, mic.data());
}

}  // namespace moim::client::voice
