// Opus for voice: a tone keeps its energy through encode and decode, silence costs nothing (DTX),
// and a lost frame is rebuilt from the next one's FEC or concealed, never left as a hole.
#include <gtest/gtest.h>

#include "moim/client/core/voice/opus_codec.hpp"
#include "voice_signals.hpp"

namespace moim::client::voice {
namespace {

using test::energy;
using test::tone_frame;

TEST(VoiceCodec, ToneKeepsItsEnergyThroughARoundTrip) {
  VoiceEncoder enc;
  VoiceDecoder dec;
  double in_energy = 0;
  double out_energy = 0;
  std::size_t bytes = 0;
  for (std::size_t k = 0; k < 100; ++k) {
    const Frame in = tone_frame(440, 0.3, k);
    const auto packet = enc.encode(in);
    ASSERT_FALSE(packet.empty()) << "a tone is not silence";
    ASSERT_LE(packet.size(), kMaxOpusBytes);
    bytes += packet.size();
    Frame out;
    ASSERT_TRUE(dec.decode(packet, out));
    if (k >= 10) {  // past the codec's start-up
      in_energy += energy(in.data(), in.size());
      out_energy += energy(out.data(), out.size());
    }
  }
  const double ratio_db = 10 * std::log10(out_energy / in_energy);
  EXPECT_NEAR(ratio_db, 0.0, 1.5);
  // About 24 kbit/s: 100 frames are 2 s, so about 6 kB (VBR lets it wander).
  EXPECT_GT(bytes, 3000u);
  EXPECT_LT(bytes, 9000u);
}

TEST(VoiceCodec, SilenceIsNotSent) {
  VoiceEncoder enc;
  const Frame silence{};
  std::size_t sent = 0;
  for (int k = 0; k < 50; ++k) sent += enc.encode(silence).empty() ? 0 : 1;
  EXPECT_LT(sent, 15u) << "DTX stops sending once the silence is established";
}

TEST(VoiceCodec, ALostFrameIsRebuiltFromTheNextOnesFec) {
  VoiceEncoder enc(kVoiceBitrate, 20);
  VoiceDecoder dec;
  std::vector<std::vector<std::uint8_t>> packets;
  for (std::size_t k = 0; k < 30; ++k) packets.push_back(enc.encode(tone_frame(300, 0.3, k)));
  Frame out;
  for (std::size_t k = 0; k < 20; ++k) dec.decode(packets[k], out);
  // Frame 20 is lost; 21 carries it.
  Frame rebuilt;
  dec.conceal(std::span<const std::uint8_t>(packets[21]), rebuilt);
  const Frame original = tone_frame(300, 0.3, 20);
  const double ratio_db = 10 * std::log10(energy(rebuilt.data(), rebuilt.size()) /
                                          energy(original.data(), original.size()));
  EXPECT_GT(ratio_db, -6.0) << "the rebuilt frame carries the tone";
  // Without a next frame the decoder conceals from what came before: not a hole.
  Frame concealed;
  dec.conceal(std::nullopt, concealed);
  EXPECT_GT(energy(concealed.data(), concealed.size()), 0.0);
}

TEST(VoiceCodec, GarbageIsRefusedAsSilence) {
  VoiceDecoder dec;
  const std::vector<std::uint8_t> garbage(40, 0xff);
  Frame out;
  out.fill(7);
  EXPECT_FALSE(dec.decode(garbage, out));
  EXPECT_EQ(energy(out.data(), out.size()), 0.0);
}

}  // namespace
}  // namespace moim::client::voice
