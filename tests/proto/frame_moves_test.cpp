#include "moim/proto/frame_moves.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace moim::proto {
namespace {

std::vector<FrameMove> read_back(const v1::Frame& frame) {
  std::vector<FrameMove> out;
  for_each_move(frame, [&](const FrameMove& m) { out.push_back(m); });
  return out;
}

bool same(const FrameMove& a, const FrameMove& b) {
  return a.user_id == b.user_id && a.x == b.x && a.y == b.y && a.facing == b.facing;
}

TEST(FrameMoves, RoundTripsInAnyIdOrderIncludingTheCorners) {
  const std::vector<FrameMove> moves = {
      {7, 0, 0, v1::DIRECTION_DOWN},
      {3, 4095, 4095, v1::DIRECTION_UP},  // a smaller id: a negative difference
      {~std::uint64_t{0}, 12, 34, v1::DIRECTION_LEFT},
      {1, 200, 199, v1::DIRECTION_RIGHT},
  };
  v1::Frame frame;
  FrameMoveWriter writer(frame);
  for (const auto& m : moves) writer.add(m);
  EXPECT_EQ(frame.moves_size(), 0);
  const auto back = read_back(frame);
  ASSERT_EQ(back.size(), moves.size());
  for (std::size_t i = 0; i < moves.size(); ++i) EXPECT_TRUE(same(back[i], moves[i])) << i;
}

TEST(FrameMoves, PlacesOutsideThePackedSpanTravelAsAvatarMoves) {
  v1::Frame frame;
  FrameMoveWriter writer(frame);
  writer.add({5, -1, 3, v1::DIRECTION_UP});
  writer.add({6, 3, kPlaceSpan, v1::DIRECTION_DOWN});
  writer.add({9, 10, 10, v1::DIRECTION_LEFT});
  EXPECT_EQ(frame.moves_size(), 2);
  const auto back = read_back(frame);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_TRUE(same(back[0], {9, 10, 10, v1::DIRECTION_LEFT}));
  EXPECT_TRUE(same(back[1], {5, -1, 3, v1::DIRECTION_UP}));
  EXPECT_TRUE(same(back[2], {6, 3, kPlaceSpan, v1::DIRECTION_DOWN}));
}

TEST(FrameMoves, SortedNeighboursCostAboutFourBytesAMove) {
  v1::Frame frame;
  FrameMoveWriter writer(frame);
  for (std::uint64_t id = 1000; id < 1500; ++id) {
    writer.add({id, static_cast<std::int32_t>(id % 48), static_cast<std::int32_t>(id % 36),
                v1::DIRECTION_RIGHT});
  }
  v1::Frame legacy;
  for (std::uint64_t id = 1000; id < 1500; ++id) {
    auto* m = legacy.add_moves();
    m->set_user_id(id);
    m->set_x(static_cast<std::int32_t>(id % 48));
    m->set_y(static_cast<std::int32_t>(id % 36));
    m->set_facing(v1::DIRECTION_RIGHT);
  }
  EXPECT_LE(frame.ByteSizeLong(), 500u * 4 + 8);
  EXPECT_GE(legacy.ByteSizeLong(), 500u * 10);
}

v1::Frame packed_around(const std::vector<FrameMove>& moves) {
  PackedAreaBounds bounds;
  for (const auto& m : moves) bounds.include(m.x, m.y);
  v1::Frame frame;
  FrameMoveWriter writer(frame, bounds.area());
  for (const auto& m : moves) writer.add(m);
  return frame;
}

TEST(FrameMoves, TheAreaIsTheSmallestSquareAroundThePlaces) {
  PackedAreaBounds bounds;
  EXPECT_EQ(bounds.area().span, kPlaceSpan);  // nothing included: the default area
  bounds.include(-3, 40);
  bounds.include(10, 35);
  bounds.include(2, 37);
  const PackedArea area = bounds.area();
  EXPECT_EQ(area.x, -3);
  EXPECT_EQ(area.y, 35);
  EXPECT_EQ(area.span, 14);
  EXPECT_TRUE(area.holds(10, 48));
  EXPECT_FALSE(area.holds(11, 35));
  EXPECT_FALSE(area.holds(-4, 35));
}

TEST(FrameMoves, PlacesFurtherApartThanTheSpanUseTheDefaultArea) {
  PackedAreaBounds bounds;
  bounds.include(std::numeric_limits<std::int32_t>::min(), 0);
  bounds.include(std::numeric_limits<std::int32_t>::max(), 0);
  const PackedArea area = bounds.area();
  EXPECT_EQ(area.x, 0);
  EXPECT_EQ(area.span, kPlaceSpan);
}

TEST(FrameMoves, RoundTripsInsideAnAreaAwayFromTheOrigin) {
  const std::vector<FrameMove> moves = {
      {7, 160, 170, v1::DIRECTION_DOWN},
      {3, 199, 209, v1::DIRECTION_UP},
      {12, -5, 180, v1::DIRECTION_LEFT},  // a negative origin travels too
      {20, 180, 175, v1::DIRECTION_RIGHT},
  };
  const v1::Frame frame = packed_around(moves);
  EXPECT_EQ(frame.moves_size(), 0);
  EXPECT_EQ(frame.packed_origin_x(), -5);
  EXPECT_EQ(frame.packed_origin_y(), 170);
  const auto back = read_back(frame);
  ASSERT_EQ(back.size(), moves.size());
  for (std::size_t i = 0; i < moves.size(); ++i) EXPECT_TRUE(same(back[i], moves[i])) << i;
}

TEST(FrameMoves, MovesInOneViewCostAboutThreeBytesEachAnywhereOnTheMap) {
  // What the big map's cells send: everyone in a 40-tile window, far from the map's corner,
  // where an absolute place would take four bytes.
  std::vector<FrameMove> moves;
  for (std::uint64_t id = 1000; id < 1500; ++id) {
    moves.push_back({id, static_cast<std::int32_t>(3000 + id % 40),
                     static_cast<std::int32_t>(3000 + id % 37), v1::DIRECTION_RIGHT});
  }
  const v1::Frame frame = packed_around(moves);
  EXPECT_LE(frame.ByteSizeLong(), 500u * 3 + 16);
  EXPECT_EQ(read_back(frame).size(), moves.size());
}

TEST(FrameMoves, AnImpossibleSpanSkipsThePackedMoves) {
  v1::Frame frame;
  frame.set_packed_span(kPlaceSpan + 1);
  frame.add_packed_moves(2);
  frame.add_packed_moves(0);
  auto* m = frame.add_moves();
  m->set_user_id(9);
  EXPECT_EQ(read_back(frame).size(), 1u);  // only the unpacked move
}

TEST(FrameMoves, PlacesPastTheEndOfIntAreSkipped) {
  v1::Frame frame;
  frame.set_packed_origin_x(std::numeric_limits<std::int32_t>::max() - 1);
  frame.set_packed_span(4);
  frame.add_packed_moves(2);
  frame.add_packed_moves(1 * 4);  // local x 1: the last int
  frame.add_packed_moves(2);
  frame.add_packed_moves(2 * 4);  // local x 2: past it
  frame.add_packed_moves(2);
  frame.add_packed_moves(16 * 4);  // tile 16 of a 4 × 4 area: not in it
  const auto back = read_back(frame);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].x, std::numeric_limits<std::int32_t>::max());
}

TEST(FrameMoves, MalformedPackedEntriesAreSkippedNotMisread) {
  v1::Frame frame;
  frame.add_packed_moves(2);                  // id +1
  frame.add_packed_moves(~std::uint64_t{0});  // not a place
  frame.add_packed_moves(2);                  // id +1 → 2
  frame.add_packed_moves((5 * std::uint64_t{kPlaceSpan} + 6) * 4 + 3);
  frame.add_packed_moves(2);  // an id without a place
  const auto back = read_back(frame);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_TRUE(same(back[0], {2, 6, 5, v1::DIRECTION_UP}));
}

}  // namespace
}  // namespace moim::proto
