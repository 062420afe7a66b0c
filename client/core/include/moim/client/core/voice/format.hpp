#pragma once
// The one audio format voice speaks inside the client and on the wire: 48 kHz mono, 16-bit
// samples, 20 ms frames. Devices that run at another rate are resampled at the edge
// (resampler.hpp), so every stage in between counts in these units.
#include <array>
#include <cstddef>
#include <cstdint>

namespace moim::client::voice {

inline constexpr int kSampleRate = 48000;
inline constexpr int kFrameMs = 20;
inline constexpr std::size_t kFrameSamples = 960;  // 20 ms at 48 kHz
inline constexpr std::size_t kMaxOpusBytes = 512;  // the wire's limit for one packet

using Frame = std::array<std::int16_t, kFrameSamples>;
// Interleaved left, right.
using StereoFrame = std::array<std::int16_t, 2 * kFrameSamples>;

// A frame's loudness for the wire's `level`: 0 for silence (-60 dBFS or less) to 100 (0 dBFS).
std::uint32_t frame_level(const Frame& frame);
// Root-mean-square level in dBFS (a full-scale square wave is 0), at least -120.
double rms_dbfs(const std::int16_t* samples, std::size_t count);

}  // namespace moim::client::voice
