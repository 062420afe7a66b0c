#pragma once
// One speaker's jitter buffer, keyed by the frame's sequence number. Frames reach us in bursts
// (the server batches a tick's frames into one message) and sometimes out of order or not at
// all; the buffer holds a little audio back (the target, 40 ms) so playout can run at a steady
// 20 ms while frames arrive unevenly. Each playout tick asks for the next sequence number and
// gets the frame, a gap (lost: conceal it), or nothing (the speaker stopped: after a few
// concealed frames it goes quiet and starts over at the next frame that arrives).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace moim::client::voice {

struct JitterConfig {
  std::size_t target_frames = 2;  // 40 ms held back before playout starts
  std::size_t max_frames = 15;    // 300 ms: beyond it the oldest are dropped to catch up
  // While playing, more than this many frames waiting means the speaker's clock runs ahead of
  // ours (or a stall let frames pile up): one frame is skipped per tick until it is back, so the
  // delay stays near the target instead of growing.
  std::size_t catch_up_above = 5;
  int conceal_limit = 3;  // frames concealed before we decide the speaker went quiet
};

class JitterBuffer {
 public:
  enum class Kind { frame, lost, idle };
  struct Out {
    Kind kind = Kind::idle;
    std::uint32_t seq = 0;
    std::vector<std::uint8_t> packet;               // Kind::frame
    std::optional<std::vector<std::uint8_t>> next;  // Kind::lost: the frame after, for FEC
  };

  explicit JitterBuffer(JitterConfig config = {}) : config_(config) {}

  // A frame arrived. Frames older than what has been played, and duplicates, are dropped.
  void put(std::uint32_t seq, std::vector<std::uint8_t> packet);
  // One 20 ms playout tick.
  Out get();

  bool playing() const { return playing_; }
  std::size_t depth() const { return frames_.size(); }
  std::uint64_t late_dropped() const { return late_; }
  std::uint64_t overflow_dropped() const { return overflow_; }

 private:
  // Sequence numbers wrap at 2^32; inside the buffer they are unwrapped to 64 bits by their
  // signed distance from the last one seen, so ordering survives the wrap.
  std::int64_t unwrap(std::uint32_t seq);
  void start_over();

  JitterConfig config_;
  std::map<std::int64_t, std::vector<std::uint8_t>> frames_;
  bool have_last_ = false;
  std::uint32_t last_seq_ = 0;
  std::int64_t last_unwrapped_ = 0;
  bool playing_ = false;
  std::int64_t next_ = 0;  // the next frame to play, unwrapped
  int concealed_ = 0;
  int waited_ = 0;  // ticks spent filling before playout starts
  std::uint64_t late_ = 0;
  std::uint64_t overflow_ = 0;
};

}  // namespace moim::client::voice
