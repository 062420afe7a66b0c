#pragma once
// What a client may ask of the programme (study groups and the hall), as domain values: net
// decodes each programme message into one of these (net/decode_programme.cpp) and
// ProgrammeService::handle answers it.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/result.hpp"
#include "programme/questions.hpp"
#include "programme/study_group.hpp"
#include "programme/talk.hpp"

namespace moim::app::programme_request {

using programme::GroupId;
using programme::QuestionId;
using programme::TalkId;

// A schedule as the lead typed it; ProgrammeService makes a programme::Schedule of it (an empty
// time zone is the server's).
struct ScheduleDraft {
  std::string days;
  std::string times;
  std::string time_zone;
  programme::Millis once_start_ms = 0;
  programme::Millis once_end_ms = 0;
};

struct CreateGroup {
  std::string topic;
  std::optional<programme::GroupKind> kind;  // nullopt: a kind this server does not know
  std::string description;
  ScheduleDraft schedule;
  std::uint32_t capacity = 0;  // 0: the default
  bool visitors_allowed = false;
};
struct ListGroups {
  std::string query;
  GroupId after_id = 0;
  std::uint32_t limit = 0;
  bool mine = false;
};
struct JoinGroup {
  GroupId group = 0;
};
struct LeaveGroup {
  GroupId group = 0;
};
struct RemoveGroup {
  GroupId group = 0;
};
struct SetGroupAccess {
  GroupId group = 0;
  bool recruiting = false;
  bool visitors_allowed = false;
};
struct EnterRoom {
  std::string room;
};
struct StartFocusTimer {
  GroupId group = 0;
  std::uint32_t focus_minutes = 0;  // 0 (and no break): the default rhythm
  std::uint32_t break_minutes = 0;
};
struct StopFocusTimer {
  GroupId group = 0;
};
struct GetFocusTimer {
  GroupId group = 0;
};
struct ListTalks {
  programme::Millis from_ms = 0;  // 0: a day ago
  programme::Millis to_ms = 0;    // 0: four weeks after `from_ms`
  std::uint32_t offset = 0;
  std::uint32_t limit = 0;
};
struct ScheduleTalk {
  Result<programme::Talk> talk;  // an error when the message does not describe a talk
};
struct Rsvp {
  TalkId talk = 0;
  bool going = false;
};
struct AskQuestion {
  TalkId talk = 0;
  std::string text;
};
struct VoteQuestion {
  QuestionId question = 0;
};
struct MarkAnswered {
  QuestionId question = 0;
  bool answered = false;
};
struct ListQuestions {
  TalkId talk = 0;
  std::uint32_t offset = 0;
  std::uint32_t limit = 0;
};
struct RemoveQuestion {
  TalkId talk = 0;
  QuestionId question = 0;
};
struct GiveStage {
  TalkId talk = 0;
  programme::UserId speaker = 0;
};
struct RaiseHand {
  TalkId talk = 0;
  bool raised = false;
};
struct NextHand {
  TalkId talk = 0;
};
struct BookSeat {
  TalkId talk = 0;
};
struct CancelSeat {
  TalkId talk = 0;
};
struct PostNotes {
  TalkId talk = 0;
  std::string notes;
};

}  // namespace moim::app::programme_request

namespace moim::app {

using ProgrammeRequest = std::variant<
    programme_request::CreateGroup, programme_request::ListGroups, programme_request::JoinGroup,
    programme_request::LeaveGroup, programme_request::RemoveGroup,
    programme_request::SetGroupAccess, programme_request::EnterRoom,
    programme_request::StartFocusTimer, programme_request::StopFocusTimer,
    programme_request::GetFocusTimer, programme_request::ListTalks, programme_request::ScheduleTalk,
    programme_request::Rsvp, programme_request::AskQuestion, programme_request::VoteQuestion,
    programme_request::MarkAnswered, programme_request::ListQuestions,
    programme_request::RemoveQuestion, programme_request::GiveStage, programme_request::RaiseHand,
    programme_request::NextHand, programme_request::BookSeat, programme_request::CancelSeat,
    programme_request::PostNotes>;

}  // namespace moim::app
