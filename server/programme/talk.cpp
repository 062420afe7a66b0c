#include "programme/talk.hpp"

#include <array>

#include "moim/proto/text.hpp"

namespace moim::programme {

namespace {

constexpr std::array<std::string_view, 3> kKindNames{"tech_talk", "office_hours", "resume_clinic"};
constexpr Millis kHour = 3'600'000;

Status check_text(std::string_view field, std::string_view text, std::size_t max_chars,
                  bool required) {
  auto length = proto::utf8_length(text);
  if (!length || proto::has_control_chars(text)) {
    return Error{Errc::invalid_text, std::string(field) + " must be plain text on one line"};
  }
  if (required && text.find_first_not_of(' ') == std::string_view::npos) {
    return Error{Errc::bad_request, std::string(field) + " is required"};
  }
  if (*length > max_chars) {
    return Error{Errc::text_too_long, std::string(field) + " is longer than " +
                                          std::to_string(max_chars) + " characters"};
  }
  return ok();
}

}  // namespace

std::optional<TalkKind> talk_kind_from(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<TalkKind>(i + 1);
  }
  return std::nullopt;
}

std::string_view name_of(TalkKind kind) {
  const auto i = static_cast<std::size_t>(kind) - 1;
  return i < kKindNames.size() ? kKindNames[i] : "tech_talk";
}

bool has_seats(TalkKind kind) {
  return kind == TalkKind::office_hours || kind == TalkKind::resume_clinic;
}

Status check_host(Role role) {
  if (role == Role::host || role == Role::admin) return ok();
  return Error{Errc::forbidden, "only hosts run the programme"};
}

Status validate_talk(const Talk& t) {
  if (static_cast<int>(t.kind) < 1 || static_cast<int>(t.kind) > 3) {
    return Error{Errc::bad_request, "kind must be tech_talk, office_hours or resume_clinic"};
  }
  if (auto s = check_text("title", t.title, kMaxTitleChars, true); !s) return s;
  if (auto s = check_text("speaker", t.speaker, kMaxPersonChars, false); !s) return s;
  if (auto s = check_text("company", t.company, kMaxPersonChars, false); !s) return s;
  if (auto s = check_text("room", t.room, 64, true); !s) return s;
  if (t.start_ms <= 0 || t.end_ms <= t.start_ms) {
    return Error{Errc::invalid_schedule, "a session must end after it starts"};
  }
  if (t.end_ms - t.start_ms > 12 * kHour) {
    return Error{Errc::invalid_schedule, "a session lasts at most 12 hours"};
  }
  if (t.capacity < 0 || t.capacity > kMaxTalkCapacity) {
    return Error{Errc::bad_request, "capacity must be between 0 and 1000"};
  }
  if (has_seats(t.kind) && t.capacity < 1) {
    return Error{Errc::bad_request, "office hours and clinics need at least one seat"};
  }
  return validate_notes(t.notes);
}

Status validate_notes(std::string_view notes) {
  auto length = proto::utf8_length(notes);
  if (!length) return Error{Errc::invalid_text, "notes are not valid UTF-8"};
  if (*length > kMaxNotesChars) {
    return Error{Errc::text_too_long, "notes are longer than 10000 characters"};
  }
  return ok();
}

TalkPhase phase_at(const Talk& t, Millis now_ms) {
  if (now_ms < t.start_ms) return TalkPhase::upcoming;
  return now_ms < t.end_ms ? TalkPhase::live : TalkPhase::over;
}

Status check_rsvp(const Talk& t, Millis now_ms, int rsvps_now, bool already) {
  if (already) return ok();  // RSVPing twice is the same RSVP
  if (phase_at(t, now_ms) == TalkPhase::over) {
    return Error{Errc::session_over, "'" + t.title + "' is over"};
  }
  if (t.kind == TalkKind::tech_talk && t.capacity > 0 && rsvps_now >= t.capacity) {
    return Error{Errc::group_full, "'" + t.title + "' has no room for more RSVPs"};
  }
  return ok();
}

}  // namespace moim::programme
