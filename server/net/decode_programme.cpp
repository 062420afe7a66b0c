#include "net/decode_programme.hpp"

#include "net/programme_convert.hpp"

namespace moim::net {

namespace req = app::programme_request;

namespace {

req::ScheduleDraft draft_of(const v1::StudySchedule& in) {
  return {in.days(), in.times(), in.time_zone(), in.once_start_ms(), in.once_end_ms()};
}

req::CreateGroup create_group(const v1::CreateStudyGroup& m) {
  // Unspecified is the default kind; an unknown one stays unknown for the service to refuse.
  auto kind = m.kind() == v1::STUDY_GROUP_KIND_UNSPECIFIED ? std::optional(programme::kDefaultKind)
                                                           : from_proto(m.kind());
  return {m.topic(),           kind, m.description(), draft_of(m.schedule()), m.capacity(),
          m.visitors_allowed()};
}

}  // namespace

std::optional<app::ProgrammeRequest> decode_programme(const v1::Envelope& in) {
  using E = v1::Envelope;
  switch (in.body_case()) {
    case E::kCreateStudyGroup:
      return create_group(in.create_study_group());
    case E::kListStudyGroups: {
      const auto& m = in.list_study_groups();
      return req::ListGroups{m.query(), m.after_id(), m.limit(), m.mine()};
    }
    case E::kJoinStudyGroup:
      return req::JoinGroup{in.join_study_group().group_id()};
    case E::kLeaveStudyGroup:
      return req::LeaveGroup{in.leave_study_group().group_id()};
    case E::kRemoveStudyGroup:
      return req::RemoveGroup{in.remove_study_group().group_id()};
    case E::kSetStudyGroupAccess: {
      const auto& m = in.set_study_group_access();
      return req::SetGroupAccess{m.group_id(), m.recruiting(), m.visitors_allowed()};
    }
    case E::kEnterRoom:
      return req::EnterRoom{in.enter_room().room()};
    case E::kStartFocusTimer: {
      const auto& m = in.start_focus_timer();
      return req::StartFocusTimer{m.group_id(), m.focus_minutes(), m.break_minutes()};
    }
    case E::kStopFocusTimer:
      return req::StopFocusTimer{in.stop_focus_timer().group_id()};
    case E::kGetFocusTimer:
      return req::GetFocusTimer{in.get_focus_timer().group_id()};
    case E::kListTalks: {
      const auto& m = in.list_talks();
      return req::ListTalks{m.from_ms(), m.to_ms(), m.offset(), m.limit()};
    }
    case E::kScheduleTalk:
      return req::ScheduleTalk{talk_from(in.schedule_talk().talk())};
    case E::kRsvp:
      return req::Rsvp{in.rsvp().talk_id(), in.rsvp().going()};
    case E::kAskQuestion:
      return req::AskQuestion{in.ask_question().talk_id(), in.ask_question().text()};
    case E::kVoteQuestion:
      return req::VoteQuestion{in.vote_question().question_id()};
    case E::kMarkAnswered:
      return req::MarkAnswered{in.mark_answered().question_id(), in.mark_answered().answered()};
    case E::kListQuestions: {
      const auto& m = in.list_questions();
      return req::ListQuestions{m.talk_id(), m.offset(), m.limit()};
    }
    case E::kRemoveQuestion:
      return req::RemoveQuestion{in.remove_question().talk_id(),
                                 in.remove_question().question_id()};
    case E::kGiveStage:
      return req::GiveStage{in.give_stage().talk_id(), in.give_stage().user_id()};
    case E::kRaiseHand:
      return req::RaiseHand{in.raise_hand().talk_id(), in.raise_hand().raised()};
    case E::kNextHand:
      return req::NextHand{in.next_hand().talk_id()};
    case E::kBookSeat:
      return req::BookSeat{in.book_seat().talk_id()};
    case E::kCancelSeat:
      return req::CancelSeat{in.cancel_seat().talk_id()};
    case E::kPostNotes:
      return req::PostNotes{in.post_notes().talk_id(), in.post_notes().notes()};
    default:
      return std::nullopt;
  }
}

}  // namespace moim::net
