#include "moim/client/core/voice/opus_codec.hpp"

#include <opus/opus.h>

#include <stdexcept>
#include <string>

namespace moim::client::voice {

namespace {

void check(int rc, const char* what) {
  if (rc != OPUS_OK) throw std::runtime_error(std::string(what) + ": " + opus_strerror(rc));
}

}  // namespace

VoiceEncoder::VoiceEncoder(int bitrate, int expected_loss_percent) {
  int rc = OPUS_OK;
  state_ = opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &rc);
  check(rc, "opus_encoder_create");
  check(opus_encoder_ctl(state_, OPUS_SET_BITRATE(bitrate)), "opus bitrate");
  check(opus_encoder_ctl(state_, OPUS_SET_VBR(1)), "opus vbr");
  check(opus_encoder_ctl(state_, OPUS_SET_DTX(1)), "opus dtx");
  check(opus_encoder_ctl(state_, OPUS_SET_INBAND_FEC(1)), "opus fec");
  check(opus_encoder_ctl(state_, OPUS_SET_PACKET_LOSS_PERC(expected_loss_percent)), "opus loss");
  check(opus_encoder_ctl(state_, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)), "opus signal");
}

VoiceEncoder::~VoiceEncoder() {
  opus_encoder_destroy(state_);
}

std::vector<std::uint8_t> VoiceEncoder::encode(const Frame& pcm) {
  std::vector<std::uint8_t> packet(kMaxOpusBytes);
  const opus_int32 n = opus_encode(state_, pcm.data(), static_cast<int>(pcm.size()), packet.data(),
                                   static_cast<opus_int32>(packet.size()));
  // With DTX, a packet of one or two bytes says "still silent": nothing worth sending.
  if (n <= 2) return {};
  packet.resize(static_cast<std::size_t>(n));
  return packet;
}

void VoiceEncoder::reset() {
  opus_encoder_ctl(state_, OPUS_RESET_STATE);
}

VoiceDecoder::VoiceDecoder() {
  int rc = OPUS_OK;
  state_ = opus_decoder_create(kSampleRate, 1, &rc);
  check(rc, "opus_decoder_create");
}

VoiceDecoder::~VoiceDecoder() {
  opus_decoder_destroy(state_);
}

bool VoiceDecoder::decode(std::span<const std::uint8_t> packet, Frame& out) {
  const int n = opus_decode(state_, packet.data(), static_cast<opus_int32>(packet.size()),
                            out.data(), static_cast<int>(out.size()), 0);
  if (n != static_cast<int>(out.size())) {
    out.fill(0);
    return false;
  }
  return true;
}

void VoiceDecoder::conceal(std::optional<std::span<const std::uint8_t>> next, Frame& out) {
  int n = -1;
  if (next) {
    n = opus_decode(state_, next->data(), static_cast<opus_int32>(next->size()), out.data(),
                    static_cast<int>(out.size()), 1);
  }
  if (n != static_cast<int>(out.size())) {
    n = opus_decode(state_, nullptr, 0, out.data(), static_cast<int>(out.size()), 0);
  }
  if (n != static_cast<int>(out.size())) out.fill(0);
}

}  // namespace moim::client::voice
