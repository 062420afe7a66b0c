// The hall bar (raise hand, next hand) shows for the session that is on in the room you are in.
#include <gtest/gtest.h>

#include "programme_panel.hpp"

namespace moim::client::app {
namespace {

v1::TalkInfo talk(std::int64_t id, const std::string& room, std::int64_t start, std::int64_t end) {
  v1::TalkInfo t;
  t.set_id(id);
  t.set_room(room);
  t.set_start_ms(start);
  t.set_end_ms(end);
  return t;
}

TEST(HallBar, IsForTheSessionOnNowInThisRoom) {
  const std::vector<v1::TalkInfo> talks{talk(1, "hall", 1000, 2000), talk(2, "hall", 2000, 3000),
                                        talk(3, "study-4", 1000, 3000)};
  ASSERT_NE(live_talk_in(talks, "hall", 1500), nullptr);
  EXPECT_EQ(live_talk_in(talks, "hall", 1500)->id(), 1);
  EXPECT_EQ(live_talk_in(talks, "hall", 2000)->id(), 2);  // the end is exclusive
  EXPECT_EQ(live_talk_in(talks, "study-4", 2500)->id(), 3);
}

TEST(HallBar, IsNotShownBeforeAfterOrElsewhere) {
  const std::vector<v1::TalkInfo> talks{talk(1, "hall", 1000, 2000)};
  EXPECT_EQ(live_talk_in(talks, "hall", 999), nullptr);
  EXPECT_EQ(live_talk_in(talks, "hall", 2000), nullptr);
  EXPECT_EQ(live_talk_in(talks, "lobby", 1500), nullptr);
  EXPECT_EQ(live_talk_in({}, "hall", 1500), nullptr);
}

}  // namespace
}  // namespace moim::client::app
