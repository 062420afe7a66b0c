// The tech-talk hall over the real protocol: host-only actions refused to attendees, RSVP,
// questions with one vote per person, the stage given to a speaker whose chat then reaches the
// far side of the hall, the raise-hand queue, seats with a waitlist, and the start reminder.
#include <set>

#include "programme_helpers.hpp"

namespace moim::e2e {
namespace {

using world::TilePos;
constexpr std::int64_t kHour = 3'600'000;

v1::Envelope by_talk(std::int64_t id, void (*set)(v1::Envelope&, std::int64_t)) {
  v1::Envelope e;
  set(e, id);
  return e;
}

TEST(HallE2E, RolesQuestionsStageAndHands) {
  TestServer server;
  const auto& hall = shipped_map("hall");
  auto host = join_host(server, "호스트", "hall");
  v1::Joined js, jl;
  auto speaker = server.join("연사", "hall", &js);
  auto listener = server.join("청중", "hall", &jl);
  const auto speaker_id = js.user_id();

  // Host actions are the host's.
  const auto now = now_ms();
  auto talk_req =
      schedule_talk(v1::TALK_KIND_TECH_TALK, "대규모 트래픽", now - 60'000, now + kHour);
  expect_error(listener->request(talk_req), v1::ERROR_CODE_FORBIDDEN);
  auto scheduled = host->request(talk_req);
  ASSERT_TRUE(scheduled && scheduled->has_talk()) << scheduled->DebugString();
  const auto talk = scheduled->talk().id();
  auto bad = schedule_talk(v1::TALK_KIND_TECH_TALK, "x", now, now - 1);
  expect_error(host->request(bad), v1::ERROR_CODE_INVALID_SCHEDULE);
  expect_error(host->request(schedule_talk(v1::TALK_KIND_TECH_TALK, "x", now, now + 1, 0, "moon")),
               v1::ERROR_CODE_NO_SUCH_ROOM);

  // The programme, RSVP.
  auto list = listener->request(make([](v1::Envelope& e) { e.mutable_list_talks(); }));
  ASSERT_TRUE(list && list->has_talk_list());
  ASSERT_EQ(list->talk_list().talks_size(), 1);
  EXPECT_EQ(list->talk_list().talks(0).title(), "대규모 트래픽");
  auto rsvp = listener->request(make([&](v1::Envelope& e) {
    e.mutable_rsvp()->set_talk_id(talk);
    e.mutable_rsvp()->set_going(true);
  }));
  ASSERT_TRUE(rsvp && rsvp->has_talk());
  EXPECT_TRUE(rsvp->talk().rsvped());
  EXPECT_EQ(rsvp->talk().rsvp_count(), 1u);

  // Questions: one vote per person; only hosts mark them answered.
  auto asked = listener->request(make([&](v1::Envelope& e) {
    e.mutable_ask_question()->set_talk_id(talk);
    e.mutable_ask_question()->set_text("샤딩은 언제 하나요?");
  }));
  ASSERT_TRUE(asked && asked->has_question());
  const auto question = asked->question().id();
  auto vote = make([&](v1::Envelope& e) { e.mutable_vote_question()->set_question_id(question); });
  EXPECT_EQ(speaker->request(vote)->question().votes(), 1u);
  expect_error(speaker->request(vote), v1::ERROR_CODE_ALREADY_VOTED);
  EXPECT_EQ(listener->request(vote)->question().votes(), 2u);
  auto answered = make([&](v1::Envelope& e) {
    e.mutable_mark_answered()->set_question_id(question);
    e.mutable_mark_answered()->set_answered(true);
  });
  expect_error(listener->request(answered), v1::ERROR_CODE_FORBIDDEN);
  EXPECT_TRUE(host->request(answered)->question().answered());
  auto ranked = host->request(by_talk(
      talk, [](v1::Envelope& e, std::int64_t id) { e.mutable_list_questions()->set_talk_id(id); }));
  ASSERT_TRUE(ranked && ranked->has_question_list());
  ASSERT_EQ(ranked->question_list().questions_size(), 1);
  EXPECT_EQ(ranked->question_list().questions(0).votes(), 2u);

  // The listener goes to the far side of the hall, well out of nearby range of the stage.
  const auto* stage = hall.find_zone(world::ZoneKind::stage, "stage");
  ASSERT_NE(stage, nullptr);
  const TilePos stage_centre{stage->area.x + stage->area.w / 2, stage->area.y + stage->area.h / 2};
  const TilePos far = far_tile(hall, stage_centre, 20);
  walk(*listener, hall, position(jl), far);

  // Giving the stage is the host's; then the speaker's nearby chat reaches the whole hall.
  auto give = make([&](v1::Envelope& e) {
    e.mutable_give_stage()->set_talk_id(talk);
    e.mutable_give_stage()->set_user_id(speaker_id);
  });
  expect_error(listener->request(give), v1::ERROR_CODE_FORBIDDEN);
  auto given = host->request(give);
  ASSERT_TRUE(given && given->has_ack()) << given->DebugString();
  // The speaker is told where they stand now by a message of its own, not a refused move.
  auto moved = speaker->wait_for([](const v1::Envelope& e) { return e.has_put_on_stage(); });
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->put_on_stage().talk_id(), talk);
  const TilePos on_stage{moved->put_on_stage().x(), moved->put_on_stage().y()};
  EXPECT_TRUE(stage->area.contains(on_stage));
  EXPECT_FALSE(world::within_radius(on_stage, far, 5));
  auto announced = listener->wait_for([](const v1::Envelope& e) { return e.has_stage_given(); });
  ASSERT_TRUE(announced);
  EXPECT_EQ(announced->stage_given().display_name(), "연사");
  ASSERT_TRUE(speaker->request(chat(v1::CHAT_SCOPE_NEARBY, "모두 들리시나요?"))->has_ack());
  auto heard = listener->wait_for(chat_with("모두 들리시나요?"));
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->chat().scope(), v1::CHAT_SCOPE_STAGE);

  // Raise a hand; the host gives the floor to the first hand, which puts them on the stage.
  auto raise = make([&](v1::Envelope& e) {
    e.mutable_raise_hand()->set_talk_id(talk);
    e.mutable_raise_hand()->set_raised(true);
  });
  ASSERT_TRUE(listener->request(raise)->has_ack());
  auto queue = host->wait_for(
      [](const v1::Envelope& e) { return e.has_hand_queue() && e.hand_queue().hands_size() == 1; });
  ASSERT_TRUE(queue);
  EXPECT_EQ(queue->hand_queue().hands(0).display_name(), "청중");
  auto next = by_talk(
      talk, [](v1::Envelope& e, std::int64_t id) { e.mutable_next_hand()->set_talk_id(id); });
  expect_error(listener->request(next), v1::ERROR_CODE_FORBIDDEN);
  ASSERT_TRUE(host->request(next)->has_ack());
  auto floor = listener->wait_for([](const v1::Envelope& e) { return e.has_put_on_stage(); });
  ASSERT_TRUE(floor);
  EXPECT_TRUE(stage->area.contains({floor->put_on_stage().x(), floor->put_on_stage().y()}));
  expect_error(host->request(next), v1::ERROR_CODE_HAND_QUEUE_EMPTY);

  // Notes after the session, by a host only.
  auto notes = make([&](v1::Envelope& e) {
    e.mutable_post_notes()->set_talk_id(talk);
    e.mutable_post_notes()->set_notes("slides: https://example.com/traffic.pdf");
  });
  expect_error(speaker->request(notes), v1::ERROR_CODE_FORBIDDEN);
  EXPECT_EQ(host->request(notes)->talk().notes(), "slides: https://example.com/traffic.pdf");
}

TEST(HallE2E, SeatsWaitlistAndStartReminderWithGoThere) {
  TestServer server([](ServerConfig& c) { c.programme_tick = std::chrono::milliseconds(100); });
  auto host = join_host(server, "호스트");
  auto a = server.join("에이");
  auto b = server.join("비");
  const auto now = now_ms();

  auto office = host->request(
      schedule_talk(v1::TALK_KIND_OFFICE_HOURS, "Office hours", now + kHour, now + 2 * kHour, 1));
  ASSERT_TRUE(office && office->has_talk());
  const auto seats = office->talk().id();
  auto book = by_talk(
      seats, [](v1::Envelope& e, std::int64_t id) { e.mutable_book_seat()->set_talk_id(id); });
  auto first = a->request(book);
  ASSERT_TRUE(first && first->has_seat_booking()) << first->DebugString();
  EXPECT_EQ(first->seat_booking().status(), v1::SEAT_STATUS_CONFIRMED);
  auto second = b->request(book);
  EXPECT_EQ(second->seat_booking().status(), v1::SEAT_STATUS_WAITLISTED);
  EXPECT_EQ(second->seat_booking().waitlist_position(), 1u);
  expect_error(a->request(book), v1::ERROR_CODE_ALREADY_BOOKED);
  ASSERT_TRUE(a->request(by_talk(seats, [](v1::Envelope& e, std::int64_t id) {
                 e.mutable_cancel_seat()->set_talk_id(id);
               }))->has_seat_booking());
  auto moved_up = b->wait_for([](const v1::Envelope& e) { return e.has_seat_booking(); });
  ASSERT_TRUE(moved_up);
  EXPECT_EQ(moved_up->seat_booking().status(), v1::SEAT_STATUS_CONFIRMED);

  // A talk that starts in a moment: everyone who RSVP'd and is online hears about it.
  auto soon =
      host->request(schedule_talk(v1::TALK_KIND_TECH_TALK, "곧 시작", now + 800, now + kHour));
  ASSERT_TRUE(soon && soon->has_talk());
  ASSERT_TRUE(a->request(make([&](v1::Envelope& e) {
                 e.mutable_rsvp()->set_talk_id(soon->talk().id());
                 e.mutable_rsvp()->set_going(true);
               }))->has_talk());
  auto reminder = a->wait_for([](const v1::Envelope& e) { return e.has_session_reminder(); }, 5s);
  ASSERT_TRUE(reminder);
  EXPECT_EQ(reminder->session_reminder().talk().title(), "곧 시작");
  EXPECT_EQ(reminder->session_reminder().room(), "hall");
  EXPECT_FALSE(b->wait_for([](const v1::Envelope& e) { return e.has_session_reminder(); }, 300ms));
  // "Go there".
  auto there = a->request(make([&](v1::Envelope& e) {
    e.mutable_enter_room()->set_room(reminder->session_reminder().room());
  }));
  ASSERT_TRUE(there && there->has_room_entered()) << there->DebugString();
  EXPECT_EQ(there->room_entered().room().room(), "hall");
}

TEST(HallE2E, AFloodOfQuestionsStopsAtTheLimitsAndListsArePaged) {
  TestServer server([](ServerConfig& c) {
    c.programme_limits.questions_per_person = 3;
    c.programme_limits.questions_per_session = 10;
    c.action_rate = {1000.0, 1000.0};
  });
  auto host = join_host(server, "호스트");
  auto attacker = server.join("공격자");
  const auto now = now_ms();
  auto scheduled = host->request(schedule_talk(v1::TALK_KIND_TECH_TALK, "Q&A", now, now + kHour));
  ASSERT_TRUE(scheduled && scheduled->has_talk());
  const auto talk = scheduled->talk().id();
  auto ask = [&](const std::string& text) {
    return make([&](v1::Envelope& e) {
      e.mutable_ask_question()->set_talk_id(talk);
      e.mutable_ask_question()->set_text(text);
    });
  };
  const std::string long_question(500, 'q');
  std::set<std::int64_t> asked;
  int refused = 0;
  for (int i = 0; i < 8; ++i) {
    auto reply = attacker->request(ask(long_question));
    ASSERT_TRUE(reply) << "timeout";
    if (reply->has_question()) {
      asked.insert(reply->question().id());
    } else {
      EXPECT_EQ(reply->error().code(), v1::ERROR_CODE_LIMIT_REACHED) << reply->DebugString();
      ++refused;
    }
  }
  EXPECT_EQ(asked.size(), 3u);
  EXPECT_EQ(refused, 5);
  // Hosts have no per-person limit; the session's total holds for everyone.
  for (int i = 0; i < 7; ++i) {
    auto reply = host->request(ask("질문 " + std::to_string(i)));
    ASSERT_TRUE(reply && reply->has_question()) << reply->DebugString();
    asked.insert(reply->question().id());
  }
  expect_error(host->request(ask("one too many")), v1::ERROR_CODE_LIMIT_REACHED);

  // The ranking in pages: every question exactly once.
  auto page = [&](std::uint32_t offset, std::uint32_t limit) {
    return attacker->request(make([&](v1::Envelope& e) {
      e.mutable_list_questions()->set_talk_id(talk);
      e.mutable_list_questions()->set_offset(offset);
      e.mutable_list_questions()->set_limit(limit);
    }));
  };
  std::vector<std::int64_t> seen;
  std::uint32_t offset = 0;
  int pages = 0;
  do {
    auto reply = page(offset, 4);
    ASSERT_TRUE(reply && reply->has_question_list()) << reply->DebugString();
    EXPECT_LE(reply->question_list().questions_size(), 4);
    EXPECT_EQ(reply->question_list().total(), 10u);
    for (const auto& q : reply->question_list().questions()) seen.push_back(q.id());
    offset = reply->question_list().next_offset();
  } while (offset != 0 && ++pages < 10);
  EXPECT_EQ(pages, 2);  // 4 + 4 + 2
  EXPECT_EQ(seen.size(), 10u);
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), asked);

  // Hosts remove questions; that makes room again.
  auto remove = make([&](v1::Envelope& e) {
    e.mutable_remove_question()->set_talk_id(talk);
    e.mutable_remove_question()->set_question_id(*asked.begin());
  });
  expect_error(attacker->request(remove), v1::ERROR_CODE_FORBIDDEN);
  ASSERT_TRUE(host->request(remove)->has_ack());
  expect_error(host->request(remove), v1::ERROR_CODE_NO_SUCH_QUESTION);
  EXPECT_EQ(page(0, 0)->question_list().total(), 9u);
  EXPECT_TRUE(host->request(ask("room again"))->has_question());
}

TEST(HallE2E, TheProgrammeIsAnsweredInPages) {
  TestServer server;
  auto host = join_host(server, "호스트");
  auto attendee = server.join("참가자");
  const auto now = now_ms();
  std::vector<std::int64_t> scheduled;
  for (int i = 0; i < 5; ++i) {
    auto reply = host->request(schedule_talk(v1::TALK_KIND_TECH_TALK, "세션 " + std::to_string(i),
                                             now + i * kHour, now + (i + 1) * kHour));
    ASSERT_TRUE(reply && reply->has_talk());
    scheduled.push_back(reply->talk().id());
  }
  std::vector<std::int64_t> seen;
  std::uint32_t offset = 0;
  int pages = 0;
  do {
    auto reply = attendee->request(make([&](v1::Envelope& e) {
      e.mutable_list_talks()->set_offset(offset);
      e.mutable_list_talks()->set_limit(2);
    }));
    ASSERT_TRUE(reply && reply->has_talk_list()) << reply->DebugString();
    EXPECT_LE(reply->talk_list().talks_size(), 2);
    for (const auto& t : reply->talk_list().talks()) seen.push_back(t.id());
    offset = reply->talk_list().next_offset();
  } while (offset != 0 && ++pages < 10);
  EXPECT_EQ(seen, scheduled);  // by start time, each once
}

}  // namespace
}  // namespace moim::e2e
