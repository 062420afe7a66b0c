#pragma once
// Converts between a device's rate and voice's 48 kHz (speexdsp's resampler, quality 5) for
// interleaved 16-bit audio of 1 or 2 channels. When the rates are equal it copies.
#include <cstdint>
#include <span>
#include <vector>

struct SpeexResamplerState_;

namespace moim::client::voice {

class Resampler {
 public:
  Resampler(int channels, int in_rate, int out_rate);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  // Appends the converted samples (interleaved) to `out`.
  void process(std::span<const std::int16_t> in, std::vector<std::int16_t>& out);
  int in_rate() const { return in_rate_; }
  int out_rate() const { return out_rate_; }

 private:
  int channels_;
  int in_rate_;
  int out_rate_;
  SpeexResamplerState_* state_ = nullptr;
};

}  // namespace moim::client::voice
