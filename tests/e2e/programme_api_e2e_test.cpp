// The issue-4 scenario end to end: a host schedules a talk over the host API, attendees RSVP,
// ask and vote over the protocol, the host gives the stage to the speaker whose chat reaches
// someone on the far side of the hall; after a restart on the same SQLite file everything is
// still there. Also: every programme route refuses missing (401) and attendee (403) tokens, and
// the live server's iCalendar feed parses in python3-icalendar.
#include <cstdlib>
#include <fstream>

#include "http_client.hpp"
#include "programme_helpers.hpp"

namespace moim::e2e {
namespace {

using world::TilePos;

TEST(ProgrammeApiE2E, ScheduleRsvpAskVoteStageAndRestart) {
  TestServer server;
  const auto& hall = shipped_map("hall");
  const auto token = server.host_token();
  const auto start = now_ms() - 60'000;  // already on, so hands and the stage make sense

  auto created = http_request(server.port(), "POST", "/api/talks",
                              nlohmann::json{{"kind", "tech_talk"},
                                             {"title", "대규모 트래픽 처리"},
                                             {"speaker", "박서준"},
                                             {"company", "Kakao"},
                                             {"start", start},
                                             {"end", start + 3'600'000},
                                             {"room", "hall"},
                                             {"capacity", 100}}
                                  .dump(),
                              token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t talk = created.json()["id"];
  EXPECT_EQ(created.json()["start_local"].get<std::string>().substr(16), " KST");

  auto host = join_host(server, "호스트", "hall");
  v1::Joined js, jl;
  auto speaker = server.join("연사", "hall", &js);
  auto listener = server.join("청중", "hall", &jl);

  // RSVP, ask, vote.
  for (auto* c : {speaker.get(), listener.get()}) {
    auto r = c->request(make([&](v1::Envelope& e) {
      e.mutable_rsvp()->set_talk_id(talk);
      e.mutable_rsvp()->set_going(true);
    }));
    ASSERT_TRUE(r && r->has_talk()) << (r ? r->DebugString() : "timeout");
  }
  auto asked = listener->request(make([&](v1::Envelope& e) {
    e.mutable_ask_question()->set_talk_id(talk);
    e.mutable_ask_question()->set_text("캐시 무효화는 어떻게 하나요?");
  }));
  ASSERT_TRUE(asked && asked->has_question());
  auto vote = make(
      [&](v1::Envelope& e) { e.mutable_vote_question()->set_question_id(asked->question().id()); });
  ASSERT_TRUE(speaker->request(vote)->has_question());
  ASSERT_TRUE(host->request(vote)->has_question());
  expect_error(host->request(vote), v1::ERROR_CODE_ALREADY_VOTED);

  // The stage: the listener stands far from it; the speaker's nearby chat reaches them.
  const auto* stage = hall.find_zone(world::ZoneKind::stage, "stage");
  ASSERT_NE(stage, nullptr);
  const TilePos far =
      far_tile(hall, {stage->area.x + stage->area.w / 2, stage->area.y + stage->area.h / 2}, 20);
  walk(*listener, hall, position(jl), far);
  auto given = host->request(make([&](v1::Envelope& e) {
    e.mutable_give_stage()->set_talk_id(talk);
    e.mutable_give_stage()->set_user_id(js.user_id());
  }));
  ASSERT_TRUE(given && given->has_ack()) << given->DebugString();
  ASSERT_TRUE(speaker->wait_for([](const v1::Envelope& e) { return e.has_put_on_stage(); }));
  ASSERT_TRUE(speaker->request(chat(v1::CHAT_SCOPE_NEARBY, "뒤쪽까지 들리세요?"))->has_ack());
  auto heard = listener->wait_for(chat_with("뒤쪽까지 들리세요?"));
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->chat().scope(), v1::CHAT_SCOPE_STAGE);

  // The host sees the questions ranked over the API, posts notes.
  auto ranked = http_request(server.port(), "GET",
                             "/api/talks/" + std::to_string(talk) + "/questions", "", token);
  ASSERT_EQ(ranked.status, 200) << ranked.body;
  EXPECT_EQ(ranked.json()["questions"][0]["votes"], 2);
  auto notes = http_request(server.port(), "PUT", "/api/talks/" + std::to_string(talk) + "/notes",
                            R"({"notes":"slides: https://example.com/traffic.pdf"})", token);
  ASSERT_EQ(notes.status, 200) << notes.body;

  // Restart on the same SQLite file: the talk, RSVPs, the question and its votes, the notes.
  speaker.reset();
  listener.reset();
  host.reset();
  server.restart();
  auto after = http_request(server.port(), "GET", "/api/talks/" + std::to_string(talk), "", token);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json()["title"], "대규모 트래픽 처리");
  EXPECT_EQ(after.json()["rsvp_count"], 2);
  EXPECT_EQ(after.json()["notes"], "slides: https://example.com/traffic.pdf");
  auto back = server.join("청중", "hall");
  auto list =
      back->request(make([&](v1::Envelope& e) { e.mutable_list_questions()->set_talk_id(talk); }));
  ASSERT_TRUE(list && list->has_question_list());
  ASSERT_EQ(list->question_list().questions_size(), 1);
  EXPECT_EQ(list->question_list().questions(0).votes(), 2u);
  EXPECT_EQ(list->question_list().questions(0).text(), "캐시 무효화는 어떻게 하나요?");
}

TEST(ProgrammeApiE2E, EveryRouteRefusesMissingAndAttendeeTokens) {
  TestServer server;
  const auto attendee = server.host_token(store::Role::attendee);
  const std::vector<std::pair<std::string, std::string>> routes{
      {"GET", "/api/talks"},
      {"POST", "/api/talks"},
      {"GET", "/api/talks/1"},
      {"PUT", "/api/talks/1"},
      {"DELETE", "/api/talks/1"},
      {"GET", "/api/talks/1/questions"},
      {"GET", "/api/talks/1/notes"},
      {"PUT", "/api/talks/1/notes"},
      {"POST", "/api/talks/1/notes"},
      {"DELETE", "/api/talks/1/questions/1"},
      {"GET", "/api/study-groups"},
      {"DELETE", "/api/study-groups/1"},
      {"GET", "/api/study-groups/1/attendance.csv"}};
  for (const auto& [method, path] : routes) {
    EXPECT_EQ(http_request(server.port(), method, path, "{}").status, 401) << method << path;
    EXPECT_EQ(http_request(server.port(), method, path, "{}", attendee).status, 403)
        << method << path;
  }
  // Nothing was created by the refused requests.
  auto list = http_request(server.port(), "GET", "/api/talks", "", server.host_token());
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.json()["talks"].empty());
}

TEST(ProgrammeApiE2E, HostsRemoveStudyGroupsAndQuestions) {
  TestServer server;
  const auto token = server.host_token();
  auto lead = server.join("리더");
  auto member = server.join("멤버");
  auto created = lead->request(
      make([](v1::Envelope& e) { e.mutable_create_study_group()->set_topic("지울 스터디"); }));
  ASSERT_TRUE(created && created->has_study_group()) << created->DebugString();
  const auto group = created->study_group().id();
  const auto room = created->study_group().room();
  ASSERT_TRUE(member
                  ->request(make(
                      [&](v1::Envelope& e) { e.mutable_join_study_group()->set_group_id(group); }))
                  ->has_study_group());
  ASSERT_TRUE(
      member->request(make([&](v1::Envelope& e) { e.mutable_enter_room()->set_room(room); }))
          ->has_room_entered());

  const auto path = "/api/study-groups/" + std::to_string(group);
  auto removed = http_request(server.port(), "DELETE", path, "", token);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["deleted"], group);
  // Whoever was in its room is back in the lobby, told why.
  auto notice = member->wait_for([](const v1::Envelope& e) { return e.has_notice(); });
  ASSERT_TRUE(notice);
  EXPECT_NE(notice->notice().text().find("지울 스터디"), std::string::npos);
  auto entered = member->wait_for([](const v1::Envelope& e) { return e.has_room_entered(); });
  ASSERT_TRUE(entered);
  EXPECT_EQ(entered->room_entered().room().room(), "lobby");
  auto again = http_request(server.port(), "DELETE", path, "", token);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.json()["error"]["code"], "no_such_group");
  EXPECT_TRUE(http_request(server.port(), "GET", "/api/study-groups", "", token)
                  .json()["study_groups"]
                  .empty());

  const auto now = now_ms();
  auto talk = http_request(server.port(), "POST", "/api/talks",
                           nlohmann::json{{"kind", "tech_talk"},
                                          {"title", "Q&A"},
                                          {"room", "hall"},
                                          {"start", now},
                                          {"end", now + 3'600'000}}
                               .dump(),
                           token);
  ASSERT_EQ(talk.status, 201) << talk.body;
  const std::int64_t talk_id = talk.json()["id"];
  auto asked = member->request(make([&](v1::Envelope& e) {
    e.mutable_ask_question()->set_talk_id(talk_id);
    e.mutable_ask_question()->set_text("지워질 질문");
  }));
  ASSERT_TRUE(asked && asked->has_question());
  const auto question = std::to_string(asked->question().id());
  EXPECT_EQ(http_request(server.port(), "DELETE",
                         "/api/talks/" + std::to_string(talk_id + 1) + "/questions/" + question, "",
                         token)
                .status,
            404);
  const auto qpath = "/api/talks/" + std::to_string(talk_id) + "/questions/" + question;
  ASSERT_EQ(http_request(server.port(), "DELETE", qpath, "", token).status, 200);
  EXPECT_EQ(http_request(server.port(), "DELETE", qpath, "", token).status, 404);
  auto list = http_request(server.port(), "GET",
                           "/api/talks/" + std::to_string(talk_id) + "/questions", "", token);
  EXPECT_TRUE(list.json()["questions"].empty());
}

TEST(ProgrammeApiE2E, BadInputIsRefusedClearly) {
  TestServer server;
  const auto token = server.host_token();
  auto post = [&](const std::string& body) {
    return http_request(server.port(), "POST", "/api/talks", body, token);
  };
  EXPECT_EQ(post("{not json").status, 400);
  EXPECT_EQ(post(R"({"kind":"party","title":"x","start":1,"end":2})").status, 400);
  EXPECT_EQ(post(R"({"title":"x","start":"tomorrow","end":2})").status, 400);
  auto backwards = post(R"({"title":"x","start":"2026-11-23T19:00","end":"2026-11-23T18:00"})");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(backwards.json()["error"]["code"], "invalid_schedule");
  EXPECT_EQ(post(R"({"title":"x","start":"2026-11-23T19:00","end":"2026-11-23T20:00",
                     "room":"moon"})")
                .status,
            404);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/talks/999", "", token).status, 404);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/talks/abc", "", token).status, 400);
  // A local time in the server's zone (Asia/Seoul) is stored as UTC.
  auto ok = post(R"({"title":"저녁 세션","start":"2026-11-23T19:00","end":"2026-11-23T20:30",
                     "kind":"office_hours","capacity":3})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["start"], "2026-11-23T10:00:00Z");
  EXPECT_EQ(ok.json()["start_local"], "2026-11-23 19:00 KST");
}

TEST(ProgrammeApiE2E, CalendarFeedParsesInPythonIcalendar) {
  TestServer server;
  const auto token = server.host_token();
  const auto start = now_ms() + 86'400'000;
  for (int i = 0; i < 3; ++i) {
    auto r = http_request(server.port(), "POST", "/api/talks",
                          nlohmann::json{{"title", "세션, 번호; " + std::to_string(i)},
                                         {"speaker", "김민지"},
                                         {"start", start + i * 86'400'000},
                                         {"end", start + i * 86'400'000 + 3'600'000}}
                              .dump(),
                          token);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // Open: calendar apps subscribe without an Authorization header.
  auto feed = http_request(server.port(), "GET", "/api/talks.ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.content_type, "text/calendar; charset=utf-8");
  const auto file =
      std::filesystem::temp_directory_path() / ("moim-feed-" + std::to_string(now_ms()) + ".ics");
  std::ofstream(file, std::ios::binary) << feed.body;
  const std::string check =
      "/usr/bin/python3 -c \"import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],"
      "'rb').read()); e=[x for x in c.walk() if x.name=='VEVENT']; assert len(e)==3, len(e); "
      "assert str(e[0]['SUMMARY']).startswith('세션, 번호; 0'), e[0]['SUMMARY']\" " +
      file.string();
  EXPECT_EQ(std::system(check.c_str()), 0) << feed.body;
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace moim::e2e
