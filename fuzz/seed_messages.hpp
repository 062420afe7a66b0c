#pragma once
// One encoded client message of each kind, with plausible contents, for the seed corpora.
#include <cstdint>
#include <string>
#include <string_view>

#include "moim/v1/moim.pb.h"

namespace moim::fuzz::msg {

std::string hello();
// Signs in as `name` with `invite` (a shared code needs the device key, which is derived from
// the name, so the same name is the same device).
std::string join(std::string_view name, std::string_view invite = "", std::string_view room = "");
std::string move(int x, int y, std::uint32_t seq);
std::string chat(v1::ChatScope scope, const std::string& text, std::uint64_t to = 0);
std::string status(v1::Status s);
std::string ping();
std::string list_online();
std::string locate(std::uint64_t user);
std::string resume(const std::string& token);
std::string moderate(v1::ModerationAction action, std::uint64_t user, std::uint32_t seconds);

// Study groups.
std::string create_group(const std::string& topic);
std::string list_groups(bool mine);
std::string join_group(std::int64_t id);
std::string leave_group(std::int64_t id);
std::string remove_group(std::int64_t id);
std::string set_access(std::int64_t id, bool recruiting, bool visitors);
std::string enter_room(std::string_view room);
std::string start_timer(std::int64_t group, std::uint32_t focus, std::uint32_t rest);
std::string stop_timer(std::int64_t group);
std::string get_timer(std::int64_t group);

// The hall.
std::string list_talks();
std::string schedule_talk(v1::TalkKind kind, const std::string& title);
std::string rsvp(std::int64_t talk, bool going);
std::string ask(std::int64_t talk, const std::string& text);
std::string vote(std::int64_t question);
std::string mark_answered(std::int64_t question, bool answered);
std::string list_questions(std::int64_t talk);
std::string remove_question(std::int64_t talk, std::int64_t question);
std::string give_stage(std::int64_t talk, std::uint64_t user);
std::string raise_hand(std::int64_t talk, bool raised);
std::string next_hand(std::int64_t talk);
std::string book_seat(std::int64_t talk);
std::string cancel_seat(std::int64_t talk);
std::string post_notes(std::int64_t talk, const std::string& notes);

// Graduation day.
std::string check_in(std::string_view code, std::uint64_t user, std::int64_t roster,
                     const std::string& key);
std::string pick_color(int color, const std::string& key);
std::string make_offer(v1::OfferKind kind, std::uint64_t to);
std::string accept_offer(std::uint64_t offer, const std::string& key);
std::string decline_offer(std::uint64_t offer);
std::string set_card(const std::string& company, const std::string& link);
std::string get_graduation();
std::string export_cards();
std::string draw_raffle(std::int64_t raffle);
std::string voice_frame(std::uint32_t seq, std::uint32_t level);
std::string mute_voice(std::uint64_t user, bool muted);

}  // namespace moim::fuzz::msg
