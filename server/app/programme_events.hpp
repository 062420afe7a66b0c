#pragma once
// What the programme tells people, as domain values: answers to programme requests and what it
// pushes (focus timers, raised hands, the stage, reminders). The Encoder turns each into bytes
// (net/encode_programme.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "programme/focus_timer.hpp"
#include "programme/hand_queue.hpp"
#include "programme/questions.hpp"
#include "programme/seats.hpp"
#include "programme/study_group.hpp"
#include "programme/talk.hpp"
#include "room/types.hpp"

namespace moim::app::programme_event {

// A study group as one person sees it (`now_ms` dates the timer and the next session).
struct Group {
  programme::StudyGroup group;
  bool member = false;
  programme::Millis now_ms = 0;
};
// One page of groups; `next_after_id` 0 at the end.
struct GroupList {
  std::vector<Group> groups;
  programme::GroupId next_after_id = 0;
};
struct FocusTimer {
  programme::GroupId group = 0;
  programme::FocusTimer timer;
  programme::Millis now_ms = 0;
};
// A session as one person sees it: their RSVP and, where there are seats, theirs.
struct Talk {
  programme::Talk talk;
  bool rsvped = false;
  std::optional<programme::SeatBooking> seat;
};
struct TalkList {
  std::vector<Talk> talks;
  std::uint32_t next_offset = 0;
  programme::Millis server_time_ms = 0;
};
struct Question {
  programme::Question question;
};
struct QuestionList {
  programme::TalkId talk = 0;
  std::uint32_t total = 0;
  std::vector<programme::Question> questions;
  std::uint32_t next_offset = 0;
};
struct Seat {
  programme::TalkId talk = 0;
  programme::SeatBooking seat;
};
struct HandQueue {
  programme::TalkId talk = 0;
  std::vector<programme::RaisedHand> hands;
};
// To everyone in the room: someone has the stage.
struct StageGiven {
  programme::TalkId talk = 0;
  room::UserId user = 0;
  std::string name;
};
// To the person a host put on the stage: where they stand now.
struct PutOnStage {
  programme::TalkId talk = 0;
  room::MoveView where;
};
struct SessionReminder {
  programme::Talk talk;
};
struct Notice {
  std::string text;
};

}  // namespace moim::app::programme_event

namespace moim::app {

using ProgrammeEvent =
    std::variant<programme_event::Group, programme_event::GroupList, programme_event::FocusTimer,
                 programme_event::Talk, programme_event::TalkList, programme_event::Question,
                 programme_event::QuestionList, programme_event::Seat, programme_event::HandQueue,
                 programme_event::StageGiven, programme_event::PutOnStage,
                 programme_event::SessionReminder, programme_event::Notice>;

}  // namespace moim::app
