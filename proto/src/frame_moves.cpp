#include "moim/proto/frame_moves.hpp"

namespace moim::proto {

void FrameMoveWriter::reserve(int moves) {
  frame_.mutable_packed_moves()->Reserve(2 * moves);
}

void FrameMoveWriter::add(const FrameMove& move) {
  const bool fits = move.x >= 0 && move.x < kPlaceSpan && move.y >= 0 && move.y < kPlaceSpan;
  if (!fits) {
    auto* m = frame_.add_moves();
    m->set_user_id(move.user_id);
    m->set_x(move.x);
    m->set_y(move.y);
    m->set_facing(move.facing);
    return;
  }
  // Zigzag of the difference, computed on unsigned values so it wraps instead of overflowing.
  const std::uint64_t difference = move.user_id - previous_id_;
  const std::uint64_t negative = difference >> 63;
  frame_.add_packed_moves((difference << 1) ^ (~negative + 1));
  previous_id_ = move.user_id;
  const auto place =
      static_cast<std::uint64_t>(move.y) * kPlaceSpan + static_cast<std::uint64_t>(move.x);
  frame_.add_packed_moves(place * 4 + static_cast<std::uint64_t>(move.facing & 3));
}

namespace detail {

std::optional<FrameMove> unpack_move(std::uint64_t user_id, std::uint64_t place) {
  const std::uint64_t tile = place / 4;
  constexpr auto kSpan = static_cast<std::uint64_t>(kPlaceSpan);
  if (tile >= kSpan * kSpan) return std::nullopt;
  return FrameMove{user_id, static_cast<std::int32_t>(tile % kSpan),
                   static_cast<std::int32_t>(tile / kSpan), static_cast<v1::Direction>(place % 4)};
}

}  // namespace detail
}  // namespace moim::proto
