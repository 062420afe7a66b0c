#include "moim/client/voice_inbox.hpp"

#include <utility>

namespace moim::client {

bool VoiceInbox::offer(v1::Envelope& envelope) {
  if (envelope.has_voice_batch()) {
    std::lock_guard lock(mutex_);
    batches_.push_back(std::move(*envelope.mutable_voice_batch()));
    while (batches_.size() > max_batches_) {
      batches_.pop_front();
      ++dropped_;
    }
    return true;
  }
  if (envelope.has_voice_listeners()) {
    std::lock_guard lock(mutex_);
    listeners_ = std::move(*envelope.mutable_voice_listeners());
    return true;
  }
  return false;
}

VoiceInbox::Drained VoiceInbox::drain() {
  std::deque<v1::VoiceBatch> batches;
  Drained out;
  {
    std::lock_guard lock(mutex_);
    batches.swap(batches_);
    out.listeners = std::exchange(listeners_, std::nullopt);
    out.dropped_batches = dropped_;
  }
  for (auto& batch : batches) {
    for (auto& packet : *batch.mutable_packets()) out.packets.push_back(std::move(packet));
  }
  return out;
}

v1::Envelope voice_frame_envelope(std::uint32_t seq, std::span<const std::uint8_t> opus,
                                  std::uint32_t level) {
  v1::Envelope e;
  auto* frame = e.mutable_voice_frame();
  frame->set_seq(seq);
  frame->set_opus(opus.data(), opus.size());
  frame->set_level(level);
  return e;
}

}  // namespace moim::client
