#include "moim/client/core/room_layout.hpp"

#include <gtest/gtest.h>

namespace {

using moim::client::ChatPanel;
using moim::client::kTopBarHeight;
using moim::client::layout_room;

TEST(RoomLayout, TheChatSidebarAndTheMapDoNotOverlap) {
  const auto l = layout_room(1280, 720, ChatPanel::open);
  EXPECT_EQ(l.top_bar.h, kTopBarHeight);
  EXPECT_GT(l.chat.w, 0);
  EXPECT_EQ(l.chat.x + l.chat.w, l.map.x);  // side by side
  EXPECT_EQ(l.map.x + l.map.w, 1280);
  EXPECT_EQ(l.map.y, kTopBarHeight);
  EXPECT_EQ(l.map.y + l.map.h, 720);
  EXPECT_EQ(l.chat.h, l.map.h);
  // No pixel of the map viewport is inside the chat panel.
  EXPECT_FALSE(l.chat.contains(l.map.x, l.map.y));
}

TEST(RoomLayout, FoldedChatGivesTheMapTheWholeWidth) {
  const auto l = layout_room(1280, 720, ChatPanel::folded);
  EXPECT_EQ(l.chat.w, 0);
  EXPECT_EQ(l.map.x, 0);
  EXPECT_EQ(l.map.w, 1280);
}

TEST(RoomLayout, SmallWindowsKeepHalfForTheMap) {
  const auto l = layout_room(400, 300, ChatPanel::open);
  EXPECT_LE(l.chat.w, 200);
  EXPECT_GE(l.map.w, 200);
  const auto wide = layout_room(3000, 1000, ChatPanel::open);
  EXPECT_LE(wide.chat.w, 400);
  const auto tiny = layout_room(0, 10, ChatPanel::open);
  EXPECT_EQ(tiny.map.w, 0);
  EXPECT_EQ(tiny.map.h, 0);
}

}  // namespace
