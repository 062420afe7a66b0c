// Echo cancellation on a synthetic echo path: the far end (speech-like sound we play) reaches the
// microphone 30 ms later, 6 dB down and low-pass filtered by the room, while the person in front
// of it says nothing. The echo return loss enhancement (how much quieter the echo is after the
// canceller than before it) must reach 20 dB once the canceller has converged.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "moim/client/core/voice/capture_processor.hpp"
#include "voice_signals.hpp"

namespace moim::client::voice {
namespace {

using test::energy;

// The room: a direct path 30 ms late and 6 dB down, a few weaker reflections up to 90 ms, all
// low-passed by the walls; plus a faint microphone hiss (-70 dBFS), as a silent near end has.
std::vector<std::int16_t> echo_of(const std::vector<std::int16_t>& far, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  const std::vector<std::pair<std::size_t, double>> taps = {
      {1440, 0.5}, {1900, -0.15}, {2600, 0.1}, {3300, -0.06}, {4300, 0.04}};
  std::vector<double> path(far.size(), 0.0);
  for (std::size_t n = 0; n < far.size(); ++n) {
    for (const auto& [delay, gain] : taps) {
      if (n >= delay) path[n] += gain * far[n - delay];
    }
  }
  std::vector<std::int16_t> mic(far.size(), 0);
  for (std::size_t n = 2; n < far.size(); ++n) {
    const double v = 0.5 * path[n] + 0.3 * path[n - 1] + 0.2 * path[n - 2] + 10.0 * noise(rng);
    mic[n] = static_cast<std::int16_t>(std::clamp(v, -32768.0, 32767.0));
  }
  return mic;
}

double erle_db(const CaptureSettings& settings, const std::vector<std::int16_t>& far,
               const std::vector<std::int16_t>& mic, std::size_t measure_from) {
  CaptureProcessor p(settings);
  double before = 0;
  double after = 0;
  for (std::size_t k = 0; (k + 1) * kFrameSamples <= far.size(); ++k) {
    p.far_end(test::frame_at(far, k));
    Frame m = test::frame_at(mic, k);
    const double in = energy(m.data(), m.size());
    p.process(m);
    if (k >= measure_from) {
      before += in;
      after += energy(m.data(), m.size());
    }
  }
  return 10 * std::log10(before / std::max(after, 1.0));
}

TEST(VoiceEcho, CancellerTakesAtLeast20DbOffTheEcho) {
  const auto far = test::speech_like(10.0, 0.5, 7);
  const auto mic = echo_of(far, 11);
  const std::size_t converged = 250;  // measure over the last 5 s
  CaptureSettings on;
  on.agc = false;  // the level control would lift what is left and hide the canceller's work
  CaptureSettings linear = on;  // the adaptive filter alone
  linear.suppress_residual_echo = false;
  linear.noise_suppress = false;
  CaptureSettings off = on;
  off.echo_cancel = false;
  const double with_all = erle_db(on, far, mic, converged);
  const double filter_only = erle_db(linear, far, mic, converged);
  const double without = erle_db(off, far, mic, converged);
  std::printf(
      "ERLE: canceller + residual suppression %.1f dB; adaptive filter alone %.1f dB; canceller "
      "off %.1f dB\n",
      with_all, filter_only, without);
  EXPECT_GE(with_all, 20.0);
  EXPECT_LT(without, 10.0) << "without the canceller the echo gets through";
}

TEST(VoiceEcho, NearEndSpeechSurvivesTheCanceller) {
  // Double talk's easy half: with nothing played, what the person says passes through.
  const auto near = test::speech_like(3.0, 0.3, 3);
  CaptureSettings s;
  s.agc = false;
  CaptureProcessor p(s);
  double in = 0;
  double out = 0;
  for (std::size_t k = 0; k < 150; ++k) {
    p.far_end(Frame{});
    Frame m = test::frame_at(near, k);
    if (k >= 50) in += energy(m.data(), m.size());
    p.process(m);
    if (k >= 50) out += energy(m.data(), m.size());
  }
  EXPECT_GT(10 * std::log10(out / in), -6.0);
}

}  // namespace
}  // namespace moim::client::voice
