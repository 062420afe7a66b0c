// The mix rules (gain by distance and reach, the stage's ducking, equal-power pan, each person's
// volume) and the mixer that applies them without wrapping around.
#include <gtest/gtest.h>

#include <cmath>

#include "moim/client/core/voice/mix_rules.hpp"
#include "moim/client/core/voice/mixer.hpp"
#include "voice_signals.hpp"

namespace moim::client::voice {
namespace {

TEST(VoiceMixRules, FullWithinTwoTilesSilentFromFiveSmoothBetween) {
  EXPECT_FLOAT_EQ(distance_gain(0), 1.0f);
  EXPECT_FLOAT_EQ(distance_gain(2), 1.0f);
  EXPECT_FLOAT_EQ(distance_gain(5), 0.0f);
  EXPECT_FLOAT_EQ(distance_gain(10), 0.0f);
  EXPECT_NEAR(distance_gain(3.5f), 0.5f, 1e-6);
  float last = 1.0f;
  for (float d = 2.0f; d <= 5.0f; d += 0.1f) {
    EXPECT_LE(distance_gain(d), last + 1e-6f);
    last = distance_gain(d);
  }
  // Smooth: the fade starts and ends flat.
  EXPECT_GT(distance_gain(2.1f), 0.99f);
  EXPECT_LT(distance_gain(4.9f), 0.01f);
}

TEST(VoiceMixRules, PanIsEqualPowerAndFollowsTheSpeakersSide) {
  const auto right = speaker_gains({Reach::nearby, 2.0f, 0.0f, 1.0f}, false);
  EXPECT_GT(right.right, right.left);
  const auto left = speaker_gains({Reach::nearby, -2.0f, 0.0f, 1.0f}, false);
  EXPECT_GT(left.left, left.right);
  const auto centre = speaker_gains({Reach::nearby, 0.0f, 1.0f, 1.0f}, false);
  EXPECT_NEAR(centre.left, centre.right, 1e-6);
  for (const float dx : {-5.0f, -1.0f, 0.0f, 0.5f, 1.5f}) {
    const auto g = speaker_gains({Reach::area, dx, 0.0f, 1.0f}, false);
    EXPECT_NEAR(g.left * g.left + g.right * g.right, 1.0f, 1e-5) << dx;
  }
  const auto hard = speaker_gains({Reach::area, 9.0f, 0.0f, 1.0f}, false);
  EXPECT_NEAR(hard.left, 0.0f, 1e-6);
  EXPECT_NEAR(hard.right, 1.0f, 1e-6);
}

TEST(VoiceMixRules, AreaAndStageAreFullAndTheStageDucksNearbyChatter) {
  const auto area = speaker_gains({Reach::area, 0.0f, 9.0f, 1.0f}, false);
  EXPECT_NEAR(area.left * area.left + area.right * area.right, 1.0f, 1e-5) << "distance ignored";
  const auto stage = speaker_gains({Reach::stage, 30.0f, 20.0f, 1.0f}, true);
  EXPECT_NEAR(stage.left, stage.right, 1e-6) << "the stage is centred";
  EXPECT_NEAR(stage.left * stage.left + stage.right * stage.right, 1.0f, 1e-5);
  const auto chatter = speaker_gains({Reach::nearby, 0.0f, 1.0f, 1.0f}, false);
  const auto ducked = speaker_gains({Reach::nearby, 0.0f, 1.0f, 1.0f}, true);
  EXPECT_NEAR(20 * std::log10(ducked.left / chatter.left), -12.0, 0.01);
  const auto area_in_talk = speaker_gains({Reach::area, 0.0f, 1.0f, 1.0f}, true);
  EXPECT_NEAR(area_in_talk.left, chatter.left, 1e-6) << "a private area is not ducked";
}

TEST(VoiceMixRules, EachPersonsVolumeScalesThem) {
  const auto g = speaker_gains({Reach::stage, 0, 0, 0.5f}, false);
  EXPECT_NEAR(std::hypot(g.left, g.right), 0.5f, 1e-5);
  const auto muted = speaker_gains({Reach::stage, 0, 0, 0.0f}, false);
  EXPECT_EQ(muted.left + muted.right, 0.0f);
  const auto capped = speaker_gains({Reach::stage, 0, 0, 9.0f}, false);
  EXPECT_NEAR(std::hypot(capped.left, capped.right), 2.0f, 1e-5);
}

TEST(VoiceMixer, AddsSpeakersAndLimitsInsteadOfWrapping) {
  Mixer m;
  m.begin();
  Frame loud;
  loud.fill(30000);
  m.add(1, loud, {1.0f, 0.0f});
  m.add(2, loud, {1.0f, 0.0f});
  const StereoFrame out = m.finish();
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    EXPECT_GT(out[2 * i], 26000) << "two loud voices stay loud, not wrapped negative";
    EXPECT_EQ(out[2 * i + 1], 0) << "nothing on the right";
  }
  // The next frame glides from the last gains to new ones: no jump at the frame's start.
  m.begin();
  Frame quiet;
  quiet.fill(10000);
  m.add(1, quiet, {0.0f, 1.0f});
  const StereoFrame glide = m.finish();
  EXPECT_GT(glide[0], 9000);
  EXPECT_LT(glide[1], 100);
  EXPECT_LT(glide[2 * (kFrameSamples - 1)], 100);
  EXPECT_GT(glide[2 * (kFrameSamples - 1) + 1], 9000);
}

}  // namespace
}  // namespace moim::client::voice
