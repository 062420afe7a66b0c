// The jitter buffer: holds 40 ms back, puts reordered frames in order, conceals a lost one (and
// offers the next for FEC), drops late ones, survives the sequence number wrapping, goes quiet
// when the speaker does, and drops the oldest when it is far behind.
#include <gtest/gtest.h>

#include "moim/client/core/voice/jitter_buffer.hpp"

namespace moim::client::voice {
namespace {

std::vector<std::uint8_t> packet(std::uint32_t seq) {
  return {static_cast<std::uint8_t>(seq & 0xff), 1, 2};
}

using Kind = JitterBuffer::Kind;

TEST(VoiceJitter, HoldsTheTargetBackThenPlaysInOrder) {
  JitterBuffer jb;
  jb.put(10, packet(10));
  EXPECT_EQ(jb.get().kind, Kind::idle) << "one frame is not yet 40 ms";
  jb.put(11, packet(11));
  auto a = jb.get();
  ASSERT_EQ(a.kind, Kind::frame);
  EXPECT_EQ(a.seq, 10u);
  EXPECT_EQ(jb.get().seq, 11u);
}

TEST(VoiceJitter, ReorderedFramesPlayInOrder) {
  JitterBuffer jb;
  for (std::uint32_t s : {3u, 1u, 2u, 5u, 4u}) jb.put(s, packet(s));
  for (std::uint32_t want = 1; want <= 5; ++want) {
    auto out = jb.get();
    ASSERT_EQ(out.kind, Kind::frame);
    EXPECT_EQ(out.seq, want);
    EXPECT_EQ(out.packet, packet(want));
  }
}

TEST(VoiceJitter, ALostFrameIsConcealedWithTheNextOffered) {
  JitterBuffer jb;
  for (std::uint32_t s : {1u, 2u, 4u, 5u}) jb.put(s, packet(s));
  EXPECT_EQ(jb.get().seq, 1u);
  EXPECT_EQ(jb.get().seq, 2u);
  auto lost = jb.get();
  EXPECT_EQ(lost.kind, Kind::lost);
  EXPECT_EQ(lost.seq, 3u);
  ASSERT_TRUE(lost.next.has_value());
  EXPECT_EQ(*lost.next, packet(4));
  EXPECT_EQ(jb.get().seq, 4u);
  // Frame 3 turning up now is too late.
  jb.put(3, packet(3));
  EXPECT_EQ(jb.late_dropped(), 1u);
  EXPECT_EQ(jb.get().seq, 5u);
}

TEST(VoiceJitter, GoesQuietWhenTheSpeakerStopsAndRestartsOnTheNextFrame) {
  JitterBuffer jb({2, 15, 5, 3});
  jb.put(1, packet(1));
  jb.put(2, packet(2));
  EXPECT_EQ(jb.get().kind, Kind::frame);
  EXPECT_EQ(jb.get().kind, Kind::frame);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(jb.get().kind, Kind::lost) << "a short gap is concealed";
  EXPECT_EQ(jb.get().kind, Kind::idle);
  EXPECT_FALSE(jb.playing());
  // After a pause (DTX or the key released) the sequence has moved on.
  jb.put(60, packet(60));
  jb.put(61, packet(61));
  auto out = jb.get();
  ASSERT_EQ(out.kind, Kind::frame);
  EXPECT_EQ(out.seq, 60u);
}

TEST(VoiceJitter, SurvivesTheSequenceWrapping) {
  JitterBuffer jb;
  const std::uint32_t top = 0xffffffffu;
  jb.put(0, packet(0));
  jb.put(top, packet(top));
  jb.put(top - 1, packet(top - 1));
  EXPECT_EQ(jb.get().seq, top - 1);
  EXPECT_EQ(jb.get().seq, top);
  EXPECT_EQ(jb.get().seq, 0u);
}

TEST(VoiceJitter, ASpeakerWhoseClockRunsFastDoesNotBuildUpDelay) {
  JitterBuffer jb;
  std::uint32_t seq = 0;
  // Eleven frames arrive for every ten we play: without catching up the delay would grow by a
  // frame every ten ticks.
  for (int tick = 0; tick < 500; ++tick) {
    jb.put(seq, packet(seq));
    ++seq;
    if (tick % 10 == 0) {
      jb.put(seq, packet(seq));
      ++seq;
    }
    jb.get();
  }
  EXPECT_LE(jb.depth(), 5u) << "at most 100 ms waits";
  EXPECT_GT(jb.overflow_dropped(), 30u);
}

TEST(VoiceJitter, FarBehindDropsTheOldest) {
  JitterBuffer jb({2, 5, 5, 3});
  for (std::uint32_t s = 1; s <= 9; ++s) jb.put(s, packet(s));
  EXPECT_EQ(jb.depth(), 5u);
  EXPECT_EQ(jb.overflow_dropped(), 4u);
  EXPECT_EQ(jb.get().seq, 5u) << "playout resumes at the oldest kept, 100 ms behind at most";
}

}  // namespace
}  // namespace moim::client::voice
