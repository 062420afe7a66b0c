#pragma once
// The session boundary for study groups and the programme: protobuf in, programme types out,
// and back.
#include <optional>

#include "moim/v1/moim.pb.h"
#include "programme/focus_timer.hpp"
#include "programme/questions.hpp"
#include "programme/seats.hpp"
#include "programme/study_group.hpp"
#include "programme/talk.hpp"

namespace moim::net {

std::optional<programme::GroupKind> from_proto(v1::StudyGroupKind kind);
std::optional<programme::TalkKind> from_proto(v1::TalkKind kind);
v1::SeatStatus to_proto(programme::SeatStatus status);

// A talk from a request (times, fields; id and counts are the server's).
Result<programme::Talk> talk_from(const v1::TalkInfo& in);

void fill(v1::FocusTimerState& out, programme::GroupId group, const programme::FocusTimer& timer,
          programme::Millis now_ms);
void fill(v1::StudyGroupInfo& out, const programme::StudyGroup& group, bool is_member,
          programme::Millis now_ms);
void fill(v1::TalkInfo& out, const programme::Talk& talk);
void fill(v1::QuestionInfo& out, const programme::Question& question);
void fill(v1::SeatBooking& out, programme::TalkId talk, const programme::SeatBooking& seat);

}  // namespace moim::net
