#pragma once
// The roles, defined once: their names, and what each may hold. The admin CLI, the store and the
// host API all ask this table, so a role cannot mean one thing on the command line and another
// behind a bearer token.
//
// An attendee has no host-API token: nothing in the API is for attendees (they use the client),
// so the store refuses to create one and the router answers 403 to any such row an older
// database may hold.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace moim {

enum class Role : std::uint8_t { attendee = 1, host = 2, admin = 3 };

struct RoleInfo {
  Role role;
  std::string_view name;
  bool token;   // may hold a bearer token for the host API
  bool invite;  // an invite code may let someone in with this role
  // The least role whose API token may create an invite with this role; none: only the admin
  // CLI on the server's machine can.
  std::optional<Role> invited_over_api_by;
};

inline constexpr std::array<RoleInfo, 3> kRoles{{
    {Role::attendee, "attendee", false, true, Role::host},
    {Role::host, "host", true, true, Role::admin},
    {Role::admin, "admin", true, true, std::nullopt},
}};

constexpr const RoleInfo& role_info(Role role) {
  for (const auto& info : kRoles) {
    if (info.role == role) return info;
  }
  return kRoles.front();  // unreachable: every Role is in the table
}

constexpr std::string_view role_name(Role role) {
  return role_info(role).name;
}

// The role called `name` exactly (lower case, as the table spells it).
constexpr std::optional<Role> role_named(std::string_view name) {
  for (const auto& info : kRoles) {
    if (info.name == name) return info.role;
  }
  return std::nullopt;
}

constexpr bool may_hold_token(Role role) {
  return role_info(role).token;
}
constexpr bool may_hold_invite(Role role) {
  return role_info(role).invite;
}

// Whether a caller whose token has `caller` may create an invite for `role` over the API.
constexpr bool may_invite_over_api(Role caller, Role role) {
  const auto least = role_info(role).invited_over_api_by;
  return least && caller >= *least;
}

// The names of the roles where `RoleInfo::*field` is set, for messages: "host or admin".
inline std::string role_names(bool RoleInfo::*field) {
  std::string out;
  std::size_t left = 0;
  for (const auto& info : kRoles) left += info.*field ? 1 : 0;
  for (const auto& info : kRoles) {
    if (!(info.*field)) continue;
    out += info.name;
    --left;
    if (left > 1) out += ", ";
    if (left == 1) out += " or ";
  }
  return out;
}

// Every role's name: "attendee, host or admin".
inline std::string role_names() {
  std::string out;
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (i > 0) out += i + 1 == kRoles.size() ? " or " : ", ";
    out += kRoles[i].name;
  }
  return out;
}

}  // namespace moim
