// What the room you are in offers, read from its snapshot: the client knows a room's features
// only from this list, never from the room's id.
#include <gtest/gtest.h>

#include "moim/client/core/room_features.hpp"

namespace moim::client {
namespace {

v1::RoomSnapshot snapshot(const std::string& room,
                          std::vector<std::pair<std::string, std::string>> features) {
  v1::RoomSnapshot s;
  s.set_room(room);
  for (const auto& [name, ref] : features) {
    auto* f = s.add_features();
    f->set_name(name);
    f->set_ref(ref);
  }
  return s;
}

TEST(RoomFeatures, ReadsEveryFeatureOfTheSnapshotWithItsRef) {
  const RoomFeatures f = room_features(snapshot("hall", {{"stage", ""}, {"study-group", "12"}}));
  ASSERT_EQ(f.entries().size(), 2u);
  EXPECT_TRUE(f.has(feature::stage));
  EXPECT_TRUE(f.has(feature::study_group));
  EXPECT_FALSE(f.has(feature::graduation));
  EXPECT_EQ(f.ref(feature::study_group), "12");
  EXPECT_EQ(f.id(feature::study_group), 12);
  EXPECT_EQ(f.ref(feature::stage), "");
}

TEST(RoomFeatures, TheRoomsIdSaysNothing) {
  EXPECT_FALSE(room_features(snapshot("graduation-1f", {})).has(feature::graduation));
  EXPECT_FALSE(room_features(snapshot("study-7", {})).id(feature::study_group));
  EXPECT_FALSE(room_features(snapshot("hall", {})).has(feature::stage));
  EXPECT_TRUE(room_features(snapshot("lobby", {{"graduation", ""}})).has(feature::graduation));
}

TEST(RoomFeatures, AnIdIsOnlyARefThatIsAPositiveNumber) {
  auto id = [](const std::string& ref) {
    return RoomFeatures({{"study-group", ref}}).id(feature::study_group);
  };
  EXPECT_EQ(id("7"), 7);
  EXPECT_EQ(id("9007199254740993"), 9007199254740993);
  EXPECT_FALSE(id(""));  // the server has not said which group
  EXPECT_FALSE(id("0"));
  EXPECT_FALSE(id("-3"));
  EXPECT_FALSE(id("7x"));
  EXPECT_FALSE(id(" 7"));
  EXPECT_FALSE(id("99999999999999999999"));  // out of range
  EXPECT_FALSE(RoomFeatures().id(feature::study_group));
}

TEST(RoomFeatures, NoFeaturesByDefault) {
  const RoomFeatures none;
  EXPECT_TRUE(none.entries().empty());
  EXPECT_FALSE(none.has(feature::stage));
  EXPECT_EQ(none.ref(feature::stage), "");
}

}  // namespace
}  // namespace moim::client
