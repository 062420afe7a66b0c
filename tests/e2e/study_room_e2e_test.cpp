// Study groups over the real protocol: create, browse, join, the group's own room with its
// access rule, the shared focus timer (pushed to the room, the same after a reconnect), access
// changes by the lead only, and attendance recorded from visits.
#include <set>

#include "programme/programme_store.hpp"
#include "programme_helpers.hpp"

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
  ASSERT_TRUE(
      server.server().store().create_invite("MEMBER-CODE", store::Role::attendee, 0, "members"));
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
  auto visits = server.server().store().programme().visits(group.id(), 0, now_ms() + 1);
  ASSERT_TRUE(visits);
  std::set<store::UserId> visitors;
  for (const auto& v : *visits) visitors.insert(v.user);
  EXPECT_EQ(visitors.size(), 3u);  // lead, member (twice), the visiting stranger
}

// A server whose programme limits are small enough to reach in a test, and whose per-connection
// request rate lets one client flood as fast as it can.
TestServer limited_server(int per_person, int total) {
  return TestServer([&](ServerConfig& c) {
    c.programme_limits.groups_per_person = per_person;
    c.programme_limits.groups_total = total;
    c.action_rate = {1000.0, 1000.0};
  });
}

v1::Envelope list_page(std::int64_t after_id, std::uint32_t limit) {
  return make([&](v1::Envelope& e) {
    e.mutable_list_study_groups()->set_after_id(after_id);
    e.mutable_list_study_groups()->set_limit(limit);
  });
}

v1::Envelope set_access(std::int64_t group, bool recruiting, bool visitors) {
  return make([&](v1::Envelope& e) {
    auto* m = e.mutable_set_study_group_access();
    m->set_group_id(group);
    m->set_recruiting(recruiting);
    m->set_visitors_allowed(visitors);
  });
}

// Waits for the notice and the lobby's RoomEntered that moving someone out sends.
void expect_moved_to_lobby(SyncClient& c) {
  auto notice = c.wait_for([](const v1::Envelope& e) { return e.has_notice(); });
  ASSERT_TRUE(notice) << "no notice";
  EXPECT_NE(notice->notice().text().find("lobby"), std::string::npos) << notice->notice().text();
  auto entered = c.wait_for([](const v1::Envelope& e) { return e.has_room_entered(); });
  ASSERT_TRUE(entered) << "not moved";
  EXPECT_EQ(entered->room_entered().room().room(), "lobby");
}

// Says something to the room and checks who hears it within a moment.
bool hears_room_chat(SyncClient& speaker, SyncClient& listener, const std::string& text) {
  auto sent = speaker.request(chat(v1::CHAT_SCOPE_ROOM, text));
  EXPECT_TRUE(sent && sent->has_ack()) << (sent ? sent->DebugString() : "timeout");
  return listener
      .wait_for([&](const v1::Envelope& e) { return e.has_chat() && e.chat().text() == text; },
                800ms)
      .has_value();
}

TEST(StudyRoomE2E, AFloodOfGroupsStopsAtTheLimitsAndEveryPageStaysSmall) {
  auto server = limited_server(3, 16);
  auto attacker = server.join("공격자");
  auto host = join_host(server, "호스트");
  std::string description;
  for (int i = 0; i < 2000; ++i) description += "가";  // 2,000 characters, 6,000 bytes
  auto big_group = [&](int i) {
    auto e = create_group("스터디 " + std::to_string(i), 10);
    e.mutable_create_study_group()->set_description(description);
    return e;
  };
  std::set<std::int64_t> created;
  int refused = 0;
  for (int i = 0; i < 10; ++i) {
    auto reply = attacker->request(big_group(i));
    ASSERT_TRUE(reply) << "timeout";
    if (reply->has_study_group()) {
      created.insert(reply->study_group().id());
    } else {
      ASSERT_TRUE(reply->has_error());
      EXPECT_EQ(reply->error().code(), v1::ERROR_CODE_LIMIT_REACHED) << reply->error().message();
      ++refused;
    }
  }
  EXPECT_EQ(created.size(), 3u);
  EXPECT_EQ(refused, 7);
  // Hosts have no per-person limit, but the total holds for everyone.
  for (int i = 0; i < 13; ++i) {
    auto reply = host->request(big_group(100 + i));
    ASSERT_TRUE(reply && reply->has_study_group()) << (reply ? reply->DebugString() : "timeout");
    created.insert(reply->study_group().id());
  }
  expect_error(host->request(big_group(999)), v1::ERROR_CODE_LIMIT_REACHED);
  ASSERT_EQ(created.size(), 16u);

  // A fresh client opening the panel gets a page of about 64 KiB, not every group.
  auto fresh = server.join("새로 온 사람");
  auto first = fresh->request(list_page(0, 0));
  ASSERT_TRUE(first && first->has_study_group_list());
  EXPECT_LE(first->ByteSizeLong(), 66u * 1024);
  EXPECT_LT(first->study_group_list().groups_size(), 16);
  EXPECT_NE(first->study_group_list().next_after_id(), 0);

  // Walking the pages sees every group exactly once, whatever the page size.
  for (std::uint32_t limit : {0u, 5u, 1u}) {
    std::vector<std::int64_t> seen;
    std::int64_t after = 0;
    for (int pages = 0; pages < 40; ++pages) {
      auto page = fresh->request(list_page(after, limit));
      ASSERT_TRUE(page && page->has_study_group_list()) << page->DebugString();
      EXPECT_LE(page->ByteSizeLong(), 66u * 1024);
      if (limit != 0) EXPECT_LE(page->study_group_list().groups_size(), static_cast<int>(limit));
      for (const auto& g : page->study_group_list().groups()) seen.push_back(g.id());
      after = page->study_group_list().next_after_id();
      if (after == 0) break;
    }
    EXPECT_EQ(after, 0) << "pages never ended";
    EXPECT_EQ(seen.size(), created.size()) << "limit " << limit;
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), created);
  }
}

TEST(StudyRoomE2E, CreateLeavesTheDefaultsToTheServer) {
  TestServer server;
  auto lead = server.join("리더");
  auto bare = lead->request(
      make([](v1::Envelope& e) { e.mutable_create_study_group()->set_topic("기업 분석"); }));
  ASSERT_TRUE(bare && bare->has_study_group()) << bare->DebugString();
  EXPECT_EQ(bare->study_group().kind(), v1::STUDY_GROUP_KIND_OTHER);
  EXPECT_EQ(bare->study_group().capacity(), 10u);
  EXPECT_EQ(bare->study_group().schedule().description(), "every day 21:00–24:00 KST");
  auto days_only = lead->request(make([](v1::Envelope& e) {
    e.mutable_create_study_group()->set_topic("강의 따라잡기");
    e.mutable_create_study_group()->mutable_schedule()->set_days("mon,wed");
  }));
  ASSERT_TRUE(days_only && days_only->has_study_group()) << days_only->DebugString();
  EXPECT_EQ(days_only->study_group().schedule().times(), "21:00-24:00");
  // What is given is still checked.
  auto one = create_group("x", 1);
  expect_error(lead->request(one), v1::ERROR_CODE_BAD_REQUEST);
  auto kind = create_group("x", 5);
  kind.mutable_create_study_group()->set_kind(static_cast<v1::StudyGroupKind>(9));
  expect_error(lead->request(kind), v1::ERROR_CODE_BAD_REQUEST);
}

TEST(StudyRoomE2E, ClosingLeavingAndRemovingMoveThoseWhoMayNotStayToTheLobby) {
  TestServer server;
  auto lead = server.join("리더");
  auto visitor = server.join("방문자");
  auto member = server.join("멤버");
  auto host = join_host(server, "호스트");
  auto open = create_group("열린 스터디", 5);
  open.mutable_create_study_group()->set_visitors_allowed(true);
  auto created = lead->request(open);
  ASSERT_TRUE(created && created->has_study_group());
  const auto group = created->study_group().id();
  const auto room = created->study_group().room();
  ASSERT_TRUE(member
                  ->request(make(
                      [&](v1::Envelope& e) { e.mutable_join_study_group()->set_group_id(group); }))
                  ->has_study_group());
  for (auto* c : {lead.get(), visitor.get(), member.get(), host.get()}) {
    auto entered = c->request(enter(room));
    ASSERT_TRUE(entered && entered->has_room_entered()) << entered->DebugString();
  }
  ASSERT_TRUE(hears_room_chat(*lead, *visitor, "어서 오세요"));

  // The lead closes the room to visitors: the visitor goes, members and hosts stay.
  auto closed = lead->request(set_access(group, true, false));
  ASSERT_TRUE(closed && closed->has_study_group());
  expect_moved_to_lobby(*visitor);
  EXPECT_FALSE(hears_room_chat(*lead, *visitor, "이제 멤버만"));
  EXPECT_TRUE(hears_room_chat(*lead, *member, "멤버는 남아요"));
  EXPECT_TRUE(hears_room_chat(*lead, *host, "호스트도 남아요"));
  auto online = visitor->request(make([](v1::Envelope& e) { e.mutable_list_online(); }));
  ASSERT_TRUE(online && online->has_online_list());
  for (const auto& entry : online->online_list().entries()) {
    if (entry.display_name() == "방문자") EXPECT_EQ(entry.room(), "lobby");
  }
  expect_error(visitor->request(enter(room)), v1::ERROR_CODE_FORBIDDEN);

  // A member who leaves the group leaves its room.
  auto left = member->request(
      make([&](v1::Envelope& e) { e.mutable_leave_study_group()->set_group_id(group); }));
  ASSERT_TRUE(left && left->has_study_group());
  expect_moved_to_lobby(*member);

  // Removing is for hosts; then nobody stays, hosts included.
  auto remove = make([&](v1::Envelope& e) { e.mutable_remove_study_group()->set_group_id(group); });
  expect_error(lead->request(remove), v1::ERROR_CODE_FORBIDDEN);
  auto removed = host->request(remove);
  ASSERT_TRUE(removed && removed->has_ack()) << removed->DebugString();
  expect_moved_to_lobby(*lead);
  expect_moved_to_lobby(*host);
  expect_error(host->request(remove), v1::ERROR_CODE_NO_SUCH_GROUP);
  auto list = visitor->request(list_page(0, 0));
  ASSERT_TRUE(list && list->has_study_group_list());
  EXPECT_EQ(list->study_group_list().groups_size(), 0);
}

TEST(StudyRoomE2E, ALeadLeavingAloneEndsTheGroupAndEmptiesItsRoom) {
  TestServer server;
  auto lead = server.join("리더");
  auto visitor = server.join("방문자");
  auto open = create_group("혼자 스터디", 5);
  open.mutable_create_study_group()->set_visitors_allowed(true);
  auto created = lead->request(open);
  ASSERT_TRUE(created && created->has_study_group());
  const auto& g = created->study_group();
  ASSERT_TRUE(lead->request(enter(g.room()))->has_room_entered());
  ASSERT_TRUE(visitor->request(enter(g.room()))->has_room_entered());
  auto left = lead->request(
      make([&](v1::Envelope& e) { e.mutable_leave_study_group()->set_group_id(g.id()); }));
  ASSERT_TRUE(left && left->has_ack()) << left->DebugString();
  expect_moved_to_lobby(*lead);
  expect_moved_to_lobby(*visitor);
}

// Someone whose connection dropped in a study room that closed to them meanwhile comes back in
// the lobby, and the avatar held for them in the study room goes.
TEST(StudyRoomE2E, AVisitorResumingIntoARoomClosedMeanwhileComesBackInTheLobby) {
  TestServer server;
  auto lead = server.join("리더");
  v1::Joined first;
  auto visitor = server.join("방문자", "", &first);
  auto open = create_group("닫힐 스터디", 5);
  open.mutable_create_study_group()->set_visitors_allowed(true);
  auto created = lead->request(open);
  ASSERT_TRUE(created && created->has_study_group());
  const auto group = created->study_group().id();
  const auto room = created->study_group().room();
  ASSERT_TRUE(lead->request(enter(room))->has_room_entered());
  ASSERT_TRUE(visitor->request(enter(room))->has_room_entered());

  visitor.reset();  // the connection drops; the room holds the visitor's place
  auto closed = lead->request(set_access(group, true, false));
  ASSERT_TRUE(closed && closed->has_study_group());

  auto back = server.connect();
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  ASSERT_TRUE(back->request(hello));
  v1::Envelope resume;
  resume.mutable_resume()->set_resume_token(first.resume_token());
  auto resumed = back->request(resume);
  ASSERT_TRUE(resumed && resumed->has_joined()) << (resumed ? resumed->DebugString() : "timeout");
  EXPECT_EQ(resumed->joined().room().room(), "lobby");
  EXPECT_EQ(resumed->joined().user_id(), first.user_id());
  auto gone = lead->wait_for([&](const v1::Envelope& e) {
    if (!e.has_frame()) return false;
    for (auto id : e.frame().removed()) {
      if (id == first.user_id()) return true;
    }
    return false;
  });
  EXPECT_TRUE(gone) << "the held avatar stayed in the study room";
  EXPECT_FALSE(hears_room_chat(*lead, *back, "멤버만 들려요"));
}

TEST(StudyRoomE2E, LocateRespectsClosedRoomsAndDoNotDisturb) {
  TestServer server;
  v1::Joined jl, jq;
  auto lead = server.join("리더", "", &jl);
  auto quiet = server.join("조용히", "", &jq);
  auto stranger = server.join("낯선 사람");
  auto member = server.join("멤버");
  auto host = join_host(server, "호스트");
  auto created = lead->request(create_group("닫힌 스터디", 5));
  ASSERT_TRUE(created && created->has_study_group());
  const auto& g = created->study_group();
  ASSERT_TRUE(member
                  ->request(make(
                      [&](v1::Envelope& e) { e.mutable_join_study_group()->set_group_id(g.id()); }))
                  ->has_study_group());
  ASSERT_TRUE(lead->request(enter(g.room()))->has_room_entered());
  auto locate = [](std::uint64_t who) {
    return make([&](v1::Envelope& e) { e.mutable_locate()->set_user_id(who); });
  };

  // In a room the asker may not enter: refused, naming the room but not the tile.
  auto refused = stranger->request(locate(jl.user_id()));
  expect_error(refused, v1::ERROR_CODE_FORBIDDEN);
  EXPECT_NE(refused->error().message().find(g.room()), std::string::npos);
  for (auto* allowed : {member.get(), host.get()}) {
    auto found = allowed->request(locate(jl.user_id()));
    ASSERT_TRUE(found && found->has_location()) << found->DebugString();
    EXPECT_EQ(found->location().room(), g.room());
  }
  // Open to visitors: anyone may find the lead there.
  ASSERT_TRUE(lead->request(set_access(g.id(), true, true))->has_study_group());
  EXPECT_TRUE(stranger->request(locate(jl.user_id()))->has_location());

  // Do-not-disturb: refused like a direct message, except to hosts.
  EXPECT_TRUE(stranger->request(locate(jq.user_id()))->has_location());
  auto dnd =
      make([](v1::Envelope& e) { e.mutable_set_status()->set_status(v1::STATUS_DO_NOT_DISTURB); });
  ASSERT_TRUE(quiet->request(dnd)->has_ack());
  expect_error(stranger->request(locate(jq.user_id())), v1::ERROR_CODE_RECIPIENT_UNAVAILABLE);
  auto by_host = host->request(locate(jq.user_id()));
  ASSERT_TRUE(by_host && by_host->has_location());
  EXPECT_EQ(by_host->location().room(), "lobby");
  // Oneself, always.
  EXPECT_TRUE(quiet->request(locate(jq.user_id()))->has_location());
}

}  // namespace
}  // namespace moim::e2e
