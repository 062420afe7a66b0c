#include <gtest/gtest.h>

#include <set>

#include "recording_sink.hpp"
#include "room/voice.hpp"

namespace moim::room {
namespace {

using testing::RoomFixture;
using world::MapBuilder;
using world::ZoneKind;
using Ids = std::set<UserId>;

world::Map voice_map() {
  return MapBuilder("test", 60, 30)
      .zone(ZoneKind::spawn, "main", {1, 1, 3, 3})
      .zone(ZoneKind::private_area, "booth", {30, 1, 4, 4})
      .zone(ZoneKind::private_area, "table", {30, 10, 4, 4})
      .zone(ZoneKind::quiet, "library", {40, 10, 5, 5})
      .zone(ZoneKind::stage, "stage", {50, 1, 3, 2})
      .build();
}

Ids hearers(const RoomFixture& f, UserId speaker, VoiceReach* reach = nullptr) {
  VoiceAudience audience;
  Ids out;
  if (!f.room.voice_audience(speaker, audience)) return out;
  if (reach) *reach = audience.reach;
  for (const auto& h : audience.hearers) out.insert(h.id);
  return out;
}

TEST(VoiceAudience, NearbyReachesFiveTilesEuclideanAndNotTheSpeaker) {
  RoomFixture f(voice_map());
  f.admit(1, {10, 10});
  f.admit(2, {12, 10});  // 2 tiles
  f.admit(3, {13, 14});  // exactly 5 (3-4-5)
  f.admit(4, {14, 14});  // Chebyshev 4 but Euclidean 5.66: out
  f.admit(5, {20, 10});  // 10 tiles
  VoiceReach reach{};
  EXPECT_EQ(hearers(f, 1, &reach), (Ids{2, 3}));
  EXPECT_EQ(reach, VoiceReach::nearby);
}

TEST(VoiceAudience, PrivateAreaIsSealedBothWays) {
  RoomFixture f(voice_map());
  f.admit(1, {30, 1});
  f.admit(2, {33, 4});   // same area, far corner (4.2 tiles)
  f.admit(3, {34, 1});   // just outside, 4 tiles from 1
  f.admit(4, {30, 10});  // another area
  VoiceReach reach{};
  EXPECT_EQ(hearers(f, 1, &reach), (Ids{2}));
  EXPECT_EQ(reach, VoiceReach::area);
  EXPECT_EQ(hearers(f, 3), (Ids{}));  // nobody inside hears the outside
  EXPECT_EQ(hearers(f, 4), (Ids{}));
}

TEST(VoiceAudience, QuietZoneNeitherSpeaksNorHears) {
  RoomFixture f(voice_map());
  f.admit(1, {41, 11});
  f.admit(2, {39, 11});  // outside, 2 tiles away
  VoiceAudience audience;
  EXPECT_FALSE(f.room.voice_audience(1, audience));
  EXPECT_EQ(hearers(f, 2), (Ids{}));
}

TEST(VoiceAudience, StageReachesEveryoneEvenQuietAndPrivate) {
  RoomFixture f(voice_map());
  f.admit(1, {51, 1});
  f.admit(2, {1, 28});
  f.admit(3, {41, 11});  // quiet
  f.admit(4, {31, 2});   // private
  VoiceReach reach{};
  EXPECT_EQ(hearers(f, 1, &reach), (Ids{2, 3, 4}));
  EXPECT_EQ(reach, VoiceReach::stage);
}

TEST(VoiceAudience, AHeldAvatarNeitherSpeaksNorHears) {
  RoomFixture f(voice_map());
  f.admit(1, {10, 10});
  f.admit(2, {11, 10});
  f.room.hold(2, f.now + 60'000);
  EXPECT_EQ(hearers(f, 1), (Ids{}));
  VoiceAudience audience;
  EXPECT_FALSE(f.room.voice_audience(2, audience));
  EXPECT_FALSE(f.room.voice_audience(99, audience));  // not here at all
}

VoiceAudience audience_of(VoiceReach reach, std::vector<Hearer> hearers) {
  return VoiceAudience{reach, std::move(hearers)};
}

std::vector<std::uint32_t> picked(const VoiceMix& mix, UserId listener) {
  auto it = mix.picks().find(listener);
  if (it == mix.picks().end()) return {};
  auto view = it->second.view();
  return {view.begin(), view.end()};
}

TEST(VoiceMix, AtMostEightNearestAndTheStageFirst) {
  VoiceMix mix;
  // Ten nearby speakers (numbers 0..9) at distance² 10 - n from listener 100: 9 is nearest.
  for (std::uint32_t n = 0; n < 10; ++n) {
    mix.add(n, audience_of(VoiceReach::nearby, {{100, static_cast<int>(10 - n)}}), 50);
  }
  mix.finish();
  EXPECT_EQ(picked(mix, 100), (std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8, 9}));

  mix.clear();
  for (std::uint32_t n = 0; n < 10; ++n) {
    mix.add(n, audience_of(VoiceReach::nearby, {{100, static_cast<int>(n)}}), 50);
  }
  mix.add(10, audience_of(VoiceReach::stage, {{100, 400}}), 0);  // far away, but on the stage
  mix.finish();
  EXPECT_EQ(picked(mix, 100), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 10}));
}

TEST(VoiceMix, PrivateAreaKeepsTheLoudest) {
  VoiceMix mix;
  for (std::uint32_t n = 0; n < 12; ++n) {
    mix.add(n, audience_of(VoiceReach::area, {{7, 1}}), n * 8);  // 11 is loudest
  }
  mix.finish();
  EXPECT_EQ(picked(mix, 7), (std::vector<std::uint32_t>{4, 5, 6, 7, 8, 9, 10, 11}));
}

TEST(VoiceMix, SilentPeopleAreInNobodysPicks) {
  VoiceMix mix;
  mix.add(0, audience_of(VoiceReach::nearby, {{1, 4}, {2, 9}}), 30);
  mix.finish();
  EXPECT_EQ(mix.picks().size(), 2u);  // only the two who hear speaker 0
  EXPECT_EQ(picked(mix, 3), (std::vector<std::uint32_t>{}));
  mix.clear();
  mix.finish();
  EXPECT_TRUE(mix.picks().empty());
}

}  // namespace
}  // namespace moim::room
