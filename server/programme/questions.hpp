#pragma once
// Questions for a session, asked before or during it, with one vote per person per question;
// hosts see them ranked and mark them answered.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "programme/talk.hpp"

namespace moim::programme {

using QuestionId = std::int64_t;

struct Question {
  QuestionId id = 0;
  TalkId talk = 0;
  UserId author = 0;
  std::string author_name;
  std::string text;
  int votes = 0;
  bool answered = false;
  Millis asked_at_ms = 0;
  bool voted_by_me = false;  // filled for the person asking for the list
};

// Text as chat (1–500 characters); only until the session ends.
Status check_ask(const Talk& talk, std::string_view text, Millis now_ms);
// One vote per person; the store's unique (question, user) key enforces it under concurrency,
// this check gives the clear message.
Status check_vote(const Question& question, bool already_voted);

// Unanswered first; then more votes first; then asked earlier first (then by id).
void rank(std::vector<Question>& questions);

}  // namespace moim::programme
