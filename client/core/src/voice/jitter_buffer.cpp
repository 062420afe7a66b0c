#include "moim/client/core/voice/jitter_buffer.hpp"

#include <utility>

namespace moim::client::voice {

std::int64_t JitterBuffer::unwrap(std::uint32_t seq) {
  if (!have_last_) {
    have_last_ = true;
    last_seq_ = seq;
    last_unwrapped_ = seq;
    return last_unwrapped_;
  }
  const std::int64_t u = last_unwrapped_ + static_cast<std::int32_t>(seq - last_seq_);
  if (u > last_unwrapped_) {
    last_seq_ = seq;
    last_unwrapped_ = u;
  }
  return u;
}

void JitterBuffer::put(std::uint32_t seq, std::vector<std::uint8_t> packet) {
  const std::int64_t u = unwrap(seq);
  if (playing_ && u < next_) {
    ++late_;  // its turn has passed: concealment already filled it
    return;
  }
  frames_.emplace(u, std::move(packet));
  while (frames_.size() > config_.max_frames) {
    // Far behind (a burst after a stall): drop the oldest so we catch up instead of lagging.
    frames_.erase(frames_.begin());
    ++overflow_;
    if (playing_ && !frames_.empty()) next_ = frames_.begin()->first;
  }
}

void JitterBuffer::start_over() {
  playing_ = false;
  concealed_ = 0;
  waited_ = 0;
}

JitterBuffer::Out JitterBuffer::get() {
  Out out;
  if (!playing_) {
    if (frames_.empty()) return out;
    // Hold the first frames back by the target (or as long as it would take to fill it), so
    // the next ones have time to arrive before their turn.
    if (frames_.size() < config_.target_frames &&
        ++waited_ < static_cast<int>(config_.target_frames)) {
      return out;
    }
    playing_ = true;
    next_ = frames_.begin()->first;
    concealed_ = 0;
    waited_ = 0;
  }
  if (frames_.size() > config_.catch_up_above) {
    frames_.erase(frames_.begin());
    ++overflow_;
    next_ = frames_.begin()->first;
  }
  if (!frames_.empty() && frames_.begin()->first - next_ > config_.conceal_limit) {
    next_ = frames_.begin()->first;  // a long gap (the speaker paused): resume at what came
  }
  auto it = frames_.find(next_);
  if (it != frames_.end()) {
    out.kind = Kind::frame;
    out.seq = static_cast<std::uint32_t>(next_);
    out.packet = std::move(it->second);
    frames_.erase(it);
    concealed_ = 0;
    ++next_;
    return out;
  }
  if (frames_.empty() && ++concealed_ > config_.conceal_limit) {
    start_over();  // the speaker went quiet (DTX, released the key); idle until the next frame
    return out;
  }
  out.kind = Kind::lost;
  out.seq = static_cast<std::uint32_t>(next_);
  if (auto after = frames_.find(next_ + 1); after != frames_.end()) out.next = after->second;
  ++next_;
  return out;
}

}  // namespace moim::client::voice
