// The small parts around the engine: the lock-free ring between an audio callback and the voice
// thread, the resampler for devices that do not run at 48 kHz, and voice-activity detection.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <thread>

#include "moim/client/core/voice/resampler.hpp"
#include "moim/client/core/voice/spsc_ring.hpp"
#include "moim/client/core/voice/vad.hpp"
#include "voice_signals.hpp"

namespace moim::client::voice {
namespace {

TEST(VoiceRing, DropsWhatDoesNotFitAndKeepsOrder) {
  SpscRing<int> ring(5);
  EXPECT_EQ(ring.capacity(), 8u);
  std::vector<int> in(10);
  for (int i = 0; i < 10; ++i) in[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(ring.push(in.data(), in.size()), 8u);
  std::vector<int> out(3);
  EXPECT_EQ(ring.pop(out.data(), 3), 3u);
  EXPECT_EQ(out, (std::vector<int>{0, 1, 2}));
  ring.clear();
  EXPECT_EQ(ring.size(), 0u);
  EXPECT_EQ(ring.pop(out.data(), 3), 0u);
}

TEST(VoiceRing, OneProducerOneConsumerLoseNothingInOrder) {
  SpscRing<std::uint32_t> ring(256);
  constexpr std::uint32_t kCount = 200000;
  std::thread producer([&] {
    std::uint32_t next = 0;
    while (next < kCount) {
      const std::uint32_t chunk[7] = {next,     next + 1, next + 2, next + 3,
                                      next + 4, next + 5, next + 6};
      const std::size_t want = std::min<std::size_t>(7, kCount - next);
      next += static_cast<std::uint32_t>(ring.push(chunk, want));
    }
  });
  std::uint32_t expect = 0;
  std::uint32_t buf[64];
  while (expect < kCount) {
    const std::size_t n = ring.pop(buf, 64);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(buf[i], expect++);
  }
  producer.join();
}

int zero_crossings(const std::vector<std::int16_t>& s) {
  int n = 0;
  for (std::size_t i = 1; i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0) ? 1 : 0;
  return n;
}

TEST(VoiceResampler, ConvertsADeviceRateKeepingPitch) {
  // One second of 1 kHz at 44.1 kHz becomes one second of 1 kHz at 48 kHz.
  std::vector<std::int16_t> in(44100);
  for (std::size_t i = 0; i < in.size(); ++i) {
    in[i] = static_cast<std::int16_t>(
        10000 * std::sin(2 * std::numbers::pi * 1000.0 * static_cast<double>(i) / 44100));
  }
  Resampler r(1, 44100, 48000);
  std::vector<std::int16_t> out;
  for (std::size_t at = 0; at < in.size(); at += 441) {
    r.process(std::span<const std::int16_t>(in.data() + at, 441), out);
  }
  EXPECT_NEAR(static_cast<double>(out.size()), 48000.0, 100.0);
  EXPECT_NEAR(zero_crossings(out), 2000, 20);
  Resampler same(2, 48000, 48000);
  std::vector<std::int16_t> copy;
  same.process(std::span<const std::int16_t>(in.data(), 100), copy);
  EXPECT_EQ(copy, std::vector<std::int16_t>(in.begin(), in.begin() + 100));
}

TEST(VoiceActivityDetection, SpeechOpensTheMicNoiseDoesNotAndTheEndHangsOn) {
  VoiceActivity vad;
  std::mt19937 rng(1);
  std::normal_distribution<double> hiss(0.0, 60.0);  // about -55 dBFS of room noise
  auto noise = [&] {
    Frame f;
    for (auto& s : f) s = static_cast<std::int16_t>(hiss(rng));
    return f;
  };
  int open = 0;
  for (int k = 0; k < 100; ++k) open += vad.update(noise()) ? 1 : 0;
  EXPECT_EQ(open, 0) << "steady room noise is not speech";
  const auto speech = test::speech_like(1.0, 0.3, 5);
  int spoken = 0;
  for (std::size_t k = 0; k < 50; ++k) spoken += vad.update(test::frame_at(speech, k)) ? 1 : 0;
  EXPECT_GT(spoken, 40) << "speech opens it (pauses inside words are bridged)";
  vad.update(test::tone_frame(300, 0.3, 0));  // the last word ends loud
  int after = 0;
  while (vad.update(noise())) ++after;
  EXPECT_GE(after, 10);
  EXPECT_LE(after, 16) << "it closes about 300 ms after the speech ends";
}

}  // namespace
}  // namespace moim::client::voice
