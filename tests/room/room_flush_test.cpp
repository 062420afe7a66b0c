#include <gtest/gtest.h>

#include <random>

#include "recording_sink.hpp"

namespace moim::room {
namespace {

using testing::Observers;
using testing::RoomFixture;
using testing::Sent;
using world::MapBuilder;
using world::ZoneKind;

world::Map big_open_map() {
  return MapBuilder("big", 120, 120).zone(ZoneKind::spawn, "main", {1, 1, 3, 3}).build();
}

RoomConfig small_aoi() {
  RoomConfig config;
  config.aoi_cell_tiles = 8;
  config.aoi_radius_cells = 1;  // sees 8..15 tiles around
  config.move_rate = {1000.0, 1000.0};
  return config;
}

TEST(RoomFlush, MovesCoalesceIntoOneFramePerCellWithTheLatestPosition) {
  RoomFixture f(big_open_map(), small_aoi());
  f.admit(1, {10, 10});
  f.admit(2, {12, 10});
  f.room.flush();
  f.sink.clear();
  f.walk(1, {10, 13});
  f.room.flush();
  auto frames = f.sink.of(Sent::Kind::frame);
  ASSERT_EQ(frames.size(), 1u);  // both stand in one cell: one shared frame
  EXPECT_EQ(frames[0].to.size(), 2u);
  ASSERT_EQ(frames[0].frame.moves.size(), 1u);
  EXPECT_EQ(frames[0].frame.moves[0].pos, (world::TilePos{10, 13}));
}

TEST(RoomFlush, NothingDirtyMeansNoFrame) {
  RoomFixture f(big_open_map(), small_aoi());
  f.admit(1, {10, 10});
  f.room.flush();
  f.sink.clear();
  f.room.flush();
  EXPECT_TRUE(f.sink.sent.empty());
  EXPECT_FALSE(f.room.dirty());
}

TEST(RoomFlush, FarAwayPeopleAreNotSent) {
  RoomFixture f(big_open_map(), small_aoi());
  f.admit(1, {5, 5});
  f.admit(2, {100, 100});
  f.room.flush();
  f.sink.clear();
  f.walk(2, {100, 103});
  f.room.flush();
  for (const auto& frame : f.sink.of(Sent::Kind::frame)) {
    EXPECT_EQ(std::count(frame.to.begin(), frame.to.end(), 1u), 0);
  }
}

TEST(RoomFlush, ArrivalsAndDeparturesAreAnnouncedToThoseWhoSee) {
  RoomFixture f(big_open_map(), small_aoi());
  f.admit(1, {5, 5});
  f.room.flush();
  f.sink.clear();
  f.admit(2, {6, 6});
  f.room.flush();
  auto frames = f.sink.of(Sent::Kind::frame);
  ASSERT_EQ(frames.size(), 1u);
  ASSERT_EQ(frames[0].frame.upserts.size(), 1u);
  EXPECT_EQ(frames[0].frame.upserts[0].id, 2u);
  f.sink.clear();
  f.room.leave(2, LeaveReason::disconnected);
  f.room.flush();
  frames = f.sink.of(Sent::Kind::frame);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].frame.removed, std::vector<UserId>{2});
}

TEST(RoomFlush, PresenceChangeIsAnUpsert) {
  RoomFixture f(big_open_map(), small_aoi());
  f.admit(1, {5, 5});
  f.admit(2, {6, 6});
  f.room.flush();
  f.sink.clear();
  f.room.set_presence(2, 4, Presence::busy);
  f.room.flush();
  auto frames = f.sink.of(Sent::Kind::frame);
  ASSERT_EQ(frames.size(), 1u);
  ASSERT_EQ(frames[0].frame.upserts.size(), 1u);
  EXPECT_EQ(frames[0].frame.upserts[0].presence, Presence::busy);
}

// The AOI invariant, checked against brute force: after every flush, each person knows exactly
// the people in the cells they can see, at their true positions.
TEST(RoomFlush, RandomWalksKeepEveryViewExact) {
  RoomFixture f(big_open_map(), small_aoi());
  std::mt19937 rng(42);
  const int people = 40;
  for (UserId id = 1; id <= people; ++id) {
    f.admit(id, {static_cast<int>(rng() % 40) + 1, static_cast<int>(rng() % 40) + 1});
  }
  Observers observers;
  AoiGrid grid(120, 120, 8, 1);
  for (int round = 0; round < 200; ++round) {
    for (int k = 0; k < 15; ++k) {
      const UserId id = rng() % people + 1;
      if (!f.room.contains(id)) {
        f.admit(id, {static_cast<int>(rng() % 60) + 1, static_cast<int>(rng() % 60) + 1});
        continue;
      }
      if (rng() % 50 == 0) {
        f.room.leave(id, LeaveReason::disconnected);
        continue;
      }
      auto at = f.room.find(id)->pos;
      const auto dir = static_cast<world::Direction>(rng() % 4);
      f.now += 10;
      f.room.move(id, {world::step(at, dir), dir, 0}, f.now);
    }
    f.room.flush();
    observers.apply(f.sink.sent);
    f.sink.clear();
    for (UserId id = 1; id <= people; ++id) {
      if (!f.room.contains(id)) continue;
      const auto me = grid.cell_of(f.room.find(id)->pos);
      std::map<UserId, world::TilePos> expected;
      for (UserId other = 1; other <= people; ++other) {
        if (!f.room.contains(other)) continue;
        const auto pos = f.room.find(other)->pos;
        if (grid.sees(me, grid.cell_of(pos))) expected[other] = pos;
      }
      ASSERT_EQ(observers.view(id), expected) << "person " << id << " round " << round;
    }
  }
}

}  // namespace
}  // namespace moim::room
