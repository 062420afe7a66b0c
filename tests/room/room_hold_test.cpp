// A dropped connection: the avatar is held in place, marked reconnecting, until its person
// resumes (taken back in place) or the grace period ends (removed).
#include <gtest/gtest.h>

#include <algorithm>

#include "recording_sink.hpp"

namespace moim::room {
namespace {

using testing::RoomFixture;
using testing::Sent;
using world::MapBuilder;
using world::ZoneKind;

world::Map open_map() {
  return MapBuilder("open", 40, 40).zone(ZoneKind::spawn, "main", {1, 1, 3, 3}).build();
}

// Everything the frames sent to `to` said about `who`: "+" upsert (with "~" when reconnecting),
// "-" removal, in order.
std::string story(const std::vector<Sent>& frames, UserId to, UserId who) {
  std::string out;
  for (const auto& s : frames) {
    if (std::find(s.to.begin(), s.to.end(), to) == s.to.end()) continue;
    for (const auto& a : s.frame.upserts) {
      if (a.id == who) out += a.reconnecting ? "+~" : "+";
    }
    for (UserId gone : s.frame.removed) {
      if (gone == who) out += "-";
    }
  }
  return out;
}

Arrival resume_of(const AvatarView& was) {
  Arrival back;
  back.kind = ArrivalKind::resume;
  back.avatar = was;
  back.place = was.pos;
  return back;
}

TEST(RoomHold, ADroppedAvatarStaysWhereItStoodMarkedReconnecting) {
  RoomFixture f(open_map());
  f.admit(1, {5, 5});
  f.admit(2, {7, 5});
  f.room.flush();
  f.sink.clear();

  auto was = f.room.hold(1, f.now + 60'000);
  ASSERT_TRUE(was.has_value());
  EXPECT_FALSE(was->reconnecting);  // what resume brings back
  EXPECT_TRUE(f.room.held(1));
  EXPECT_TRUE(f.room.contains(1));
  EXPECT_EQ(f.room.size(), 2u);  // the place is kept
  f.room.flush();
  const auto frames = f.sink.of(Sent::Kind::frame);
  EXPECT_EQ(story(frames, 2, 1), "+~");
  for (const auto& s : frames) EXPECT_TRUE(s.frame.removed.empty());
  auto seen = f.room.find(1);
  ASSERT_TRUE(seen.has_value());
  EXPECT_TRUE(seen->reconnecting);
  EXPECT_EQ(seen->pos, (world::TilePos{5, 5}));

  // A newcomer's snapshot shows them too, marked.
  f.sink.clear();
  f.admit(3, {6, 6});
  const auto snaps = f.sink.of(Sent::Kind::snapshot);
  ASSERT_EQ(snaps.size(), 1u);
  const auto& avatars = snaps[0].snapshot.avatars;
  auto held = std::find_if(avatars.begin(), avatars.end(), [](auto& a) { return a.id == 1; });
  ASSERT_NE(held, avatars.end());
  EXPECT_TRUE(held->reconnecting);
}

TEST(RoomHold, AHeldPersonHearsNoChat) {
  RoomFixture f(open_map());
  f.admit(1, {5, 5});
  f.admit(2, {6, 5});
  ASSERT_TRUE(f.room.hold(1, f.now + 60'000));
  f.room.chat(2, 7, ChatIntent{ChatScope::nearby, "들려요?", 0}, f.now);
  f.room.chat(2, 8, ChatIntent{ChatScope::room, "모두 안녕", 0}, f.now + 1000);
  EXPECT_FALSE(f.sink.heard("들려요?").contains(1));
  EXPECT_FALSE(f.sink.heard("모두 안녕").contains(1));
  EXPECT_TRUE(f.sink.heard("모두 안녕").contains(2));
}

TEST(RoomHold, ResumingTakesTheAvatarBackInPlaceWithoutARemoval) {
  RoomFixture f(open_map());
  f.admit(1, {5, 5});
  f.admit(2, {7, 5});
  f.room.flush();
  f.sink.clear();
  auto was = f.room.hold(1, f.now + 60'000);
  ASSERT_TRUE(was);
  f.room.flush();

  ASSERT_TRUE(f.room.admit(resume_of(*was), 9).has_value());
  EXPECT_FALSE(f.room.held(1));
  f.room.flush();
  const auto snaps = f.sink.of(Sent::Kind::snapshot);
  ASSERT_EQ(snaps.size(), 1u);
  EXPECT_EQ(snaps[0].to[0], 1u);
  EXPECT_EQ(snaps[0].snapshot.you.pos, (world::TilePos{5, 5}));
  EXPECT_FALSE(snaps[0].snapshot.you.reconnecting);
  EXPECT_EQ(story(f.sink.of(Sent::Kind::frame), 2, 1), "+~+");  // dimmed, then normal: no "-"
  EXPECT_FALSE(f.room.find(1)->reconnecting);
  // Nothing is left to expire.
  EXPECT_FALSE(f.room.next_hold_end().has_value());
  EXPECT_TRUE(f.room.expire_held(f.now + 120'000).empty());
  EXPECT_TRUE(f.room.contains(1));
}

TEST(RoomHold, TheAvatarIsRemovedWhenTheGracePeriodEnds) {
  RoomFixture f(open_map());
  f.admit(1, {5, 5});
  f.admit(2, {7, 5});
  f.admit(3, {8, 5});
  f.room.flush();
  f.sink.clear();
  ASSERT_TRUE(f.room.hold(1, f.now + 60'000));
  ASSERT_TRUE(f.room.hold(3, f.now + 90'000));
  f.room.flush();
  EXPECT_EQ(f.room.next_hold_end().value_or(0), f.now + 60'000);
  EXPECT_TRUE(f.room.expire_held(f.now + 59'999).empty());
  EXPECT_EQ(f.room.expire_held(f.now + 60'000), std::vector<UserId>{1});
  EXPECT_FALSE(f.room.contains(1));
  EXPECT_TRUE(f.room.held(3));
  EXPECT_EQ(f.room.next_hold_end().value_or(0), f.now + 90'000);
  f.room.flush();
  EXPECT_EQ(story(f.sink.of(Sent::Kind::frame), 2, 1), "+~-");

  // A resume that comes too late is an ordinary arrival at the old place.
  Arrival late = resume_of(testing::person(1));
  late.place = world::TilePos{5, 5};
  ASSERT_TRUE(f.room.admit(late, 4).has_value());
  EXPECT_FALSE(f.room.find(1)->reconnecting);
}

TEST(RoomHold, AFreshArrivalMustWaitUntilTheHeldAvatarIsGone) {
  RoomFixture f(open_map());
  f.admit(1, {5, 5});
  ASSERT_TRUE(f.room.hold(1, f.now + 60'000));
  auto refused = f.room.admit(testing::arrive_at(1, {9, 9}), 2);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, Errc::already_joined);
  ASSERT_TRUE(f.room.leave(1, LeaveReason::replaced));  // what the host does first
  EXPECT_FALSE(f.room.next_hold_end().has_value());
  f.admit(1, {9, 9});
  EXPECT_FALSE(f.room.held(1));
  EXPECT_EQ(f.room.find(1)->pos, (world::TilePos{9, 9}));
}

}  // namespace
}  // namespace moim::room
