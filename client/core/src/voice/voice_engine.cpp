#include "moim/client/core/voice/voice_engine.hpp"

#include <algorithm>

namespace moim::client::voice {

namespace {

// A decoded frame above this level counts as someone speaking (their ring lights up).
constexpr double kVoicedDb = -45.0;
// The ring stays lit this long after their last voiced frame (ticks of 20 ms).
constexpr std::uint64_t kSpeakingTicks = 15;
// A speaker silent this long is forgotten (their decoder freed); volumes are kept.
constexpr std::uint64_t kForgetTicks = 500;
// Someone the server forwards but whom we cannot place yet (not in our frame): full, centred.
constexpr Offset kUnplaced{0, 0};

}  // namespace

VoiceEngine::VoiceEngine(CaptureSettings capture, JitterConfig jitter)
    : processor_(capture), jitter_config_(jitter) {}

std::optional<OutgoingFrame> VoiceEngine::capture(Frame mic) {
  const std::uint32_t seq = seq_++;
  processor_.process(mic);
  mic_level_ = frame_level(mic);
  const bool voice = vad_.update(mic);  // always, so the noise floor keeps learning
  const bool talking = mode_ == TalkMode::push_to_talk ? ptt_held_ : voice;
  if (talking && !was_talking_) encoder_.reset();  // a fresh start, not the tail of last time
  was_talking_ = talking;
  transmitting_ = talking;
  if (!talking) return std::nullopt;
  OutgoingFrame out;
  out.opus = encoder_.encode(mic);
  if (out.opus.empty()) return std::nullopt;  // DTX: silence costs nothing
  out.seq = seq;
  out.level = mic_level_;
  return out;
}

VoiceEngine::Speaker& VoiceEngine::speaker(std::uint64_t id) {
  auto& slot = speakers_[id];
  if (!slot) {
    slot = std::make_unique<Speaker>(jitter_config_);
    if (auto v = volumes_.find(id); v != volumes_.end()) slot->volume = v->second;
  }
  return *slot;
}

void VoiceEngine::receive(IncomingPacket packet) {
  if (packet.opus.empty() || packet.opus.size() > kMaxOpusBytes) return;
  Speaker& s = speaker(packet.speaker);
  s.reach = packet.reach;
  s.last_packet_tick = tick_;
  s.jitter.put(packet.seq, std::move(packet.opus));
}

void VoiceEngine::place(std::uint64_t speaker_id, Offset offset) {
  offsets_[speaker_id] = offset;
}

void VoiceEngine::set_volume(std::uint64_t speaker_id, float volume) {
  volume = std::clamp(volume, 0.0f, 2.0f);
  volumes_[speaker_id] = volume;
  if (auto it = speakers_.find(speaker_id); it != speakers_.end()) it->second->volume = volume;
}

bool VoiceEngine::decode_tick(Speaker& s, Frame& pcm) {
  JitterBuffer::Out out = s.jitter.get();
  switch (out.kind) {
    case JitterBuffer::Kind::idle:
      return false;
    case JitterBuffer::Kind::frame:
      s.decoder.decode(out.packet, pcm);
      break;
    case JitterBuffer::Kind::lost:
      if (out.next) {
        s.decoder.conceal(std::span<const std::uint8_t>(*out.next), pcm);
      } else {
        s.decoder.conceal(std::nullopt, pcm);
      }
      break;
  }
  if (rms_dbfs(pcm.data(), pcm.size()) > kVoicedDb) {
    s.last_voiced_tick = tick_;
    s.voiced_ever = true;
  }
  return true;
}

StereoFrame VoiceEngine::play() {
  ++tick_;
  struct Heard {
    std::uint64_t id;
    Speaker* s;
    Frame pcm;
  };
  std::vector<Heard> heard;
  heard.reserve(speakers_.size());
  bool stage_live = false;
  for (auto& [id, s] : speakers_) {
    Heard h{id, s.get(), {}};
    if (!decode_tick(*s, h.pcm)) continue;
    stage_live = stage_live || s->reach == Reach::stage;
    heard.push_back(h);
  }
  mixer_.begin();
  for (const Heard& h : heard) {
    const auto placed = offsets_.find(h.id);
    const Offset at = placed == offsets_.end() ? kUnplaced : placed->second;
    mixer_.add(h.id, h.pcm, speaker_gains({h.s->reach, at.dx, at.dy, h.s->volume}, stage_live));
  }
  StereoFrame mix = mixer_.finish();
  processor_.far_end(Mixer::to_mono(mix));
  if (tick_ % 50 == 0) forget_idle();
  return mix;
}

void VoiceEngine::forget_idle() {
  std::erase_if(speakers_, [this](const auto& entry) {
    const Speaker& s = *entry.second;
    return !s.jitter.playing() && s.jitter.depth() == 0 &&
           tick_ - s.last_packet_tick > kForgetTicks;
  });
}

bool VoiceEngine::hears(std::uint64_t speaker_id) const {
  auto it = speakers_.find(speaker_id);
  return it != speakers_.end() && it->second->voiced_ever &&
         tick_ - it->second->last_voiced_tick <= kSpeakingTicks;
}

std::vector<std::uint64_t> VoiceEngine::speaking() const {
  std::vector<std::uint64_t> out;
  for (const auto& [id, s] : speakers_) {
    if (hears(id)) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace moim::client::voice
