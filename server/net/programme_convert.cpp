#include "net/programme_convert.hpp"

namespace moim::net {

using namespace moim::programme;

std::optional<GroupKind> from_proto(v1::StudyGroupKind kind) {
  if (kind < v1::STUDY_GROUP_KIND_PAPER_READING || kind > v1::STUDY_GROUP_KIND_OTHER) {
    return std::nullopt;
  }
  return static_cast<GroupKind>(kind);
}

std::optional<TalkKind> from_proto(v1::TalkKind kind) {
  if (kind < v1::TALK_KIND_TECH_TALK || kind > v1::TALK_KIND_RESUME_CLINIC) return std::nullopt;
  return static_cast<TalkKind>(kind);
}

v1::SeatStatus to_proto(SeatStatus status) {
  return static_cast<v1::SeatStatus>(static_cast<int>(status));
}

Result<Talk> talk_from(const v1::TalkInfo& in) {
  auto kind = from_proto(in.kind());
  if (!kind) return Error{Errc::bad_request, "kind must be a tech talk, office hours or a clinic"};
  Talk t;
  t.id = in.id();
  t.kind = *kind;
  t.title = in.title();
  t.speaker = in.speaker();
  t.company = in.company();
  t.start_ms = in.start_ms();
  t.end_ms = in.end_ms();
  t.room = in.room().empty() ? "hall" : in.room();
  t.capacity = static_cast<int>(std::min<std::uint32_t>(in.capacity(), 1'000'000));
  t.notes = in.notes();
  return t;
}

void fill(v1::FocusTimerState& out, GroupId group, const FocusTimer& timer, Millis now_ms) {
  const auto state = focus_state(timer, now_ms);
  out.set_group_id(group);
  out.set_started_at_ms(timer.started_at_ms);
  out.set_focus_minutes(static_cast<std::uint32_t>(timer.focus_minutes));
  out.set_break_minutes(static_cast<std::uint32_t>(timer.break_minutes));
  out.set_server_time_ms(now_ms);
  out.set_phase(static_cast<v1::FocusPhase>(static_cast<int>(state.phase)));
  out.set_phase_ends_at_ms(state.phase_ends_at_ms);
}

void fill(v1::StudyGroupInfo& out, const StudyGroup& g, bool is_member, Millis now_ms) {
  out.set_id(g.id);
  out.set_topic(g.topic);
  out.set_kind(static_cast<v1::StudyGroupKind>(static_cast<int>(g.kind)));
  out.set_description(g.description);
  auto* schedule = out.mutable_schedule();
  if (g.schedule.kind == Schedule::Kind::once) {
    schedule->set_once_start_ms(g.schedule.once.start_ms);
    schedule->set_once_end_ms(g.schedule.once.end_ms);
  } else {
    // Days and times as a person would type them back.
    std::string days;
    static constexpr const char* kNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (unsigned d = 0; d < 7; ++d) {
      if ((g.schedule.days & (1u << d)) == 0) continue;
      if (!days.empty()) days += ",";
      days += kNames[d];
    }
    schedule->set_days(g.schedule.days == kEveryDay ? "daily" : days);
    const int end = (g.schedule.start_minute + g.schedule.duration_minutes);
    schedule->set_times(format_hhmm(g.schedule.start_minute) + "-" +
                        (end == 24 * 60 ? "24:00" : format_hhmm(end % (24 * 60))));
  }
  schedule->set_time_zone(g.schedule.time_zone);
  schedule->set_description(describe(g.schedule));
  if (auto next = next_session(g.schedule, now_ms)) schedule->set_next_start_ms(next->start_ms);
  out.set_capacity(static_cast<std::uint32_t>(g.capacity));
  out.set_lead_id(g.lead);
  out.set_lead_name(g.lead_name);
  out.set_recruiting(g.recruiting);
  out.set_visitors_allowed(g.visitors_allowed);
  out.set_member_count(static_cast<std::uint32_t>(g.member_count));
  out.set_is_member(is_member);
  out.set_room(room_of(g.id));
  fill(*out.mutable_timer(), g.id, g.timer, now_ms);
}

void fill(v1::TalkInfo& out, const Talk& t) {
  out.set_id(t.id);
  out.set_kind(static_cast<v1::TalkKind>(static_cast<int>(t.kind)));
  out.set_title(t.title);
  out.set_speaker(t.speaker);
  out.set_company(t.company);
  out.set_start_ms(t.start_ms);
  out.set_end_ms(t.end_ms);
  out.set_room(t.room);
  out.set_capacity(static_cast<std::uint32_t>(t.capacity));
  out.set_notes(t.notes);
  out.set_rsvp_count(static_cast<std::uint32_t>(t.rsvp_count));
  out.set_booked(static_cast<std::uint32_t>(t.booked));
  out.set_waitlisted(static_cast<std::uint32_t>(t.waitlisted));
}

void fill(v1::QuestionInfo& out, const Question& q) {
  out.set_id(q.id);
  out.set_talk_id(q.talk);
  out.set_author_id(q.author);
  out.set_author_name(q.author_name);
  out.set_text(q.text);
  out.set_votes(static_cast<std::uint32_t>(q.votes));
  out.set_answered(q.answered);
  out.set_asked_at_ms(q.asked_at_ms);
  out.set_voted_by_me(q.voted_by_me);
}

void fill(v1::SeatBooking& out, TalkId talk, const SeatBooking& seat) {
  out.set_talk_id(talk);
  out.set_status(to_proto(seat.status));
  out.set_waitlist_position(static_cast<std::uint32_t>(seat.waitlist_position));
}

}  // namespace moim::net
