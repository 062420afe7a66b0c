#include <gtest/gtest.h>

#include "recording_sink.hpp"

namespace moim::room {
namespace {

using testing::RoomFixture;
using testing::Sent;
using world::MapBuilder;
using world::ZoneKind;
using Heard = std::set<UserId>;

world::Map chat_map() {
  return MapBuilder("test", 60, 20)
      .zone(ZoneKind::spawn, "main", {1, 1, 3, 3})
      .zone(ZoneKind::private_area, "booth", {30, 1, 4, 4})
      .zone(ZoneKind::quiet, "library", {40, 10, 5, 5})
      .zone(ZoneKind::stage, "stage", {50, 1, 3, 2})
      .build();
}

ChatIntent nearby(std::string text) {
  return {ChatScope::nearby, std::move(text), 0};
}

TEST(RoomChat, NearbyReachesWithinFiveTilesOnly) {
  RoomFixture f(chat_map());
  f.admit(1, {10, 10});
  f.admit(2, {13, 14});  // distance exactly 5
  f.admit(3, {16, 10});  // 6 tiles away
  f.room.chat(1, 5, nearby("안녕하세요"), f.now);
  EXPECT_EQ(f.sink.heard("안녕하세요"), (Heard{1, 2}));
  ASSERT_EQ(f.sink.of(Sent::Kind::ack).size(), 1u);
  EXPECT_EQ(f.sink.of(Sent::Kind::ack)[0].request_id, 5u);
}

TEST(RoomChat, PrivateAreaIsSharedInsideAndSealedBothWays) {
  RoomFixture f(chat_map());
  f.admit(1, {30, 1});
  f.admit(2, {33, 4});  // same zone, far corner
  f.admit(3, {34, 1});  // just outside, next to 1... within radius
  f.room.chat(1, 1, nearby("inside"), f.now);
  EXPECT_EQ(f.sink.heard("inside"), (Heard{1, 2}));
  f.room.chat(3, 2, nearby("outside"), f.now);
  EXPECT_EQ(f.sink.heard("outside"), (Heard{3}));
  EXPECT_EQ(f.sink.of(Sent::Kind::chat).back().chat.scope, ChatScope::nearby);
  EXPECT_EQ(f.sink.of(Sent::Kind::chat).front().chat.scope, ChatScope::private_area);
}

TEST(RoomChat, QuietZoneRefusesNearbyAndHearsNothing) {
  RoomFixture f(chat_map());
  f.admit(1, {41, 11});
  f.admit(2, {39, 11});  // outside the zone, 2 tiles away
  f.room.chat(1, 7, nearby("psst"), f.now);
  auto errors = f.sink.of(Sent::Kind::error);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].error.code, Errc::quiet_zone);
  f.room.chat(2, 8, nearby("hello?"), f.now);
  EXPECT_EQ(f.sink.heard("hello?"), (Heard{2}));
}

TEST(RoomChat, StageReachesTheWholeRoom) {
  RoomFixture f(chat_map());
  f.admit(1, {51, 1});
  f.admit(2, {1, 19});
  f.admit(3, {41, 11});  // even the quiet corner
  f.room.chat(1, 1, nearby("welcome all"), f.now);
  EXPECT_EQ(f.sink.heard("welcome all"), (Heard{1, 2, 3}));
  EXPECT_EQ(f.sink.of(Sent::Kind::chat)[0].chat.scope, ChatScope::stage);
}

TEST(RoomChat, RoomChatIsStoredAndReplayedToNewcomers) {
  RoomFixture f(chat_map());
  f.admit(1, {1, 1});
  f.admit(2, {58, 18});
  f.room.chat(1, 1, {ChatScope::room, "첫 메시지", 0}, f.now);
  EXPECT_EQ(f.sink.heard("첫 메시지"), (Heard{1, 2}));
  const auto sent = f.sink.of(Sent::Kind::chat)[0].chat;
  EXPECT_GT(sent.id, 0);
  f.admit(3, {5, 5});
  const auto snap = f.sink.of(Sent::Kind::snapshot).back().snapshot;
  ASSERT_EQ(snap.history.size(), 1u);
  EXPECT_EQ(snap.history[0].text, "첫 메시지");
  EXPECT_EQ(snap.history[0].from_name, "p1");
}

TEST(RoomChat, NewcomersSeeHistoryWithoutTheRoomReadingTheArchive) {
  RoomFixture f(chat_map());
  EXPECT_EQ(f.archive.reads, 1);  // built: the room's history is read once
  f.admit(1, {1, 1});
  f.room.chat(1, 1, {ChatScope::room, "one", 0}, f.now);
  f.room.chat(1, 2, {ChatScope::room, "two", 0}, f.now + 1000);
  for (UserId id = 2; id <= 4; ++id) f.admit(id, {5, 5});
  EXPECT_EQ(f.archive.reads, 1);
  const auto snap = f.sink.of(Sent::Kind::snapshot).back().snapshot;
  ASSERT_EQ(snap.history.size(), 2u);
  EXPECT_EQ(snap.history[0].text, "one");
  EXPECT_EQ(snap.history[1].text, "two");
  EXPECT_EQ(snap.history[1].sent_at_ms, f.now + 1000);
}

TEST(RoomChat, RoomChatTheArchiveRefusesIsAnInternalErrorAndNotSent) {
  RoomFixture f(chat_map());
  f.admit(1, {1, 1});
  f.admit(2, {2, 2});
  f.archive.failing = true;
  f.room.chat(1, 9, {ChatScope::room, "lost", 0}, f.now);
  EXPECT_TRUE(f.sink.of(Sent::Kind::chat).empty());
  ASSERT_EQ(f.sink.of(Sent::Kind::error).size(), 1u);
  EXPECT_EQ(f.sink.of(Sent::Kind::error)[0].error.code, Errc::internal);
  f.archive.failing = false;
  f.admit(3, {5, 5});
  EXPECT_TRUE(f.sink.of(Sent::Kind::snapshot).back().snapshot.history.empty());
}

TEST(RoomChat, BadTextIsRefusedWithACode) {
  RoomFixture f(chat_map());
  f.admit(1, {1, 1});
  f.room.chat(1, 1, nearby(std::string(501, 'a')), f.now);
  f.room.chat(1, 2, nearby(""), f.now);
  f.room.chat(1, 3, nearby("bad \xff utf8"), f.now);
  f.room.chat(1, 4, nearby("bell\a"), f.now);
  auto errors = f.sink.of(Sent::Kind::error);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].error.code, Errc::text_too_long);
  EXPECT_EQ(errors[1].error.code, Errc::invalid_text);
  EXPECT_EQ(errors[2].error.code, Errc::invalid_text);
  EXPECT_EQ(errors[3].error.code, Errc::invalid_text);
  EXPECT_TRUE(f.sink.of(Sent::Kind::chat).empty());
  auto history = f.archive.recent_chat("test", 10);
  EXPECT_TRUE(history->empty());
}

TEST(RoomChat, ChattingFasterThanAPersonTypesIsRateLimited) {
  RoomConfig config;
  config.chat_rate = {1.0, 3.0};
  RoomFixture f(chat_map(), config);
  f.admit(1, {1, 1});
  for (int i = 0; i < 10; ++i) f.room.chat(1, 1, nearby("spam"), f.now);
  EXPECT_EQ(f.sink.of(Sent::Kind::chat).size(), 3u);
  EXPECT_EQ(f.sink.of(Sent::Kind::error).size(), 7u);
  EXPECT_EQ(f.sink.of(Sent::Kind::error)[0].error.code, Errc::rate_limited);
}

TEST(RoomChat, MutedPeopleCannotTalkUntilTheMuteEnds) {
  RoomFixture f(chat_map());
  f.admit(1, {1, 1});
  f.room.set_muted(1, f.now + 1000);
  f.room.chat(1, 1, nearby("hi"), f.now);
  EXPECT_EQ(f.sink.of(Sent::Kind::error)[0].error.code, Errc::muted);
  f.room.chat(1, 2, nearby("hi"), f.now + 1001);
  EXPECT_EQ(f.sink.heard("hi"), (Heard{1}));
}

TEST(RoomChat, DirectChatIsHandedToTheHostAndDeliveredOnlyToItsRecipient) {
  RoomFixture f(chat_map());
  f.admit(1, {1, 1});
  f.admit(2, {2, 2});
  f.room.chat(1, 3, {ChatScope::direct, "just you", 2}, f.now);
  auto directs = f.sink.of(Sent::Kind::direct);
  ASSERT_EQ(directs.size(), 1u);
  EXPECT_EQ(directs[0].chat.to, 2u);
  f.room.deliver_direct(directs[0].chat);
  EXPECT_EQ(f.sink.heard("just you"), (Heard{2}));
  f.room.chat(1, 4, {ChatScope::direct, "myself", 1}, f.now);
  EXPECT_EQ(f.sink.of(Sent::Kind::error).back().error.code, Errc::bad_request);
}

}  // namespace
}  // namespace moim::room
