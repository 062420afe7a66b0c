// Two voice engines talking through their frames as the server would forward them: push-to-talk
// and open mic decide what is sent; the listener hears a speaker 2 tiles to the right on the
// right, nothing from 10 tiles away, and sees who is speaking.
#include <gtest/gtest.h>

#include "moim/client/core/voice/voice_engine.hpp"
#include "voice_signals.hpp"

namespace moim::client::voice {
namespace {

constexpr std::uint64_t kAlice = 7;

struct Heard {
  double left = 0;
  double right = 0;
  std::size_t frames_sent = 0;
  bool ring = false;
};

// Alice speaks `seconds` of speech-like sound; Bob hears it with `reach` from `where`.
Heard talk(VoiceEngine& alice, VoiceEngine& bob, Reach reach, double seconds = 2.0) {
  const auto speech = test::speech_like(seconds, 0.3, 9);
  Heard h;
  const auto frames = static_cast<std::size_t>(seconds * 50);
  for (std::size_t k = 0; k < frames + 10; ++k) {
    if (k < frames) {
      if (auto f = alice.capture(test::frame_at(speech, k))) {
        ++h.frames_sent;
        bob.receive({kAlice, f->seq, std::move(f->opus), reach});
      }
    }
    const StereoFrame out = bob.play();
    for (std::size_t i = 0; i < kFrameSamples; ++i) {
      h.left += static_cast<double>(out[2 * i]) * out[2 * i];
      h.right += static_cast<double>(out[2 * i + 1]) * out[2 * i + 1];
    }
    h.ring = h.ring || bob.speaking() == std::vector<std::uint64_t>{kAlice};
  }
  return h;
}

TEST(VoiceEngine, PushToTalkSendsOnlyWhileHeld) {
  VoiceEngine alice;
  VoiceEngine bob;
  EXPECT_EQ(talk(alice, bob, Reach::nearby).frames_sent, 0u) << "the key is not held";
  EXPECT_FALSE(alice.transmitting());
  alice.set_push_to_talk(true);
  const Heard h = talk(alice, bob, Reach::nearby);
  EXPECT_GT(h.frames_sent, 60u);
  EXPECT_TRUE(alice.transmitting());
}

TEST(VoiceEngine, ASpeakerTwoTilesRightIsHeardOnTheRight) {
  VoiceEngine alice;
  VoiceEngine bob;
  alice.set_push_to_talk(true);
  bob.place(kAlice, {2.0f, 0.0f});
  const Heard h = talk(alice, bob, Reach::nearby);
  EXPECT_GT(h.right, 0.0);
  EXPECT_GT(h.right, 2.0 * h.left) << "left " << h.left << " right " << h.right;
  EXPECT_TRUE(h.ring) << "Bob sees Alice speaking";
  for (int k = 0; k < 50; ++k) bob.play();
  EXPECT_TRUE(bob.speaking().empty()) << "the ring goes out when she stops";
}

TEST(VoiceEngine, ASpeakerTenTilesAwayIsSilent) {
  VoiceEngine alice;
  VoiceEngine bob;
  alice.set_push_to_talk(true);
  bob.place(kAlice, {10.0f, 0.0f});
  const Heard h = talk(alice, bob, Reach::nearby);
  EXPECT_GT(h.frames_sent, 0u);
  EXPECT_EQ(h.left + h.right, 0.0);
}

TEST(VoiceEngine, OpenMicSendsSpeechNotSilence) {
  VoiceEngine alice;
  alice.set_mode(TalkMode::open_mic);
  std::size_t sent = 0;
  for (int k = 0; k < 50; ++k) sent += alice.capture(Frame{}) ? 1 : 0;
  EXPECT_EQ(sent, 0u);
  VoiceEngine bob;
  EXPECT_GT(talk(alice, bob, Reach::area).frames_sent, 60u);
}

TEST(VoiceEngine, TheStageTurnsNearbyChatterDown) {
  // A stage speaker at volume 0 still makes the stage live: only the ducking changes.
  auto chatter_energy = [](bool with_stage) {
    VoiceEngine alice;
    VoiceEngine speaker;
    VoiceEngine bob;
    alice.set_push_to_talk(true);
    speaker.set_push_to_talk(true);
    bob.set_volume(99, 0.0f);
    const auto speech = test::speech_like(1.0, 0.3, 4);
    double e = 0;
    for (std::size_t k = 0; k < 50; ++k) {
      if (auto f = alice.capture(test::frame_at(speech, k))) {
        bob.receive({kAlice, f->seq, std::move(f->opus), Reach::nearby});
      }
      if (auto f = speaker.capture(test::frame_at(speech, k)); f && with_stage) {
        bob.receive({99, f->seq, std::move(f->opus), Reach::stage});
      }
      const StereoFrame out = bob.play();
      e += test::energy(out.data(), out.size());
    }
    return e;
  };
  const double ratio_db = 10 * std::log10(chatter_energy(true) / chatter_energy(false));
  EXPECT_NEAR(ratio_db, -12.0, 1.0);
}

}  // namespace
}  // namespace moim::client::voice
