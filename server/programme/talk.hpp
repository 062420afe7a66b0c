#pragma once
// The tech-talk hall's programme: sessions scheduled by hosts (tech talks, office hours, resume
// clinics), RSVPs, and the notes a host posts afterwards. Pure rules; the store keeps the data.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "programme/schedule.hpp"
#include "programme/study_group.hpp"

namespace moim::programme {

using TalkId = std::int64_t;

enum class TalkKind : std::uint8_t { tech_talk = 1, office_hours = 2, resume_clinic = 3 };
std::optional<TalkKind> talk_kind_from(std::string_view name);  // "tech_talk", ...
std::string_view name_of(TalkKind kind);
// Office hours and clinics have a few first-come seats; a tech talk has an audience.
bool has_seats(TalkKind kind);

inline constexpr std::size_t kMaxTitleChars = 120;
inline constexpr std::size_t kMaxPersonChars = 60;  // speaker, company
inline constexpr std::size_t kMaxNotesChars = 10000;
inline constexpr int kMaxTalkCapacity = 1000;

struct Talk {
  TalkId id = 0;
  TalkKind kind = TalkKind::tech_talk;
  std::string title;
  std::string speaker;
  std::string company;
  Millis start_ms = 0;  // UTC
  Millis end_ms = 0;
  std::string room = "hall";
  // Seats for office hours and clinics; for a tech talk the most RSVPs taken (0 = no limit).
  int capacity = 0;
  std::string notes;        // posted by a host after the session: text with links
  UserId speaker_user = 0;  // the speaker's account, if they have one (0 = not linked)
  Millis created_at_ms = 0;
  Millis updated_at_ms = 0;
  // Filled by the store when listing.
  int rsvp_count = 0;
  int booked = 0;  // confirmed seats
  int waitlisted = 0;
};

// Every host action on the programme: scheduling, editing, marking answered, giving the stage,
// posting notes. Attendees get forbidden.
Status check_host(Role role);
// Title, speaker and company text; end after start, at most 12 hours; room non-empty;
// capacity 0..1000, and at least 1 for kinds with seats.
Status validate_talk(const Talk& talk);
Status validate_notes(std::string_view notes);

enum class TalkPhase : std::uint8_t { upcoming, live, over };
TalkPhase phase_at(const Talk& talk, Millis now_ms);

// RSVPs are taken until the session ends, and within a tech talk's RSVP limit.
Status check_rsvp(const Talk& talk, Millis now_ms, int rsvps_now, bool already);

}  // namespace moim::programme
