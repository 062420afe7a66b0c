#include "seeds.hpp"

#include <cstdlib>
#include <optional>

#include "dispatch_world.hpp"
#include "moim/world/pathfind.hpp"
#include "seed_messages.hpp"

namespace moim::fuzz {

namespace {

using namespace msg;

// A conversation being written: who says what on which connection.
class Script {
 public:
  void say(std::uint8_t connection, const std::string& message) {
    add_message(bytes_, connection, message);
  }
  void drop(std::uint8_t connection) { add_drop(bytes_, connection); }
  void arrive(std::uint8_t connection, const Person& who, std::string_view room) {
    say(connection, hello());
    say(connection, join(who.name, who.invite, room));
  }
  // Walks `user` (who has just arrived in `room`, at the spot the room gives them) to the
  // `n`-th tile of the first zone of `kind`, one step per move.
  world::TilePos walk(std::uint8_t connection, std::uint64_t user, std::string_view room,
                      world::ZoneKind kind, int n, std::optional<world::TilePos> from = {}) {
    const world::Map* map = shipped_maps().find(std::string(room));
    if (map == nullptr) std::abort();
    const auto start = from ? *from : map->spawn_point({}, static_cast<std::uint32_t>(user));
    const auto goal = zone_tile(*map, kind, n);
    for (const auto& step : world::find_path(*map, start, goal)) {
      say(connection, move(step.x, step.y, seq_++));
    }
    return goal;
  }
  std::string take() { return std::move(bytes_); }

 private:
  static world::TilePos zone_tile(const world::Map& map, world::ZoneKind kind, int n) {
    for (int y = 0; y < map.height(); ++y) {
      for (int x = 0; x < map.width(); ++x) {
        const world::TilePos p{x, y};
        if (map.walkable(p) && map.zone_at(p, kind) && n-- == 0) return p;
      }
    }
    std::abort();  // the shipped map lost its zone: the seed would aim at nothing
  }

  std::string bytes_;
  std::uint32_t seq_ = 1;
};

// One person: hello, join, a few steps, the everyday requests.
std::string walk() {
  Script s;
  s.arrive(0, kAttendee, "");
  for (int i = 0; i < 4; ++i) s.say(0, move(10 + i, 10, static_cast<std::uint32_t>(i)));
  s.say(0, chat(v1::CHAT_SCOPE_ROOM, "room chat"));
  s.say(0, chat(v1::CHAT_SCOPE_NEARBY, "nearby chat"));
  s.say(0, status(v1::STATUS_DO_NOT_DISTURB));
  s.say(0, ping());
  s.say(0, list_online());
  s.say(0, locate(kHost.id));
  return s.take();
}

// A host, an attendee and a guest: direct chat, locating the host, then mute, kick and ban.
std::string hosted() {
  constexpr std::uint64_t guest = kPeer.id + 1;  // the first account made during an input
  Script s;
  s.arrive(0, kHost, "");
  s.arrive(1, kAttendee, "");
  s.say(2, hello());
  s.say(2, join("손님", "", "hall"));
  s.say(1, chat(v1::CHAT_SCOPE_DIRECT, "안녕", kHost.id));
  s.say(1, locate(kHost.id));
  s.say(0, moderate(v1::MODERATION_ACTION_MUTE, kAttendee.id, 30));
  s.say(1, chat(v1::CHAT_SCOPE_ROOM, "muted?"));
  s.say(0, moderate(v1::MODERATION_ACTION_UNMUTE, kAttendee.id, 0));
  s.say(0, moderate(v1::MODERATION_ACTION_KICK, guest, 0));
  s.say(0, moderate(v1::MODERATION_ACTION_BAN, kAttendee.id, 0));
  s.say(1, moderate(v1::MODERATION_ACTION_BAN, kHost.id, 0));
  return s.take();
}

// Two people side by side talk; the host mutes one, who talks on; an attendee tries to mute.
std::string voice() {
  Script s;
  s.arrive(0, kHost, "");
  s.arrive(1, kAttendee, "");
  for (std::uint32_t i = 0; i < 3; ++i) s.say(1, voice_frame(i, 40));
  s.say(0, voice_frame(0, 90));
  s.say(0, mute_voice(kAttendee.id, true));
  s.say(1, voice_frame(3, 40));
  s.say(1, mute_voice(kHost.id, true));
  s.say(0, mute_voice(kAttendee.id, false));
  return s.take();
}

// The same person twice (the second replaces the first), drops and comes back.
std::string replaced() {
  Script s;
  s.arrive(0, kPeer, "");
  s.arrive(1, kPeer, "study-room");
  s.drop(1);
  s.say(1, hello());
  s.say(1, resume("not-a-token"));
  s.say(1, join(kPeer.name, kPeer.invite));
  s.say(0, chat(v1::CHAT_SCOPE_ROOM, "still here?"));
  return s.take();
}

// Study groups: the attendee starts one, their peer joins and leaves, the prepared group's room
// and focus timer, a host removes the new group.
std::string study() {
  Script s;
  s.arrive(0, kHost, "");
  s.arrive(1, kAttendee, "");
  s.arrive(2, kPeer, "");
  s.say(1, list_groups(false));
  s.say(1, create_group("논문 읽기"));
  s.say(2, join_group(kGroup + 1));
  s.say(1, list_groups(true));
  s.say(1, set_access(kGroup + 1, false, true));
  s.say(2, enter_room("study-2"));
  s.say(1, enter_room(kGroupRoom));
  s.say(1, start_timer(kGroup, 25, 5));
  s.say(1, get_timer(kGroup));
  s.say(0, enter_room(kGroupRoom));
  s.say(0, stop_timer(kGroup));
  s.say(2, leave_group(kGroup + 1));
  s.say(0, remove_group(kGroup + 1));
  s.say(1, leave_group(kGroup));
  return s.take();
}

// The hall during a live session: RSVPs, questions and votes, hands and the stage, seats for
// office hours (the third is waitlisted, then promoted), notes, a new session.
std::string hall() {
  Script s;
  s.arrive(0, kHost, "hall");
  s.arrive(1, kAttendee, "hall");
  s.arrive(2, kPeer, "hall");
  s.say(2, list_talks());
  s.say(2, rsvp(kTalk, true));
  s.say(2, ask(kTalk, "퍼저는 얼마나 빠른가요?"));
  s.say(1, vote(kQuestion + 1));
  s.say(2, vote(kQuestion));
  s.say(1, list_questions(kTalk));
  s.say(0, mark_answered(kQuestion, true));
  s.say(0, remove_question(kTalk, kQuestion + 1));
  s.say(1, raise_hand(kTalk, true));
  s.say(2, raise_hand(kTalk, true));
  s.say(2, raise_hand(kTalk, false));
  s.say(0, next_hand(kTalk));
  s.say(0, give_stage(kTalk, kPeer.id));
  s.say(1, book_seat(kOfficeHours));
  s.say(2, book_seat(kOfficeHours));
  s.say(0, book_seat(kOfficeHours));
  s.say(1, cancel_seat(kOfficeHours));
  s.say(0, post_notes(kTalk, "slides: https://example.com/fuzz"));
  s.say(0, schedule_talk(v1::TALK_KIND_RESUME_CLINIC, "이력서 클리닉"));
  s.say(1, rsvp(kTalk, false));
  return s.take();
}

// Graduation day on the first floor: a host checks the attendee in at the desk, the graduate
// checks themselves in, both pick a sticker colour at the booth, offer and swap, set a card; a
// host draws the raffle.
std::string graduation_day() {
  constexpr std::string_view floor = "graduation-1f";
  constexpr Person graduate{"졸업생", kGraduateInvite, kGraduateId};
  Script s;
  s.arrive(0, kHost, floor);
  s.arrive(1, kAttendee, floor);
  s.arrive(2, graduate, floor);
  auto at = s.walk(1, kAttendee.id, floor, world::ZoneKind::checkin, 0);
  s.say(0, check_in("", kAttendee.id, kRosterAttendee, "k-host-1"));
  auto grad_at = s.walk(2, graduate.id, floor, world::ZoneKind::checkin, 1);
  s.say(2, check_in("", 0, 0, "k-grad-1"));
  s.say(2, check_in(kGraduateInvite, 0, 0, "k-grad-2"));
  at = s.walk(1, kAttendee.id, floor, world::ZoneKind::sticker_booth, 0, at);
  s.walk(2, graduate.id, floor, world::ZoneKind::sticker_booth, 1, grad_at);
  s.say(1, pick_color(1, "k-pick-1"));
  s.say(2, pick_color(-1, "k-pick-2"));
  s.say(1, get_graduation());
  s.say(1, make_offer(v1::OFFER_KIND_EXCHANGE, graduate.id));
  s.say(2, set_card("moim", "https://example.com/grad"));
  s.say(2, make_offer(v1::OFFER_KIND_CARD, kAttendee.id));
  // Offer ids come from the clock, so these name offers that do not exist.
  s.say(2, accept_offer(1, "k-accept-1"));
  s.say(1, decline_offer(2));
  s.say(1, export_cards());
  s.say(0, draw_raffle(kRaffle));
  s.say(1, draw_raffle(kRaffle));
  return s.take();
}

}  // namespace

std::vector<Seed> envelope_seeds() {
  return {
      {"hello", hello()},
      {"join", join(kAttendee.name, kAttendee.invite)},
      {"move", move(5, 6, 3)},
      {"chat-room", chat(v1::CHAT_SCOPE_ROOM, "안녕하세요")},
      {"chat-direct", chat(v1::CHAT_SCOPE_DIRECT, "psst", kHost.id)},
      {"status", status(v1::STATUS_BUSY)},
      {"ping", ping()},
      {"list-online", list_online()},
      {"locate", locate(kHost.id)},
      {"resume", resume("not-a-token")},
      {"moderate", moderate(v1::MODERATION_ACTION_MUTE, kAttendee.id, 60)},
      {"create-group", create_group("스터디")},
      {"schedule-talk", schedule_talk(v1::TALK_KIND_TECH_TALK, "talk")},
      {"ask", ask(kTalk, "question?")},
      {"check-in", check_in(kGraduateInvite, 0, 0, "key")},
      {"set-card", set_card("moim", "mailto:grad@example.com")},
  };
}

std::vector<Seed> dispatch_seeds() {
  std::vector<Seed> seeds = {
      {"walk", walk()},   {"hosted", hosted()}, {"replaced", replaced()},
      {"study", study()}, {"hall", hall()},     {"graduation", graduation_day()},
      {"voice", voice()},
  };
  for (const char* room :
       {"lobby", "study-room", "hall", "graduation-1f", "graduation-2f", "bigmap"}) {
    Script visit;
    visit.say(0, hello());
    visit.say(0, join("방문자", "", room));
    visit.say(0, chat(v1::CHAT_SCOPE_ROOM, room));
    seeds.push_back({std::string("visit-") + room, visit.take()});
  }
  return seeds;
}

}  // namespace moim::fuzz
