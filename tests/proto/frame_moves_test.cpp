#include "moim/proto/frame_moves.hpp"

#include <gtest/gtest.h>

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
