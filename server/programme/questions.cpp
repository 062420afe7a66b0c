#include "programme/questions.hpp"

#include <algorithm>
#include <tuple>

#include "moim/proto/text.hpp"

namespace moim::programme {

Status check_ask(const Talk& talk, std::string_view text, Millis now_ms) {
  if (auto problem = proto::check_chat_text(text); problem != proto::TextProblem::ok) {
    const auto code =
        problem == proto::TextProblem::too_long ? Errc::text_too_long : Errc::invalid_text;
    return Error{code, std::string("question ") + proto::describe(problem)};
  }
  if (phase_at(talk, now_ms) == TalkPhase::over) {
    return Error{Errc::session_over, "'" + talk.title + "' is over; questions are closed"};
  }
  return ok();
}

Status check_vote(const Question& question, bool already_voted) {
  if (already_voted) return Error{Errc::already_voted, "you already voted for this question"};
  if (question.answered) return Error{Errc::bad_request, "that question was already answered"};
  return ok();
}

void rank(std::vector<Question>& questions) {
  std::sort(questions.begin(), questions.end(), [](const Question& a, const Question& b) {
    return std::tuple(a.answered, -a.votes, a.asked_at_ms, a.id) <
           std::tuple(b.answered, -b.votes, b.asked_at_ms, b.id);
  });
}

}  // namespace moim::programme
