// Study groups over the real protocol: create, browse, join, the group's own room with its
// access rule, the shared focus timer (pushed to the room, the same after a reconnect), access
// changes by the lead only, and attendance recorded from visits.
#include <set>

#include "programme_helpers.hpp"
#include "store/programme_store.hpp"

namespace moim::e2e {
namespace {

v1::Envelope create_group(const std::string& topic, std::uint32_t capacity) {
  return make([&](v1::Envelope& e) {
    auto* m = e.mutable_create_study_group();
    m->set_topic(topic);
    m->set_kind(v1::STUDY_GROUP_KIND_PAPER_READING);
    m->set_description("매일 밤 논문 한 편");
    m->mutable_schedule()->set_days("daily");
    m->mutable_schedule()->set_times("21:00-24:00");
    m->set_capacity(capacity);
  });
}

v1::Envelope enter(const std::string& room) {
  return make([&](v1::Envelope& e) { e.mutable_enter_room()->set_room(room); });
}

TEST(StudyRoomE2E, GroupRoomTimerAccessAndAttendance) {
  TestServer server;
  auto lead = server.join("리더");
  // The member comes with an invite code, so reconnecting later is the same person.
  ASSERT_TRUE(server.server().hub().store().create_invite("MEMBER-CODE", store::Role::attendee, 0,
                                                          "members"));
  auto member = server.connect();
  ASSERT_TRUE(member->hello_and_join("멤버", "MEMBER-CODE", "")->has_joined());
  auto stranger = server.join("손님");

  auto created = lead->request(create_group("논문 읽기: Attention", 3));
  ASSERT_TRUE(created && created->has_study_group()) << created->DebugString();
  const auto group = created->study_group();
  EXPECT_EQ(group.schedule().description(), "every day 21:00–24:00 KST");
  EXPECT_TRUE(group.is_member());
  EXPECT_GT(group.schedule().next_start_ms(), now_ms());
  const std::string room = group.room();
  EXPECT_EQ(room, "study-" + std::to_string(group.id()));

  // Bad input changes nothing.
  expect_error(lead->request(create_group("", 3)), v1::ERROR_CODE_INVALID_TEXT);
  auto bad_schedule = create_group("x", 3);
  bad_schedule.mutable_create_study_group()->mutable_schedule()->set_times("25:00-26:00");
  expect_error(lead->request(bad_schedule), v1::ERROR_CODE_INVALID_SCHEDULE);

  // Browse and search.
  auto search = [&](const std::string& q) {
    auto r = stranger->request(
        make([&](v1::Envelope& e) { e.mutable_list_study_groups()->set_query(q); }));
    EXPECT_TRUE(r && r->has_study_group_list());
    return r->study_group_list().groups_size();
  };
  EXPECT_EQ(search("attention 논문"), 1);
  EXPECT_EQ(search("graph"), 0);

  auto joined = member->request(
      make([&](v1::Envelope& e) { e.mutable_join_study_group()->set_group_id(group.id()); }));
  ASSERT_TRUE(joined && joined->has_study_group());
  EXPECT_EQ(joined->study_group().member_count(), 2u);

  // The room is for members: not by EnterRoom, not by joining it directly.
  expect_error(stranger->request(enter(room)), v1::ERROR_CODE_FORBIDDEN);
  auto sneaky = server.connect();
  expect_error(sneaky->hello_and_join("몰래", "", room), v1::ERROR_CODE_FORBIDDEN);

  auto entered = member->request(enter(room));
  ASSERT_TRUE(entered && entered->has_room_entered()) << entered->DebugString();
  EXPECT_EQ(entered->room_entered().room().room(), room);
  EXPECT_EQ(entered->room_entered().room().map(), "study-room");
  ASSERT_TRUE(lead->request(enter(room))->has_room_entered());

  // The focus timer: started by a member, pushed to the room, refused to strangers.
  auto started = lead->request(
      make([&](v1::Envelope& e) { e.mutable_start_focus_timer()->set_group_id(group.id()); }));
  ASSERT_TRUE(started && started->has_focus_timer()) << started->DebugString();
  const auto timer = started->focus_timer();
  EXPECT_EQ(timer.phase(), v1::FOCUS_PHASE_FOCUS);
  EXPECT_EQ(timer.focus_minutes(), 50u);
  EXPECT_EQ(timer.break_minutes(), 10u);
  EXPECT_EQ(timer.phase_ends_at_ms(), timer.started_at_ms() + 50 * 60'000);
  auto pushed = member->wait_for([](const v1::Envelope& e) { return e.has_focus_timer(); });
  ASSERT_TRUE(pushed);
  EXPECT_EQ(pushed->focus_timer().started_at_ms(), timer.started_at_ms());
  expect_error(stranger->request(make([&](v1::Envelope& e) {
    e.mutable_start_focus_timer()->set_group_id(group.id());
  })),
               v1::ERROR_CODE_NOT_A_MEMBER);

  // A reconnect (a new connection straight into the room) finds the same timer.
  member->close();
  auto again = server.connect();
  again->set_device_key(member->device_key());  // a shared code: the same device is the member
  auto back = again->hello_and_join("멤버", "MEMBER-CODE", room);
  ASSERT_TRUE(back && back->has_joined()) << (back ? back->DebugString() : "timeout");
  EXPECT_EQ(back->joined().room().room(), room);
  auto state = again->request(
      make([&](v1::Envelope& e) { e.mutable_get_focus_timer()->set_group_id(group.id()); }));
  ASSERT_TRUE(state && state->has_focus_timer());
  EXPECT_EQ(state->focus_timer().started_at_ms(), timer.started_at_ms());

  // Only the lead (or a host) changes access.
  auto access = [&](bool recruiting, bool visitors) {
    return make([&](v1::Envelope& e) {
      auto* m = e.mutable_set_study_group_access();
      m->set_group_id(group.id());
      m->set_recruiting(recruiting);
      m->set_visitors_allowed(visitors);
    });
  };
  expect_error(stranger->request(access(true, true)), v1::ERROR_CODE_FORBIDDEN);
  auto closed = lead->request(access(false, true));
  ASSERT_TRUE(closed && closed->has_study_group());
  EXPECT_FALSE(closed->study_group().recruiting());
  expect_error(stranger->request(make([&](v1::Envelope& e) {
    e.mutable_join_study_group()->set_group_id(group.id());
  })),
               v1::ERROR_CODE_RECRUITING_CLOSED);
  // Visitors allowed now.
  ASSERT_TRUE(stranger->request(enter(room))->has_room_entered());

  // Attendance: the lead and the member were recorded in the room.
  auto visits = server.server().hub().store().programme().visits(group.id(), 0, now_ms() + 1);
  ASSERT_TRUE(visits);
  std::set<store::UserId> visitors;
  for (const auto& v : *visits) visitors.insert(v.user);
  EXPECT_EQ(visitors.size(), 3u);  // lead, member (twice), the visiting stranger
}

}  // namespace
}  // namespace moim::e2e
