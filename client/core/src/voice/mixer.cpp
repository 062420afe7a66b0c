#include "moim/client/core/voice/mixer.hpp"

#include <cmath>

namespace moim::client::voice {

namespace {

// Soft limiter: linear up to the knee, then a tanh curve that never passes full scale.
std::int16_t limit(float v) {
  constexpr float kKnee = 0.8f;
  const float a = std::fabs(v);
  float out = a;
  if (a > kKnee) out = kKnee + (1.0f - kKnee) * std::tanh((a - kKnee) / (1.0f - kKnee));
  out = std::copysign(out, v);
  return static_cast<std::int16_t>(std::lrint(out * 32767.0f));
}

}  // namespace

void Mixer::begin() {
  acc_.fill(0.0f);
  now_.clear();
}

void Mixer::add(std::uint64_t speaker, const Frame& pcm, ChannelGains gains) {
  // A new speaker starts at its gain; a known one glides from where it was.
  ChannelGains from = gains;
  if (auto it = last_.find(speaker); it != last_.end()) from = it->second;
  const float n = static_cast<float>(kFrameSamples);
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    const float t = static_cast<float>(i) / n;
    const float s = pcm[i] / 32768.0f;
    acc_[2 * i] += s * (from.left + (gains.left - from.left) * t);
    acc_[2 * i + 1] += s * (from.right + (gains.right - from.right) * t);
  }
  now_[speaker] = gains;
}

StereoFrame Mixer::finish() {
  StereoFrame out;
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = limit(acc_[i]);
  last_.swap(now_);
  now_.clear();
  return out;
}

Frame Mixer::to_mono(const StereoFrame& stereo) {
  Frame mono;
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    mono[i] = static_cast<std::int16_t>((stereo[2 * i] + stereo[2 * i + 1]) / 2);
  }
  return mono;
}

}  // namespace moim::client::voice
