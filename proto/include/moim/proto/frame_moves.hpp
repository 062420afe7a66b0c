#pragma once
// The moves of a Frame in their compact form. A crowded room sends every observer every step of
// everyone in view, so the bytes per step set the room's bandwidth: as an AvatarMove sub-message
// a step costs about 11 bytes, packed about 4. Frame.packed_moves holds two varints per move:
// the user id as the zigzag difference from the previous packed move's (the server sorts by id,
// so usually one byte), then the place, (y * kPlaceSpan + x) * 4 + facing. Places the packed
// form cannot hold (outside 0..kPlaceSpan-1) go in Frame.moves as before; readers take both.
#include <cstdint>
#include <optional>

#include "moim/v1/moim.pb.h"

namespace moim::proto {

inline constexpr std::int32_t kPlaceSpan = 4096;

struct FrameMove {
  std::uint64_t user_id = 0;
  std::int32_t x = 0;
  std::int32_t y = 0;
  v1::Direction facing = v1::DIRECTION_DOWN;
};

// Appends moves to a frame, packed where the place fits.
class FrameMoveWriter {
 public:
  explicit FrameMoveWriter(v1::Frame& frame) : frame_(frame) {}
  void reserve(int moves);
  void add(const FrameMove& move);

 private:
  v1::Frame& frame_;
  std::uint64_t previous_id_ = 0;
};

namespace detail {
std::optional<FrameMove> unpack_move(std::uint64_t user_id, std::uint64_t place);
}  // namespace detail

// Calls f(const FrameMove&) for every move in the frame, packed ones first. Packed entries that
// cannot be a place (too large) and a trailing id without a place are skipped.
template <typename F>
void for_each_move(const v1::Frame& frame, F&& f) {
  const auto& packed = frame.packed_moves();
  std::uint64_t id = 0;
  for (int i = 0; i + 1 < packed.size(); i += 2) {
    const std::uint64_t zigzag = packed[i];
    id += (zigzag >> 1) ^ (~(zigzag & 1) + 1);  // two's complement wrap undoes the difference
    if (auto move = detail::unpack_move(id, packed[i + 1])) f(*move);
  }
  for (const auto& m : frame.moves()) f(FrameMove{m.user_id(), m.x(), m.y(), m.facing()});
}

}  // namespace moim::proto
