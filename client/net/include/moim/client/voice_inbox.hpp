#pragma once
// Voice takes its own way from the socket to the speakers: the connection's reader hands every
// VoiceBatch and VoiceListeners to this inbox on the network thread, and the voice thread drains
// it every few milliseconds. The render loop never sees voice, so a slow frame cannot delay
// audio, and audio cannot delay drawing. The inbox is small and bounded: when the voice thread
// falls behind, the oldest batches go (late voice is worthless).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "moim/v1/moim.pb.h"

namespace moim::client {

class VoiceInbox {
 public:
  explicit VoiceInbox(std::size_t max_batches = 64) : max_batches_(max_batches) {}

  // Network thread: takes the envelope when it carries voice (true), else leaves it (false).
  bool offer(v1::Envelope& envelope);

  struct Drained {
    std::vector<v1::VoicePacket> packets;         // oldest first
    std::optional<v1::VoiceListeners> listeners;  // the latest, if one came
    std::uint64_t dropped_batches = 0;            // since the inbox was made
  };
  // Voice thread: everything since the last call.
  Drained drain();

 private:
  std::mutex mutex_;
  std::size_t max_batches_;
  std::deque<v1::VoiceBatch> batches_;
  std::optional<v1::VoiceListeners> listeners_;
  std::uint64_t dropped_ = 0;
};

// The envelope for one microphone frame.
v1::Envelope voice_frame_envelope(std::uint32_t seq, std::span<const std::uint8_t> opus,
                                  std::uint32_t level);

}  // namespace moim::client
