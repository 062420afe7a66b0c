// The programme in the SQLite store: talks, RSVPs, questions and votes, reminders.
#include <atomic>
#include <thread>
#include <vector>

#include "store_fixture.hpp"

namespace moim::programme {
namespace {

constexpr Millis kStart = 1'795'435'200'000;
constexpr Millis kHour = 3'600'000;

class TalkStore : public testing::StoreTest {
 protected:
  Talk draft(TalkKind kind = TalkKind::tech_talk, int capacity = 0) {
    Talk t;
    t.kind = kind;
    t.title = "대규모 트래픽";
    t.speaker = "박서준";
    t.company = "Kakao";
    t.start_ms = kStart;
    t.end_ms = kStart + kHour;
    t.room = "hall";
    t.capacity = capacity;
    t.created_at_ms = kStart - 10 * kHour;
    return t;
  }
};

TEST_F(TalkStore, CreateFindUpdateDelete) {
  auto t = store().create_talk(draft());
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(store().find_talk(t->id)->title, "대규모 트래픽");
  auto edit = *t;
  edit.title = "Traffic at scale";
  edit.start_ms += kHour;
  edit.end_ms += kHour;
  EXPECT_EQ(store().update_talk(edit)->start_ms, kStart + kHour);
  auto bad = edit;
  bad.end_ms = bad.start_ms;
  EXPECT_EQ(store().update_talk(bad).error().code, Errc::invalid_schedule);
  EXPECT_EQ(store().find_talk(t->id)->title, "Traffic at scale");  // unchanged by the refusal
  EXPECT_EQ(store().list_talks(kStart, kStart + 10 * kHour)->size(), 1u);
  EXPECT_TRUE(store().list_talks(kStart + 5 * kHour, kStart + 10 * kHour)->empty());
  ASSERT_TRUE(store().set_notes(t->id, "slides: https://example.com/s.pdf"));
  EXPECT_EQ(store().find_talk(t->id)->notes, "slides: https://example.com/s.pdf");
  ASSERT_TRUE(store().delete_talk(t->id));
  EXPECT_EQ(store().find_talk(t->id).error().code, Errc::no_such_talk);
  EXPECT_EQ(store().delete_talk(t->id).error().code, Errc::no_such_talk);
}

TEST_F(TalkStore, RsvpIsOncePerPersonAndClosesAfterTheSession) {
  const auto a = person("a");
  const auto b = person("b");
  auto t = store().create_talk(draft());
  EXPECT_EQ(store().rsvp(t->id, a, true, kStart - kHour)->rsvp_count, 1);
  EXPECT_EQ(store().rsvp(t->id, a, true, kStart - kHour)->rsvp_count, 1);
  EXPECT_EQ(store().rsvp(t->id, b, true, kStart + 2 * kHour).error().code, Errc::session_over);
  EXPECT_TRUE(*store().has_rsvp(t->id, a));
  EXPECT_EQ(store().rsvp(t->id, a, false, kStart)->rsvp_count, 0);
  EXPECT_FALSE(*store().has_rsvp(t->id, a));
  EXPECT_EQ(store().rsvp(999, a, true, kStart).error().code, Errc::no_such_talk);
}

TEST_F(TalkStore, QuestionsVotedOncePerPersonRankedAndAnswered) {
  const auto a = person("a");
  const auto b = person("b");
  const auto c = person("c");
  auto t = store().create_talk(draft());
  auto q1 = store().ask(t->id, a, "a", "첫 질문", kStart - kHour, {});
  auto q2 = store().ask(t->id, b, "b", "second", kStart - kHour + 1, {});
  ASSERT_TRUE(q1 && q2);
  EXPECT_EQ(store().ask(t->id, a, "a", "late", kStart + kHour, {}).error().code,
            Errc::session_over);
  EXPECT_EQ(store().ask(t->id, a, "a", "", kStart, {}).error().code, Errc::invalid_text);
  EXPECT_EQ(store().vote(q2->id, a, kStart)->votes, 1);
  EXPECT_EQ(store().vote(q2->id, c, kStart)->votes, 2);
  EXPECT_EQ(store().vote(q2->id, a, kStart).error().code, Errc::already_voted);
  EXPECT_EQ(store().vote(q1->id, c, kStart)->votes, 1);
  EXPECT_EQ(store().vote(12345, c, kStart).error().code, Errc::no_such_question);
  auto ranked = store().questions(t->id, c);
  ASSERT_EQ(ranked->size(), 2u);
  EXPECT_EQ(ranked->at(0).id, q2->id);
  EXPECT_TRUE(ranked->at(0).voted_by_me);
  ASSERT_TRUE(store().mark_answered(q2->id, true));
  reopen();
  ranked = store().questions(t->id, b);
  EXPECT_EQ(ranked->at(0).id, q1->id);  // answered questions go last
  EXPECT_EQ(ranked->at(1).votes, 2);
  EXPECT_TRUE(ranked->at(1).answered);
  EXPECT_FALSE(ranked->at(1).voted_by_me);
}

TEST_F(TalkStore, ConcurrentVotesCountOnce) {
  const auto author = person("author");
  std::vector<UserId> voters;
  for (int i = 0; i < 8; ++i) voters.push_back(person("v" + std::to_string(i)));
  auto t = store().create_talk(draft());
  auto q = store().ask(t->id, author, "author", "?", kStart, {});
  std::vector<std::unique_ptr<store::Store>> connections;
  for (int i = 0; i < 4; ++i) connections.push_back(connection());
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  // Every voter votes four times at once through different connections.
  for (std::size_t i = 0; i < voters.size() * 4; ++i) {
    threads.emplace_back([&, i] {
      if (connections[i % 4]->programme().vote(q->id, voters[i / 4], kStart)) ++accepted;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(accepted.load(), 8);
  EXPECT_EQ(store().questions(t->id, 0)->at(0).votes, 8);
}

TEST_F(TalkStore, QuestionQuotaPerPersonAndPerSession) {
  const auto a = person("a");
  const auto b = person("b");
  const auto c = person("c");
  auto t = store().create_talk(draft());
  auto other = store().create_talk(draft());
  const Quota quota{2, 3};
  ASSERT_TRUE(store().ask(t->id, a, "a", "one", kStart, quota));
  ASSERT_TRUE(store().ask(t->id, a, "a", "two", kStart, quota));
  EXPECT_EQ(store().ask(t->id, a, "a", "three", kStart, quota).error().code, Errc::limit_reached);
  // The limit is per session: another session takes a's questions.
  EXPECT_TRUE(store().ask(other->id, a, "a", "elsewhere", kStart, quota));
  ASSERT_TRUE(store().ask(t->id, b, "b", "b's", kStart, quota));
  const auto full = store().ask(t->id, c, "c", "c's", kStart, quota);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, Errc::limit_reached);
  EXPECT_EQ(store().questions(t->id, 0)->size(), 3u);
}

TEST_F(TalkStore, RemovingAQuestionTakesItsVotes) {
  const auto a = person("a");
  auto t = store().create_talk(draft());
  auto other = store().create_talk(draft());
  auto q = store().ask(t->id, a, "a", "?", kStart, {});
  ASSERT_TRUE(store().vote(q->id, person("v"), kStart));
  // Only through its own session.
  EXPECT_EQ(store().remove_question(other->id, q->id).error().code, Errc::no_such_question);
  ASSERT_TRUE(store().remove_question(t->id, q->id));
  EXPECT_TRUE(store().questions(t->id, 0)->empty());
  EXPECT_EQ(store().vote(q->id, a, kStart).error().code, Errc::no_such_question);
  EXPECT_EQ(store().remove_question(t->id, q->id).error().code, Errc::no_such_question);
}

TEST_F(TalkStore, RemindersGoOutOnceWhenTheSessionStarts) {
  auto t = store().create_talk(draft());
  EXPECT_TRUE(store().take_due_reminders(kStart - 1)->empty());
  auto due = store().take_due_reminders(kStart + 1000);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->at(0).id, t->id);
  reopen();
  EXPECT_TRUE(store().take_due_reminders(kStart + 2000)->empty());
  // Moved to later: announced again when the new start comes.
  auto moved = *store().find_talk(t->id);
  moved.start_ms += 2 * kHour;
  moved.end_ms += 2 * kHour;
  ASSERT_TRUE(store().update_talk(moved));
  EXPECT_EQ(store().take_due_reminders(moved.start_ms)->size(), 1u);
  // A session that is over is not announced late.
  auto past = draft();
  past.start_ms = kStart - 5 * kHour;
  past.end_ms = kStart - 4 * kHour;
  ASSERT_TRUE(store().create_talk(past));
  EXPECT_TRUE(store().take_due_reminders(kStart)->empty());
}

}  // namespace
}  // namespace moim::programme
