#pragma once
// The moves of a Frame in their compact form. A crowded room sends every observer every step of
// everyone in view, so the bytes per step set the room's bandwidth: as an AvatarMove sub-message
// a step costs about 11 bytes, packed about 3. Frame.packed_moves holds two varints per move:
// the user id as the zigzag difference from the previous packed move's (the server sorts by id,
// so usually one byte), then the place inside the frame's packed area,
// (local y * span + local x) * 4 + facing. A frame goes to one area-of-interest cell and holds only
// moves that cell can see, so measured from the corner of their bounding square a place takes two
// bytes where the map's absolute place takes three or four. Places outside the area go in
// Frame.moves as before; readers take both.
#include <cstdint>
#include <optional>

#include "moim/v1/moim.pb.h"

namespace moim::proto {

inline constexpr std::int32_t kPlaceSpan = 4096;  // the widest packed area

struct FrameMove {
  std::uint64_t user_id = 0;
  std::int32_t x = 0;
  std::int32_t y = 0;
  v1::Direction facing = v1::DIRECTION_DOWN;
};

// A square of span × span tiles whose top-left tile is (x, y).
struct PackedArea {
  std::int32_t x = 0;
  std::int32_t y = 0;
  std::int32_t span = kPlaceSpan;

  bool holds(std::int32_t px, std::int32_t py) const;
};

// The smallest packed area around every place given to include(); the whole default area when
// the places lie further apart than kPlaceSpan (then only those inside it travel packed).
class PackedAreaBounds {
 public:
  void include(std::int32_t x, std::int32_t y);
  PackedArea area() const;

 private:
  bool empty_ = true;
  std::int32_t min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0;
};

// Appends moves to a frame, packed where the place lies in the area. At most one writer per frame.
class FrameMoveWriter {
 public:
  explicit FrameMoveWriter(v1::Frame& frame, const PackedArea& area = {});
  void reserve(int moves);
  void add(const FrameMove& move);

 private:
  v1::Frame& frame_;
  PackedArea area_;
  std::uint64_t previous_id_ = 0;
};

namespace detail {
// The frame's packed area, or nothing when its span is not one a writer could have sent.
std::optional<PackedArea> packed_area_of(const v1::Frame& frame);
std::optional<FrameMove> unpack_move(const PackedArea& area, std::uint64_t user_id,
                                     std::uint64_t place);
}  // namespace detail

// Calls f(const FrameMove&) for every move in the frame, packed ones first. Packed entries that
// cannot be a place in the area, a trailing id without a place, and every packed entry of a frame
// with an impossible span are skipped.
template <typename F>
void for_each_move(const v1::Frame& frame, F&& f) {
  if (const auto area = detail::packed_area_of(frame)) {
    const auto& packed = frame.packed_moves();
    std::uint64_t id = 0;
    for (int i = 0; i + 1 < packed.size(); i += 2) {
      const std::uint64_t zigzag = packed[i];
      id += (zigzag >> 1) ^ (~(zigzag & 1) + 1);  // two's complement wrap undoes the difference
      if (auto move = detail::unpack_move(*area, id, packed[i + 1])) f(*move);
    }
  }
  for (const auto& m : frame.moves()) f(FrameMove{m.user_id(), m.x(), m.y(), m.facing()});
}

}  // namespace moim::proto
