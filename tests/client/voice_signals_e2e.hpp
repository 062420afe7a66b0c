#pragma once
// What the voice end-to-end test and the latency benchmark feed a client's microphone: a phrase
// spoken by espeak-ng (resampled by sox to 48 kHz mono 16-bit raw), after timed clicks, after
// silence while the client joins and walks; and the raw files SDL's disk driver writes.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <vector>

namespace moim::e2e::voice_files {

inline constexpr int kRate = 48000;

// 20 ms of 1 kHz at half scale, faded in and out over 2 ms: a click Opus and the denoiser keep.
inline void add_click(std::vector<std::int16_t>& pcm, std::size_t at) {
  const std::size_t n = kRate / 50;
  const std::size_t fade = kRate / 500;
  if (pcm.size() < at + n) pcm.resize(at + n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double env = 1.0;
    if (i < fade) env = static_cast<double>(i) / fade;
    if (i > n - fade) env = static_cast<double>(n - i) / fade;
    pcm[at + i] = static_cast<std::int16_t>(
        16000.0 * env * std::sin(2 * std::numbers::pi * 1000.0 * static_cast<double>(i) / kRate));
  }
}

// The phrase as 48 kHz mono samples, or empty when espeak-ng or sox is missing.
inline std::vector<std::int16_t> spoken(const std::filesystem::path& dir, const std::string& text) {
  const auto wav = dir / "phrase.wav";
  const auto raw = dir / "phrase.raw";
  const std::string cmd = "espeak-ng -s 150 -w '" + wav.string() + "' '" + text + "' && sox '" +
                          wav.string() + "' -r 48000 -c 1 -b 16 -e signed-integer -t raw '" +
                          raw.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  std::ifstream in(raw, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::int16_t> pcm(bytes.size() / 2);
  std::memcpy(pcm.data(), bytes.data(), pcm.size() * 2);
  return pcm;
}

inline void write_raw(const std::filesystem::path& file, const std::vector<std::int16_t>& pcm) {
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(pcm.data()),
            static_cast<std::streamsize>(pcm.size() * sizeof(std::int16_t)));
}

inline std::vector<std::int16_t> read_raw(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::int16_t> pcm(bytes.size() / 2);
  std::memcpy(pcm.data(), bytes.data(), pcm.size() * 2);
  return pcm;
}

}  // namespace moim::e2e::voice_files
