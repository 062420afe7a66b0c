#pragma once
// Adds up the people heard this 20 ms into one stereo frame. Each speaker's gains glide from
// their last value to the new one across the frame (someone walking past does not click), and
// the sum is limited softly instead of wrapping around when several people shout at once.
#include <array>
#include <cstdint>
#include <unordered_map>

#include "moim/client/core/voice/format.hpp"
#include "moim/client/core/voice/mix_rules.hpp"

namespace moim::client::voice {

class Mixer {
 public:
  void begin();
  void add(std::uint64_t speaker, const Frame& pcm, ChannelGains gains);
  // The mixed frame; speakers not added since begin() are forgotten.
  StereoFrame finish();
  // The same frame folded to mono: the echo canceller's far end.
  static Frame to_mono(const StereoFrame& stereo);

 private:
  std::array<float, 2 * kFrameSamples> acc_{};
  std::unordered_map<std::uint64_t, ChannelGains> last_;
  std::unordered_map<std::uint64_t, ChannelGains> now_;
};

}  // namespace moim::client::voice
