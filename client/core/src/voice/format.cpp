#include "moim/client/core/voice/format.hpp"

#include <algorithm>
#include <cmath>

namespace moim::client::voice {

double rms_dbfs(const std::int16_t* samples, std::size_t count) {
  if (count == 0) return -120.0;
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double v = samples[i] / 32768.0;
    sum += v * v;
  }
  const double rms = std::sqrt(sum / static_cast<double>(count));
  return std::max(-120.0, 20.0 * std::log10(std::max(rms, 1e-6)));
}

std::uint32_t frame_level(const Frame& frame) {
  const double db = rms_dbfs(frame.data(), frame.size());
  const double level = (db + 60.0) / 60.0 * 100.0;
  return static_cast<std::uint32_t>(std::clamp(level, 0.0, 100.0));
}

}  // namespace moim::client::voice
