#include "programme/study_group.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

StudyGroup group() {
  StudyGroup g;
  g.id = 7;
  g.topic = "Attention Is All You Need 읽기";
  g.kind = GroupKind::paper_reading;
  g.description = "매일 밤 논문 한 편";
  g.schedule = *weekly("daily", "21:00-24:00");
  g.capacity = 3;
  g.lead = 1;
  g.lead_name = "김민지";
  g.member_count = 1;
  return g;
}

const Actor lead{1, Role::attendee};
const Actor stranger{2, Role::attendee};
const Actor host{3, Role::host};

TEST(StudyGroup, ValidNewGroup) {
  EXPECT_TRUE(validate_new_group(group()));
}

TEST(StudyGroup, RefusesBadFields) {
  auto g = group();
  g.topic = "   ";
  EXPECT_EQ(validate_new_group(g).error().code, Errc::invalid_text);
  g.topic = std::string(81, 'a');
  EXPECT_EQ(validate_new_group(g).error().code, Errc::text_too_long);
  g.topic = std::string(80, 'a');
  EXPECT_TRUE(validate_new_group(g));
  g.topic = "line\nbreak";
  EXPECT_EQ(validate_new_group(g).error().code, Errc::invalid_text);
  g = group();
  g.capacity = 1;
  EXPECT_EQ(validate_new_group(g).error().code, Errc::bad_request);
  g.capacity = 301;
  EXPECT_EQ(validate_new_group(g).error().code, Errc::bad_request);
  g = group();
  g.kind = static_cast<GroupKind>(9);
  EXPECT_EQ(validate_new_group(g).error().code, Errc::bad_request);
  g = group();
  g.schedule.days = 0;
  EXPECT_EQ(validate_new_group(g).error().code, Errc::invalid_schedule);
  g = group();
  g.description = std::string(2001, 'x');
  EXPECT_EQ(validate_new_group(g).error().code, Errc::text_too_long);
}

TEST(StudyGroup, JoinWhileRecruitingAndNotFull) {
  auto g = group();
  EXPECT_TRUE(check_join(g, false));
  EXPECT_EQ(check_join(g, true).error().code, Errc::already_member);
  g.member_count = 3;
  EXPECT_EQ(check_join(g, false).error().code, Errc::group_full);
  g.member_count = 2;
  g.recruiting = false;
  EXPECT_EQ(check_join(g, false).error().code, Errc::recruiting_closed);
}

TEST(StudyGroup, LeadLeavesLast) {
  auto g = group();
  g.member_count = 2;
  EXPECT_TRUE(check_leave(g, 2, true));
  EXPECT_EQ(check_leave(g, 2, false).error().code, Errc::not_a_member);
  EXPECT_EQ(check_leave(g, 1, true).error().code, Errc::lead_cannot_leave);
  g.member_count = 1;
  EXPECT_TRUE(check_leave(g, 1, true));
}

TEST(StudyGroup, LeadActionsAreForTheLeadAndHosts) {
  const auto g = group();
  EXPECT_TRUE(check_lead_action(g, lead));
  EXPECT_TRUE(check_lead_action(g, host));
  EXPECT_EQ(check_lead_action(g, stranger).error().code, Errc::forbidden);
}

TEST(StudyGroup, RoomIsForMembersUnlessTheLeadOpensIt) {
  auto g = group();
  EXPECT_TRUE(check_enter(g, stranger, true));
  EXPECT_TRUE(check_enter(g, host, false));
  EXPECT_EQ(check_enter(g, stranger, false).error().code, Errc::forbidden);
  g.visitors_allowed = true;
  EXPECT_TRUE(check_enter(g, stranger, false));
  EXPECT_EQ(check_member_action(g, stranger, false).error().code, Errc::not_a_member);
  EXPECT_TRUE(check_member_action(g, host, false));
}

TEST(StudyGroup, SearchEveryWordInTopicDescriptionLeadOrKind) {
  const auto g = group();
  EXPECT_TRUE(matches(g, ""));
  EXPECT_TRUE(matches(g, "attention"));
  EXPECT_TRUE(matches(g, "ATTENTION 논문"));
  EXPECT_TRUE(matches(g, "민지"));
  EXPECT_TRUE(matches(g, "paper"));
  EXPECT_FALSE(matches(g, "attention 회사"));
  EXPECT_FALSE(matches(g, "graph"));
}

TEST(StudyGroup, RoomIds) {
  EXPECT_EQ(room_of(42), "study-42");
  EXPECT_EQ(group_of_room("study-42"), 42);
  EXPECT_FALSE(group_of_room("study-room"));
  EXPECT_FALSE(group_of_room("study-"));
  EXPECT_FALSE(group_of_room("study-0"));
  EXPECT_FALSE(group_of_room("study-4x"));
  EXPECT_FALSE(group_of_room("study-042"));  // a second name for group 42 would be a second room
  EXPECT_FALSE(group_of_room("study-+42"));
  EXPECT_FALSE(group_of_room("hall"));
}

TEST(StudyGroup, KindNames) {
  EXPECT_EQ(group_kind_from("company_analysis"), GroupKind::company_analysis);
  EXPECT_EQ(name_of(GroupKind::lecture_catch_up), "lecture_catch_up");
  EXPECT_FALSE(group_kind_from("party"));
}

}  // namespace
}  // namespace moim::programme
