#pragma once
// The whole client side of voice without SDL or sockets: what the microphone hears becomes frames
// to send (echo cancelled, denoised, gated by push-to-talk or voice activity, Opus-encoded), and
// the frames the server forwards become one stereo mix (a jitter buffer and a decoder per
// speaker, gain and pan by the reach and where they stand). The voice thread owns an engine and
// calls it once per 20 ms in each direction; nothing in it blocks or touches a device.
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "moim/client/core/voice/capture_processor.hpp"
#include "moim/client/core/voice/format.hpp"
#include "moim/client/core/voice/jitter_buffer.hpp"
#include "moim/client/core/voice/mix_rules.hpp"
#include "moim/client/core/voice/mixer.hpp"
#include "moim/client/core/voice/opus_codec.hpp"
#include "moim/client/core/voice/vad.hpp"

namespace moim::client::voice {

enum class TalkMode { push_to_talk, open_mic };

struct OutgoingFrame {
  std::uint32_t seq = 0;
  std::vector<std::uint8_t> opus;
  std::uint32_t level = 0;
};

struct IncomingPacket {
  std::uint64_t speaker = 0;
  std::uint32_t seq = 0;
  std::vector<std::uint8_t> opus;
  Reach reach = Reach::nearby;
};

// Where a speaker stands relative to you, in tiles (speaker minus listener).
struct Offset {
  float dx = 0;
  float dy = 0;
};

class VoiceEngine {
 public:
  explicit VoiceEngine(CaptureSettings capture = {}, JitterConfig jitter = {});

  // ---- capture: one microphone frame every 20 ms ----
  void set_mode(TalkMode mode) { mode_ = mode; }
  TalkMode mode() const { return mode_; }
  void set_push_to_talk(bool held) { ptt_held_ = held; }
  // The frame to send for this microphone frame, if any (nothing while not talking or silent).
  std::optional<OutgoingFrame> capture(Frame mic);
  // True when the last captured frame went out: the microphone indicator.
  bool transmitting() const { return transmitting_; }
  // The processed level of the last microphone frame, 0-100, sent or not (a meter).
  std::uint32_t mic_level() const { return mic_level_; }

  // ---- playback: frames from the server, and one mixed frame every 20 ms ----
  void receive(IncomingPacket packet);
  // Where people stand relative to you (speaker minus listener), everyone you can see; someone
  // heard but not placed (not in view yet) is mixed at full gain, centred.
  void place(std::uint64_t speaker, Offset offset);
  void set_offsets(std::unordered_map<std::uint64_t, Offset> offsets) {
    offsets_ = std::move(offsets);
  }
  void set_volume(std::uint64_t speaker, float volume);
  StereoFrame play();
  // Whom we heard speak in the last few hundred milliseconds: the speaking rings.
  std::vector<std::uint64_t> speaking() const;
  bool hears(std::uint64_t speaker) const;

 private:
  struct Speaker {
    Speaker(JitterConfig config) : jitter(config) {}
    JitterBuffer jitter;
    VoiceDecoder decoder;
    Reach reach = Reach::nearby;
    float volume = 1.0f;
    std::uint64_t last_voiced_tick = 0;  // a decoded frame with a voice in it
    std::uint64_t last_packet_tick = 0;
    bool voiced_ever = false;
  };
  Speaker& speaker(std::uint64_t id);
  bool decode_tick(Speaker& s, Frame& pcm);
  void forget_idle();

  CaptureProcessor processor_;
  VoiceEncoder encoder_;
  VoiceActivity vad_;
  JitterConfig jitter_config_;
  TalkMode mode_ = TalkMode::push_to_talk;
  bool ptt_held_ = false;
  bool transmitting_ = false;
  bool was_talking_ = false;
  std::uint32_t mic_level_ = 0;
  std::uint32_t seq_ = 0;

  std::unordered_map<std::uint64_t, std::unique_ptr<Speaker>> speakers_;
  std::unordered_map<std::uint64_t, float> volumes_;  // kept for people not heard right now
  std::unordered_map<std::uint64_t, Offset> offsets_;
  Mixer mixer_;
  std::uint64_t tick_ = 0;
};

}  // namespace moim::client::voice
