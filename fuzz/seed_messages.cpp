#include "seed_messages.hpp"

#include "dispatch_world.hpp"
#include "moim/proto/envelope.hpp"

namespace moim::fuzz::msg {

namespace {

// Every seed request carries a request id, as a real client's would.
template <typename Fill>
std::string make(Fill fill) {
  v1::Envelope e;
  e.set_request_id(7);
  fill(e);
  return proto::encode(e);
}

// 2027-01-04 09:00 UTC: a fixed time, so the seed is the same bytes on every run.
constexpr std::int64_t kFutureMs = 1'799'053'200'000;

}  // namespace

std::string hello() {
  return make([](v1::Envelope& e) {
    e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
    e.mutable_hello()->set_client("moim-fuzz-seed");
  });
}

std::string join(std::string_view name, std::string_view invite, std::string_view room) {
  return make([&](v1::Envelope& e) {
    auto* j = e.mutable_join();
    j->set_display_name(std::string(name));
    j->set_invite_code(std::string(invite));
    j->set_device_key(device_key(name));
    j->set_room(std::string(room));
  });
}

std::string move(int x, int y, std::uint32_t seq) {
  return make([&](v1::Envelope& e) {
    e.mutable_move()->set_x(x);
    e.mutable_move()->set_y(y);
    e.mutable_move()->set_facing(v1::DIRECTION_RIGHT);
    e.mutable_move()->set_seq(seq);
  });
}

std::string chat(v1::ChatScope scope, const std::string& text, std::uint64_t to) {
  return make([&](v1::Envelope& e) {
    e.mutable_send_chat()->set_scope(scope);
    e.mutable_send_chat()->set_text(text);
    e.mutable_send_chat()->set_to_user(to);
  });
}

std::string status(v1::Status s) {
  return make([&](v1::Envelope& e) { e.mutable_set_status()->set_status(s); });
}

std::string ping() {
  return make([](v1::Envelope& e) { e.mutable_ping()->set_client_time_us(123456); });
}

std::string list_online() {
  return make([](v1::Envelope& e) { e.mutable_list_online(); });
}

std::string locate(std::uint64_t user) {
  return make([&](v1::Envelope& e) { e.mutable_locate()->set_user_id(user); });
}

std::string resume(const std::string& token) {
  return make([&](v1::Envelope& e) { e.mutable_resume()->set_resume_token(token); });
}

std::string moderate(v1::ModerationAction action, std::uint64_t user, std::uint32_t seconds) {
  return make([&](v1::Envelope& e) {
    e.mutable_moderate()->set_action(action);
    e.mutable_moderate()->set_user_id(user);
    e.mutable_moderate()->set_duration_s(seconds);
    e.mutable_moderate()->set_reason("fuzz");
  });
}

std::string create_group(const std::string& topic) {
  return make([&](v1::Envelope& e) {
    auto* g = e.mutable_create_study_group();
    g->set_topic(topic);
    g->set_kind(v1::STUDY_GROUP_KIND_LECTURE_CATCH_UP);
    g->set_description("we catch up on lectures");
    g->mutable_schedule()->set_days("mon,wed,fri");
    g->mutable_schedule()->set_times("21:00-23:00");
    g->set_capacity(4);
  });
}

std::string list_groups(bool mine) {
  return make([&](v1::Envelope& e) { e.mutable_list_study_groups()->set_mine(mine); });
}

std::string join_group(std::int64_t id) {
  return make([&](v1::Envelope& e) { e.mutable_join_study_group()->set_group_id(id); });
}

std::string leave_group(std::int64_t id) {
  return make([&](v1::Envelope& e) { e.mutable_leave_study_group()->set_group_id(id); });
}

std::string remove_group(std::int64_t id) {
  return make([&](v1::Envelope& e) { e.mutable_remove_study_group()->set_group_id(id); });
}

std::string set_access(std::int64_t id, bool recruiting, bool visitors) {
  return make([&](v1::Envelope& e) {
    e.mutable_set_study_group_access()->set_group_id(id);
    e.mutable_set_study_group_access()->set_recruiting(recruiting);
    e.mutable_set_study_group_access()->set_visitors_allowed(visitors);
  });
}

std::string enter_room(std::string_view room) {
  return make([&](v1::Envelope& e) { e.mutable_enter_room()->set_room(std::string(room)); });
}

std::string start_timer(std::int64_t group, std::uint32_t focus, std::uint32_t rest) {
  return make([&](v1::Envelope& e) {
    e.mutable_start_focus_timer()->set_group_id(group);
    e.mutable_start_focus_timer()->set_focus_minutes(focus);
    e.mutable_start_focus_timer()->set_break_minutes(rest);
  });
}

std::string stop_timer(std::int64_t group) {
  return make([&](v1::Envelope& e) { e.mutable_stop_focus_timer()->set_group_id(group); });
}

std::string get_timer(std::int64_t group) {
  return make([&](v1::Envelope& e) { e.mutable_get_focus_timer()->set_group_id(group); });
}

std::string list_talks() {
  return make([](v1::Envelope& e) { e.mutable_list_talks(); });
}

std::string schedule_talk(v1::TalkKind kind, const std::string& title) {
  return make([&](v1::Envelope& e) {
    auto* t = e.mutable_schedule_talk()->mutable_talk();
    t->set_kind(kind);
    t->set_title(title);
    t->set_speaker("발표자");
    t->set_company("moim");
    t->set_start_ms(kFutureMs);
    t->set_end_ms(kFutureMs + 3'600'000);
    t->set_room("hall");
    t->set_capacity(kind == v1::TALK_KIND_TECH_TALK ? 0 : 3);
  });
}

std::string rsvp(std::int64_t talk, bool going) {
  return make([&](v1::Envelope& e) {
    e.mutable_rsvp()->set_talk_id(talk);
    e.mutable_rsvp()->set_going(going);
  });
}

std::string ask(std::int64_t talk, const std::string& text) {
  return make([&](v1::Envelope& e) {
    e.mutable_ask_question()->set_talk_id(talk);
    e.mutable_ask_question()->set_text(text);
  });
}

std::string vote(std::int64_t question) {
  return make([&](v1::Envelope& e) { e.mutable_vote_question()->set_question_id(question); });
}

std::string mark_answered(std::int64_t question, bool answered) {
  return make([&](v1::Envelope& e) {
    e.mutable_mark_answered()->set_question_id(question);
    e.mutable_mark_answered()->set_answered(answered);
  });
}

std::string list_questions(std::int64_t talk) {
  return make([&](v1::Envelope& e) { e.mutable_list_questions()->set_talk_id(talk); });
}

std::string remove_question(std::int64_t talk, std::int64_t question) {
  return make([&](v1::Envelope& e) {
    e.mutable_remove_question()->set_talk_id(talk);
    e.mutable_remove_question()->set_question_id(question);
  });
}

std::string give_stage(std::int64_t talk, std::uint64_t user) {
  return make([&](v1::Envelope& e) {
    e.mutable_give_stage()->set_talk_id(talk);
    e.mutable_give_stage()->set_user_id(user);
  });
}

std::string raise_hand(std::int64_t talk, bool raised) {
  return make([&](v1::Envelope& e) {
    e.mutable_raise_hand()->set_talk_id(talk);
    e.mutable_raise_hand()->set_raised(raised);
  });
}

std::string next_hand(std::int64_t talk) {
  return make([&](v1::Envelope& e) { e.mutable_next_hand()->set_talk_id(talk); });
}

std::string book_seat(std::int64_t talk) {
  return make([&](v1::Envelope& e) { e.mutable_book_seat()->set_talk_id(talk); });
}

std::string cancel_seat(std::int64_t talk) {
  return make([&](v1::Envelope& e) { e.mutable_cancel_seat()->set_talk_id(talk); });
}

std::string post_notes(std::int64_t talk, const std::string& notes) {
  return make([&](v1::Envelope& e) {
    e.mutable_post_notes()->set_talk_id(talk);
    e.mutable_post_notes()->set_notes(notes);
  });
}

std::string check_in(std::string_view code, std::uint64_t user, std::int64_t roster,
                     const std::string& key) {
  return make([&](v1::Envelope& e) {
    e.mutable_check_in()->set_invite_code(std::string(code));
    e.mutable_check_in()->set_user_id(user);
    e.mutable_check_in()->set_roster_id(roster);
    e.mutable_check_in()->set_key(key);
  });
}

std::string pick_color(int color, const std::string& key) {
  return make([&](v1::Envelope& e) {
    if (color >= 0) e.mutable_pick_color()->set_color(color);
    e.mutable_pick_color()->set_key(key);
  });
}

std::string make_offer(v1::OfferKind kind, std::uint64_t to) {
  return make([&](v1::Envelope& e) {
    e.mutable_make_offer()->set_kind(kind);
    e.mutable_make_offer()->set_to_user(to);
  });
}

std::string accept_offer(std::uint64_t offer, const std::string& key) {
  return make([&](v1::Envelope& e) {
    e.mutable_accept_offer()->set_offer_id(offer);
    e.mutable_accept_offer()->set_key(key);
  });
}

std::string decline_offer(std::uint64_t offer) {
  return make([&](v1::Envelope& e) { e.mutable_decline_offer()->set_offer_id(offer); });
}

std::string set_card(const std::string& company, const std::string& link) {
  return make([&](v1::Envelope& e) {
    auto* card = e.mutable_set_card()->mutable_card();
    card->set_name("카드");
    card->set_company(company);
    card->set_role("engineer");
    card->add_links(link);
  });
}

std::string get_graduation() {
  return make([](v1::Envelope& e) { e.mutable_get_graduation(); });
}

std::string export_cards() {
  return make([](v1::Envelope& e) { e.mutable_export_cards(); });
}

std::string draw_raffle(std::int64_t raffle) {
  return make([&](v1::Envelope& e) { e.mutable_draw_raffle()->set_raffle_id(raffle); });
}

std::string voice_frame(std::uint32_t seq, std::uint32_t level) {
  return make([&](v1::Envelope& e) {
    auto* frame = e.mutable_voice_frame();
    frame->set_seq(seq);
    frame->set_opus(std::string(60, static_cast<char>(0x78)));  // an Opus-sized packet
    frame->set_level(level);
  });
}

std::string mute_voice(std::uint64_t user, bool muted) {
  return make([&](v1::Envelope& e) {
    e.mutable_mute_voice()->set_user_id(user);
    e.mutable_mute_voice()->set_muted(muted);
  });
}

}  // namespace moim::fuzz::msg
