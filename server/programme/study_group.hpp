#pragma once
// Study groups: attendees organise themselves. A lead creates a group with a topic, a kind, a
// schedule and a capacity; others join while recruiting is open and there is room; the lead (or
// a host) can close recruiting and decide whether non-members may visit the group's room.
// Every rule here is a pure function of the group and who asks, so the store, the protocol and
// the host API enforce exactly the same thing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "programme/focus_timer.hpp"
#include "programme/schedule.hpp"

namespace moim::programme {

using moim::Role;
using moim::UserId;
using GroupId = std::int64_t;

enum class GroupKind : std::uint8_t {
  paper_reading = 1,
  lecture_catch_up = 2,
  company_analysis = 3,
  other = 4
};
std::optional<GroupKind> group_kind_from(std::string_view name);  // "paper_reading", ...
std::string_view name_of(GroupKind kind);

inline constexpr std::size_t kMaxTopicChars = 80;
inline constexpr std::size_t kMaxDescriptionChars = 2000;
inline constexpr int kMinCapacity = 2;
inline constexpr int kMaxCapacity = 300;
// What a new group gets for what its lead left out (the protocol's one set of defaults).
inline constexpr GroupKind kDefaultKind = GroupKind::other;
inline constexpr int kDefaultCapacity = 10;
inline constexpr std::string_view kDefaultDays = "daily";
inline constexpr std::string_view kDefaultTimes = "21:00-24:00";

struct StudyGroup {
  GroupId id = 0;
  std::string topic;
  GroupKind kind = GroupKind::other;
  std::string description;
  Schedule schedule;
  int capacity = 10;  // members, the lead included
  UserId lead = 0;
  std::string lead_name;
  bool recruiting = true;
  bool visitors_allowed = false;  // may non-members enter the group's room?
  int member_count = 0;           // the lead included
  FocusTimer timer;               // the room's shared focus timer, stored with the group
  Millis created_at_ms = 0;
};

// Who is asking, as far as group rules care.
struct Actor {
  UserId id = 0;
  Role role = Role::attendee;
  bool is_host() const { return role != Role::attendee; }
};

// A new group from a lead: topic and description text, capacity range, a valid schedule.
Status validate_new_group(const StudyGroup& group);
Status check_join(const StudyGroup& group, bool already_member);
Status check_leave(const StudyGroup& group, UserId who, bool is_member);
// Closing/reopening recruiting, allowing visitors, exporting attendance: the lead or a host.
Status check_lead_action(const StudyGroup& group, const Actor& actor);
// Entering the group's room: members, hosts, and anyone when visitors are allowed. Checked
// again whenever access or membership changes, for everyone already in the room.
Status check_enter(const StudyGroup& group, const Actor& actor, bool is_member);
// Starting or stopping the focus timer: members and hosts.
Status check_member_action(const StudyGroup& group, const Actor& actor, bool is_member);

// Search in topic, description and lead name: every whitespace-separated word of `query` must
// appear (ASCII letters compared without case; Hangul as written). An empty query matches all.
bool matches(const StudyGroup& group, std::string_view query);

// Each group has its own room, an instance of the study-room map: "study-<id>".
std::string room_of(GroupId id);
std::optional<GroupId> group_of_room(std::string_view room);

}  // namespace moim::programme
