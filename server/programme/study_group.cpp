#include "programme/study_group.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "moim/proto/text.hpp"

namespace moim::programme {

namespace {

constexpr std::array<std::string_view, 4> kKindNames{"paper_reading", "lecture_catch_up",
                                                     "company_analysis", "other"};
constexpr std::string_view kRoomPrefix = "study-";

std::string fold(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<GroupKind> group_kind_from(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<GroupKind>(i + 1);
  }
  return std::nullopt;
}

std::string_view name_of(GroupKind kind) {
  const auto i = static_cast<std::size_t>(kind) - 1;
  return i < kKindNames.size() ? kKindNames[i] : "other";
}

Status validate_new_group(const StudyGroup& g) {
  auto topic = proto::utf8_length(g.topic);
  if (!topic || proto::has_control_chars(g.topic)) {
    return Error{Errc::invalid_text, "topic must be plain text"};
  }
  if (*topic == 0 || g.topic.find_first_not_of(' ') == std::string::npos) {
    return Error{Errc::invalid_text, "a group needs a topic"};
  }
  if (*topic > kMaxTopicChars) {
    return Error{Errc::text_too_long, "topic is longer than 80 characters"};
  }
  auto description = proto::utf8_length(g.description);
  if (!description) return Error{Errc::invalid_text, "description is not valid UTF-8"};
  if (*description > kMaxDescriptionChars) {
    return Error{Errc::text_too_long, "description is longer than 2000 characters"};
  }
  if (static_cast<int>(g.kind) < 1 || static_cast<int>(g.kind) > 4) {
    return Error{Errc::bad_request, "unknown kind of group"};
  }
  if (g.capacity < kMinCapacity || g.capacity > kMaxCapacity) {
    return Error{Errc::bad_request, "capacity must be between 2 and 300"};
  }
  return validate(g.schedule);
}

Status check_join(const StudyGroup& g, bool already_member) {
  if (already_member) return Error{Errc::already_member, "you are already in " + g.topic};
  if (!g.recruiting) return Error{Errc::recruiting_closed, g.topic + " is not recruiting"};
  if (g.member_count >= g.capacity) {
    return Error{Errc::group_full,
                 g.topic + " is full (" + std::to_string(g.capacity) + " members)"};
  }
  return ok();
}

Status check_leave(const StudyGroup& g, UserId who, bool is_member) {
  if (!is_member) return Error{Errc::not_a_member, "you are not in " + g.topic};
  if (who == g.lead && g.member_count > 1) {
    return Error{Errc::lead_cannot_leave, "the lead cannot leave while others are in the group"};
  }
  return ok();
}

Status check_lead_action(const StudyGroup& g, const Actor& actor) {
  if (actor.id == g.lead || actor.is_host()) return ok();
  return Error{Errc::forbidden, "only the lead of " + g.topic + " or a host can do that"};
}

Status check_enter(const StudyGroup& g, const Actor& actor, bool is_member) {
  if (is_member || actor.is_host() || g.visitors_allowed) return ok();
  return Error{Errc::forbidden, g.topic + " is for its members; the lead has not opened it"};
}

Status check_member_action(const StudyGroup& g, const Actor& actor, bool is_member) {
  if (is_member || actor.is_host()) return ok();
  return Error{Errc::not_a_member, "only members of " + g.topic + " can do that"};
}

bool matches(const StudyGroup& g, std::string_view query) {
  const std::string haystack = fold(g.topic) + "\n" + fold(g.description) + "\n" +
                               fold(g.lead_name) + "\n" + std::string(name_of(g.kind));
  const std::string q = fold(query);
  std::size_t pos = 0;
  while (pos < q.size()) {
    const auto start = q.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    const auto end = std::min(q.find(' ', start), q.size());
    if (haystack.find(q.substr(start, end - start)) == std::string::npos) return false;
    pos = end;
  }
  return true;
}

std::string room_of(GroupId id) {
  return std::string(kRoomPrefix) + std::to_string(id);
}

std::optional<GroupId> group_of_room(std::string_view room) {
  if (!room.starts_with(kRoomPrefix)) return std::nullopt;
  const auto digits = room.substr(kRoomPrefix.size());
  GroupId id = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc{} || ptr != digits.data() + digits.size() || id <= 0) return std::nullopt;
  // One spelling per group: "study-07" would otherwise open a second room for group 7.
  if (room != room_of(id)) return std::nullopt;
  return id;
}

}  // namespace moim::programme
