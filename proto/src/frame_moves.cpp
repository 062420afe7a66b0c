#include "moim/proto/frame_moves.hpp"

#include <algorithm>
#include <limits>

namespace moim::proto {

bool PackedArea::holds(std::int32_t px, std::int32_t py) const {
  // In 64 bits: a place and an origin at opposite ends of int are 2^32 apart.
  const std::int64_t dx = std::int64_t{px} - x;
  const std::int64_t dy = std::int64_t{py} - y;
  return dx >= 0 && dx < span && dy >= 0 && dy < span;
}

void PackedAreaBounds::include(std::int32_t x, std::int32_t y) {
  if (empty_) {
    min_x_ = max_x_ = x;
    min_y_ = max_y_ = y;
    empty_ = false;
    return;
  }
  min_x_ = std::min(min_x_, x);
  max_x_ = std::max(max_x_, x);
  min_y_ = std::min(min_y_, y);
  max_y_ = std::max(max_y_, y);
}

PackedArea PackedAreaBounds::area() const {
  if (empty_) return {};
  const std::int64_t side = std::max(std::int64_t{max_x_} - min_x_, std::int64_t{max_y_} - min_y_);
  if (side >= kPlaceSpan) return {};
  return {min_x_, min_y_, static_cast<std::int32_t>(side + 1)};
}

FrameMoveWriter::FrameMoveWriter(v1::Frame& frame, const PackedArea& area)
    : frame_(frame), area_(area) {
  frame_.set_packed_origin_x(area.x);
  frame_.set_packed_origin_y(area.y);
  frame_.set_packed_span(area.span == kPlaceSpan ? 0 : static_cast<std::uint32_t>(area.span));
}

void FrameMoveWriter::reserve(int moves) {
  frame_.mutable_packed_moves()->Reserve(2 * moves);
}

void FrameMoveWriter::add(const FrameMove& move) {
  if (!area_.holds(move.x, move.y)) {
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
  const auto span = static_cast<std::uint64_t>(area_.span);
  const auto local_x = static_cast<std::uint64_t>(std::int64_t{move.x} - area_.x);
  const auto local_y = static_cast<std::uint64_t>(std::int64_t{move.y} - area_.y);
  frame_.add_packed_moves((local_y * span + local_x) * 4 +
                          static_cast<std::uint64_t>(move.facing & 3));
}

namespace detail {

std::optional<PackedArea> packed_area_of(const v1::Frame& frame) {
  const std::uint32_t span = frame.packed_span();
  if (span > static_cast<std::uint32_t>(kPlaceSpan)) return std::nullopt;
  return PackedArea{frame.packed_origin_x(), frame.packed_origin_y(),
                    span == 0 ? kPlaceSpan : static_cast<std::int32_t>(span)};
}

std::optional<FrameMove> unpack_move(const PackedArea& area, std::uint64_t user_id,
                                     std::uint64_t place) {
  const std::uint64_t tile = place / 4;
  const auto span = static_cast<std::uint64_t>(area.span);
  if (tile >= span * span) return std::nullopt;
  const std::int64_t x = area.x + static_cast<std::int64_t>(tile % span);
  const std::int64_t y = area.y + static_cast<std::int64_t>(tile / span);
  constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
  if (x > kMax || y > kMax) return std::nullopt;  // a hostile origin near the end of int
  return FrameMove{user_id, static_cast<std::int32_t>(x), static_cast<std::int32_t>(y),
                   static_cast<v1::Direction>(place % 4)};
}

}  // namespace detail
}  // namespace moim::proto
