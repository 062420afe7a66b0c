#pragma once
// Test signals for the voice engine: tones, a speech-like signal (a voiced buzz whose pitch
// glides, shaped into syllables) and white noise, all deterministic.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include "moim/client/core/voice/format.hpp"

namespace moim::client::voice::test {

inline Frame tone_frame(double hz, double amplitude, std::size_t frame_index) {
  Frame f;
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    const double t = static_cast<double>(frame_index * kFrameSamples + i) / kSampleRate;
    f[i] = static_cast<std::int16_t>(amplitude * 32767.0 * std::sin(2 * std::numbers::pi * hz * t));
  }
  return f;
}

// Seconds of speech-like sound: harmonics of a pitch gliding between 110 and 220 Hz, a little
// breath noise, loudness shaped into 4 syllables a second with short pauses between words.
inline std::vector<std::int16_t> speech_like(double seconds, double amplitude, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  const auto n = static_cast<std::size_t>(seconds * kSampleRate);
  std::vector<std::int16_t> out(n);
  double phase = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kSampleRate;
    const double pitch = 165 + 55 * std::sin(2 * std::numbers::pi * 0.7 * t);
    phase += 2 * std::numbers::pi * pitch / kSampleRate;
    double v = 0;
    for (int h = 1; h <= 12; ++h) v += std::sin(h * phase) / h;
    v = 0.6 * v + 0.08 * noise(rng);
    const double syllable = std::pow(std::max(0.0, std::sin(std::numbers::pi * 4 * t)), 0.5);
    const double word = std::fmod(t, 1.5) < 1.2 ? 1.0 : 0.05;
    out[i] =
        static_cast<std::int16_t>(std::clamp(amplitude * v * syllable * word, -1.0, 1.0) * 32767);
  }
  return out;
}

inline Frame frame_at(const std::vector<std::int16_t>& signal, std::size_t frame_index) {
  Frame f{};
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    const std::size_t at = frame_index * kFrameSamples + i;
    if (at < signal.size()) f[i] = signal[at];
  }
  return f;
}

inline double energy(const std::int16_t* s, std::size_t n) {
  double e = 0;
  for (std::size_t i = 0; i < n; ++i) e += static_cast<double>(s[i]) * s[i];
  return e;
}

}  // namespace moim::client::voice::test
