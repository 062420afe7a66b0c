#include "moim/client/core/chat_log.hpp"

#include <gtest/gtest.h>

namespace {

using moim::client::ChatLog;
using moim::client::ChatTab;
namespace v1 = moim::v1;

v1::ChatMessage chat(v1::ChatScope scope, std::uint64_t from, const std::string& text,
                     std::uint64_t to = 0) {
  v1::ChatMessage m;
  m.set_scope(scope);
  m.set_from_user(from);
  m.set_from_name("이름" + std::to_string(from));
  m.set_text(text);
  m.set_to_user(to);
  return m;
}

TEST(ChatLog, SortsIntoTabsAndCountsUnread) {
  ChatLog log;
  log.add(chat(v1::CHAT_SCOPE_NEARBY, 2, "안녕"), 1, 0);
  log.add(chat(v1::CHAT_SCOPE_STAGE, 3, "welcome"), 1, 0);
  log.add(chat(v1::CHAT_SCOPE_ROOM, 2, "room"), 1, 0);
  log.add(chat(v1::CHAT_SCOPE_ROOM, 1, "mine"), 1, 0);
  EXPECT_EQ(log.lines(ChatTab::nearby).size(), 2u);
  EXPECT_EQ(log.unread(ChatTab::nearby), 0);  // the selected tab
  EXPECT_EQ(log.lines(ChatTab::room).size(), 2u);
  EXPECT_EQ(log.unread(ChatTab::room), 1);  // our own line is not unread
  log.select(ChatTab::room);
  EXPECT_EQ(log.unread(ChatTab::room), 0);
}

TEST(ChatLog, BubblesForNearbyOnlyAndTheyExpire) {
  ChatLog log;
  log.add(chat(v1::CHAT_SCOPE_NEARBY, 2, "hi"), 1, 10.0);
  log.add(chat(v1::CHAT_SCOPE_ROOM, 3, "room"), 1, 10.0);
  ASSERT_NE(log.bubble_for(2, 11.0), nullptr);
  EXPECT_EQ(log.bubble_for(2, 11.0)->text, "hi");
  EXPECT_EQ(log.bubble_for(3, 11.0), nullptr);
  EXPECT_EQ(log.bubble_for(2, 10.0 + moim::client::kBubbleSeconds + 0.1), nullptr);
}

TEST(ChatLog, DirectPartnerFollowsTheConversation) {
  ChatLog log;
  log.add(chat(v1::CHAT_SCOPE_DIRECT, 5, "psst", 1), 1, 0);
  EXPECT_EQ(log.direct_partner(), 5u);
  EXPECT_EQ(log.direct_partner_name(), "이름5");
  log.add(chat(v1::CHAT_SCOPE_DIRECT, 1, "reply", 6), 1, 0);
  EXPECT_EQ(log.direct_partner(), 6u);
}

TEST(ChatLog, KeepsABoundedHistory) {
  ChatLog log;
  for (int i = 0; i < 500; ++i) log.add(chat(v1::CHAT_SCOPE_ROOM, 2, std::to_string(i)), 1, 0);
  EXPECT_EQ(log.lines(ChatTab::room).size(), moim::client::kMaxLinesPerTab);
  EXPECT_EQ(log.lines(ChatTab::room).back().text, "499");
}

}  // namespace
