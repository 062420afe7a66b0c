#pragma once
// The requests the voice feature (features/voice_feature.hpp) handles, as domain values: net
// decodes VoiceFrame and MuteVoice into these (net/decode_request.cpp).
#include <cstdint>
#include <string>

#include "core/ids.hpp"

namespace moim::app::voice {

// An Opus frame is forwarded as it came; the server never decodes it.
inline constexpr std::size_t kMaxOpusBytes = 512;
inline constexpr std::uint32_t kMaxLevel = 100;

// One 20 ms frame from someone's microphone.
struct Frame {
  std::uint32_t seq = 0;
  std::string opus;         // 1 to kMaxOpusBytes bytes
  std::uint32_t level = 0;  // 0 (silence) to kMaxLevel
};

// A host mutes (or unmutes) someone's voice in every room.
struct Mute {
  UserId user = 0;
  bool muted = true;
};

}  // namespace moim::app::voice
