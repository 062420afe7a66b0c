#pragma once
// The domain's error codes, and the one place that names them. The name is what the JSON API
// sends ("no_such_room") and, upper-cased behind "ERROR_CODE_", the proto's ErrorCode with the
// same number; net/convert.cpp maps Errc to ErrorCode by that number, and
// tests/net/error_codes_test.cpp checks that numbers and names agree in both directions.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace moim {

enum class Errc : std::uint8_t {
  bad_request = 1,
  unsupported_version = 2,
  not_joined = 3,
  already_joined = 4,
  invalid_name = 5,
  invalid_invite = 6,
  room_full = 7,
  no_such_room = 8,
  move_blocked = 9,
  move_too_fast = 10,
  text_too_long = 11,
  rate_limited = 12,
  forbidden = 13,
  no_such_user = 14,
  muted = 15,
  banned = 16,
  quiet_zone = 17,
  invalid_text = 18,
  resume_expired = 19,
  internal = 20,
  // 21 is the proto's ERROR_CODE_UNKNOWN_MESSAGE, which only the envelope decoder sends: no
  // domain code means "no message this server knows".
  not_hello = 22,
  recipient_unavailable = 23,

  // Study rooms and the tech-talk hall: 30–49.
  invalid_schedule = 30,
  no_such_group = 31,
  group_full = 32,
  recruiting_closed = 33,
  not_a_member = 34,
  already_member = 35,
  lead_cannot_leave = 36,
  no_such_talk = 37,
  session_over = 38,
  no_such_question = 39,
  already_voted = 40,
  no_seats = 41,
  already_booked = 42,
  not_booked = 43,
  hand_queue_empty = 44,
  limit_reached = 45,  // as many groups or questions as the server allows
  // Graduation day: 50–69.
  not_on_roster = 50,
  not_checked_in = 51,
  wrong_place = 52,  // not at the check-in desk / sticker booth
  color_already_picked = 53,
  no_color = 54,  // pick a colour first
  same_color = 55,
  not_near = 56,           // another room or outside the proximity radius
  already_exchanged = 57,  // one exchange (or card swap) per pair of people
  offer_expired = 58,
  no_such_offer = 59,  // unknown, or addressed to someone else
  with_yourself = 60,
  invalid_csv = 61,
  raffle_state = 62,  // unknown raffle, already drawn, nothing to draw
  invalid_card = 63,
  unknown_color = 64,
  conflict = 65,  // the request key was used for a different request
};

namespace detail {

// A switch without a default: with -Wswitch (in -Wall, an error under MOIM_WERROR) a new
// enumerator does not compile until it has a name here. Empty for a number that is no Errc.
constexpr std::string_view errc_name_or_empty(Errc code) {
  switch (code) {
    case Errc::bad_request:
      return "bad_request";
    case Errc::unsupported_version:
      return "unsupported_version";
    case Errc::not_joined:
      return "not_joined";
    case Errc::already_joined:
      return "already_joined";
    case Errc::invalid_name:
      return "invalid_name";
    case Errc::invalid_invite:
      return "invalid_invite";
    case Errc::room_full:
      return "room_full";
    case Errc::no_such_room:
      return "no_such_room";
    case Errc::move_blocked:
      return "move_blocked";
    case Errc::move_too_fast:
      return "move_too_fast";
    case Errc::text_too_long:
      return "text_too_long";
    case Errc::rate_limited:
      return "rate_limited";
    case Errc::forbidden:
      return "forbidden";
    case Errc::no_such_user:
      return "no_such_user";
    case Errc::muted:
      return "muted";
    case Errc::banned:
      return "banned";
    case Errc::quiet_zone:
      return "quiet_zone";
    case Errc::invalid_text:
      return "invalid_text";
    case Errc::resume_expired:
      return "resume_expired";
    case Errc::internal:
      return "internal";
    case Errc::not_hello:
      return "not_hello";
    case Errc::recipient_unavailable:
      return "recipient_unavailable";
    case Errc::invalid_schedule:
      return "invalid_schedule";
    case Errc::no_such_group:
      return "no_such_group";
    case Errc::group_full:
      return "group_full";
    case Errc::recruiting_closed:
      return "recruiting_closed";
    case Errc::not_a_member:
      return "not_a_member";
    case Errc::already_member:
      return "already_member";
    case Errc::lead_cannot_leave:
      return "lead_cannot_leave";
    case Errc::no_such_talk:
      return "no_such_talk";
    case Errc::session_over:
      return "session_over";
    case Errc::no_such_question:
      return "no_such_question";
    case Errc::already_voted:
      return "already_voted";
    case Errc::no_seats:
      return "no_seats";
    case Errc::already_booked:
      return "already_booked";
    case Errc::not_booked:
      return "not_booked";
    case Errc::hand_queue_empty:
      return "hand_queue_empty";
    case Errc::limit_reached:
      return "limit_reached";
    case Errc::not_on_roster:
      return "not_on_roster";
    case Errc::not_checked_in:
      return "not_checked_in";
    case Errc::wrong_place:
      return "wrong_place";
    case Errc::color_already_picked:
      return "color_already_picked";
    case Errc::no_color:
      return "no_color";
    case Errc::same_color:
      return "same_color";
    case Errc::not_near:
      return "not_near";
    case Errc::already_exchanged:
      return "already_exchanged";
    case Errc::offer_expired:
      return "offer_expired";
    case Errc::no_such_offer:
      return "no_such_offer";
    case Errc::with_yourself:
      return "with_yourself";
    case Errc::invalid_csv:
      return "invalid_csv";
    case Errc::raffle_state:
      return "raffle_state";
    case Errc::invalid_card:
      return "invalid_card";
    case Errc::unknown_color:
      return "unknown_color";
    case Errc::conflict:
      return "conflict";
  }
  return {};
}

}  // namespace detail

// The code's name as the JSON API sends it ("bad_request", "forbidden", ...); "error" for a
// number that is no Errc.
constexpr std::string_view errc_name(Errc code) {
  const auto name = detail::errc_name_or_empty(code);
  return name.empty() ? std::string_view{"error"} : name;
}

// The Errc with this number, or nullopt when no code has it.
constexpr std::optional<Errc> errc_from_number(int number) {
  if (number < 0 || number > 255) return std::nullopt;
  const auto code = static_cast<Errc>(number);
  if (detail::errc_name_or_empty(code).empty()) return std::nullopt;
  return code;
}

namespace detail {

constexpr std::size_t errc_count() {
  std::size_t count = 0;
  for (int number = 0; number <= 255; ++number) {
    if (errc_from_number(number)) ++count;
  }
  return count;
}

constexpr std::array<Errc, errc_count()> all_errc() {
  std::array<Errc, errc_count()> all{};
  std::size_t next = 0;
  for (int number = 0; number <= 255; ++number) {
    if (const auto code = errc_from_number(number)) all[next++] = *code;
  }
  return all;
}

}  // namespace detail

// Every code in ascending order, for tests and tables that must cover them all. Computed from
// the switch above, so a new code cannot be left out.
inline constexpr auto kAllErrc = detail::all_errc();
static_assert(kAllErrc.size() == 54,
              "a new Errc needs a proto ErrorCode with the same number "
              "and name (proto/moim.proto); then raise this count");

}  // namespace moim
