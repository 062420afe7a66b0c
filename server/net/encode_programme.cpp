// ProtoEncoder, the programme's part: study groups, the hall's sessions, questions, seats, hands
// and the stage, as v1 messages (the field-by-field conversion is in net/programme_convert.cpp).
#include <type_traits>

#include "net/convert.hpp"
#include "net/encode_shared.hpp"
#include "net/programme_convert.hpp"
#include "net/proto_encoder.hpp"

namespace moim::net {

namespace ev = app::programme_event;

namespace {

// The programme_convert.hpp overloads, beside this file's own for the events' entries.
using net::fill;

void fill(v1::StudyGroupInfo& out, const ev::Group& in) {
  fill(out, in.group, in.member, in.now_ms);
}

void fill(v1::TalkInfo& out, const ev::Talk& in) {
  fill(out, in.talk);
  out.set_rsvped(in.rsvped);
  if (in.seat) {
    out.set_seat(to_proto(in.seat->status));
    out.set_waitlist_position(static_cast<std::uint32_t>(in.seat->waitlist_position));
  }
}

// Each event into its place in the envelope.
struct Fill {
  v1::Envelope& out;

  void operator()(const ev::Group& e) const { fill(*out.mutable_study_group(), e); }
  void operator()(const ev::GroupList& e) const {
    auto* list = out.mutable_study_group_list();
    for (const auto& g : e.groups) fill(*list->add_groups(), g);
    list->set_next_after_id(e.next_after_id);
  }
  void operator()(const ev::FocusTimer& e) const {
    fill(*out.mutable_focus_timer(), e.group, e.timer, e.now_ms);
  }
  void operator()(const ev::Talk& e) const { fill(*out.mutable_talk(), e); }
  void operator()(const ev::TalkList& e) const {
    auto* list = out.mutable_talk_list();
    list->set_server_time_ms(e.server_time_ms);
    for (const auto& t : e.talks) fill(*list->add_talks(), t);
    list->set_next_offset(e.next_offset);
  }
  void operator()(const ev::Question& e) const { fill(*out.mutable_question(), e.question); }
  void operator()(const ev::QuestionList& e) const {
    auto* list = out.mutable_question_list();
    list->set_talk_id(e.talk);
    list->set_total(e.total);
    for (const auto& q : e.questions) fill(*list->add_questions(), q);
    list->set_next_offset(e.next_offset);
  }
  void operator()(const ev::Seat& e) const { fill(*out.mutable_seat_booking(), e.talk, e.seat); }
  void operator()(const ev::HandQueue& e) const {
    auto* queue = out.mutable_hand_queue();
    queue->set_talk_id(e.talk);
    for (const auto& hand : e.hands) {
      auto* entry = queue->add_hands();
      entry->set_user_id(hand.user);
      entry->set_display_name(hand.name);
    }
  }
  void operator()(const ev::StageGiven& e) const {
    auto* given = out.mutable_stage_given();
    given->set_talk_id(e.talk);
    given->set_user_id(e.user);
    given->set_display_name(e.name);
  }
  void operator()(const ev::PutOnStage& e) const {
    auto* put = out.mutable_put_on_stage();
    put->set_talk_id(e.talk);
    put->set_x(e.where.pos.x);
    put->set_y(e.where.pos.y);
    put->set_facing(to_proto(e.where.facing));
  }
  void operator()(const ev::SessionReminder& e) const {
    auto* reminder = out.mutable_session_reminder();
    fill(*reminder->mutable_talk(), e.talk);
    reminder->set_room(e.talk.room);
  }
  void operator()(const ev::Notice& e) const { out.mutable_notice()->set_text(e.text); }
};

}  // namespace

app::SharedBytes ProtoEncoder::programme(std::uint32_t request_id,
                                         const app::ProgrammeEvent& event) const {
  v1::Envelope out;
  out.set_request_id(request_id);
  std::visit(Fill{out}, event);
  return encode_shared(out);
}

std::size_t ProtoEncoder::entry_size(const ev::Group& group) const {
  v1::StudyGroupInfo info;
  fill(info, group);
  return info.ByteSizeLong();
}

std::size_t ProtoEncoder::entry_size(const ev::Talk& talk) const {
  v1::TalkInfo info;
  fill(info, talk);
  return info.ByteSizeLong();
}

std::size_t ProtoEncoder::entry_size(const programme::Question& question) const {
  v1::QuestionInfo info;
  fill(info, question);
  return info.ByteSizeLong();
}

}  // namespace moim::net
