#include "programme/questions.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kStart = 1'795'435'200'000;

Talk talk() {
  Talk t;
  t.title = "Kafka at scale";
  t.start_ms = kStart;
  t.end_ms = kStart + 3'600'000;
  return t;
}

TEST(Questions, AskBeforeAndDuringButNotAfter) {
  EXPECT_TRUE(check_ask(talk(), "파티션은 몇 개가 적당한가요?", kStart - 86'400'000));
  EXPECT_TRUE(check_ask(talk(), "How do you rebalance?", kStart + 60'000));
  EXPECT_EQ(check_ask(talk(), "late", kStart + 3'600'000).error().code, Errc::session_over);
  EXPECT_EQ(check_ask(talk(), "", kStart).error().code, Errc::invalid_text);
  EXPECT_EQ(check_ask(talk(), std::string(501, 'q'), kStart).error().code, Errc::text_too_long);
}

TEST(Questions, OneVotePerPerson) {
  Question q;
  EXPECT_TRUE(check_vote(q, false));
  EXPECT_EQ(check_vote(q, true).error().code, Errc::already_voted);
  q.answered = true;
  EXPECT_EQ(check_vote(q, false).error().code, Errc::bad_request);
}

TEST(Questions, RankedByVotesThenAgeAnsweredLast) {
  auto make = [](QuestionId id, int votes, bool answered, Millis asked) {
    Question out;
    out.id = id;
    out.votes = votes;
    out.answered = answered;
    out.asked_at_ms = asked;
    return out;
  };
  std::vector<Question> qs{make(1, 3, false, 10), make(2, 5, true, 5), make(3, 3, false, 5),
                           make(4, 7, false, 20), make(5, 0, false, 1)};
  rank(qs);
  std::vector<QuestionId> order;
  for (const auto& q : qs) order.push_back(q.id);
  EXPECT_EQ(order, (std::vector<QuestionId>{4, 3, 1, 5, 2}));
}

}  // namespace
}  // namespace moim::programme
