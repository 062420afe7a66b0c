#pragma once
// Opus for voice: one encoder for your microphone, one decoder per person you hear. 48 kHz mono,
// 20 ms frames, ~24 kbit/s VBR, DTX (silence costs nothing on the wire) and in-band FEC, so a lost
// frame can be rebuilt from the next one; without it the decoder conceals the gap (PLC).
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "moim/client/core/voice/format.hpp"

struct OpusEncoder;
struct OpusDecoder;

namespace moim::client::voice {

inline constexpr int kVoiceBitrate = 24000;

class VoiceEncoder {
 public:
  // Throws std::runtime_error if libopus refuses the settings (it does not for these).
  explicit VoiceEncoder(int bitrate = kVoiceBitrate, int expected_loss_percent = 5);
  ~VoiceEncoder();
  VoiceEncoder(const VoiceEncoder&) = delete;
  VoiceEncoder& operator=(const VoiceEncoder&) = delete;

  // One 20 ms frame in, one packet out. An empty packet means DTX decided there is nothing worth
  // sending (the frame is silence): send nothing.
  std::vector<std::uint8_t> encode(const Frame& pcm);
  // Forget the signal's history, e.g. when push-to-talk starts again after a pause.
  void reset();

 private:
  OpusEncoder* state_ = nullptr;
};

class VoiceDecoder {
 public:
  VoiceDecoder();
  ~VoiceDecoder();
  VoiceDecoder(const VoiceDecoder&) = delete;
  VoiceDecoder& operator=(const VoiceDecoder&) = delete;

  // A packet that arrived. False (and silence) for a packet libopus cannot decode.
  bool decode(std::span<const std::uint8_t> packet, Frame& out);
  // The frame before `next` never came: rebuild it from `next`'s in-band FEC when `next` is
  // known, else conceal it from what came before (PLC).
  void conceal(std::optional<std::span<const std::uint8_t>> next, Frame& out);

 private:
  OpusDecoder* state_ = nullptr;
};

}  // namespace moim::client::voice
