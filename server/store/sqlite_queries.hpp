#pragma once
// Every statement the SQLite store runs, in one place next to the schema (migrations.cpp).
// Values are always bound as parameters (?1, ?2, ...), never spliced into the text. Each
// constant has static storage, which the statement cache relies on (it keys on the text).
#include <string_view>

namespace moim::store::sql {

inline constexpr std::string_view insert_invite =
    "INSERT INTO invites (code_hash, role, max_uses, uses, label, created_at_ms) "
    "VALUES (?1, ?2, ?3, 0, ?4, ?5)";
inline constexpr std::string_view find_invite =
    "SELECT id, role, max_uses, uses FROM invites WHERE code_hash = ?1";
inline constexpr std::string_view use_invite = "UPDATE invites SET uses = uses + 1 WHERE id = ?1";

inline constexpr std::string_view insert_user =
    "INSERT INTO users (display_name, role, invite_id, created_at_ms) VALUES (?1, ?2, ?3, ?4)";
inline constexpr std::string_view insert_guest =
    "INSERT INTO users (display_name, role, invite_id, created_at_ms) VALUES (?1, ?2, NULL, ?3)";
inline constexpr std::string_view find_user =
    "SELECT id, display_name, role, created_at_ms FROM users WHERE id = ?1";
inline constexpr std::string_view find_invited_user =
    "SELECT id, display_name, role, created_at_ms FROM users "
    "WHERE invite_id = ?1 AND display_name = ?2";
// Shared codes: the person this device became (index users_invite_device).
inline constexpr std::string_view find_device_user =
    "SELECT id, display_name, role, created_at_ms FROM users "
    "WHERE invite_id = ?1 AND device_hash = ?2";
// Shared codes: someone who joined before devices were recorded, not yet claimed by one.
inline constexpr std::string_view find_unclaimed_user =
    "SELECT id, display_name, role, created_at_ms FROM users "
    "WHERE invite_id = ?1 AND display_name = ?2 AND device_hash IS NULL";
inline constexpr std::string_view insert_device_user =
    "INSERT INTO users (display_name, role, invite_id, created_at_ms, device_hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view claim_user = "UPDATE users SET device_hash = ?2 WHERE id = ?1";
inline constexpr std::string_view rename_user = "UPDATE users SET display_name = ?2 WHERE id = ?1";
// Whether a name is taken on an invite by someone other than ?3 (index users_invite_name).
inline constexpr std::string_view name_taken =
    "SELECT 1 FROM users WHERE invite_id = ?1 AND display_name = ?2 AND id != ?3";

inline constexpr std::string_view insert_host_token =
    "INSERT INTO host_tokens (token_hash, role, label, created_at_ms) VALUES (?1, ?2, ?3, ?4)";
inline constexpr std::string_view find_host_token =
    "SELECT role FROM host_tokens WHERE token_hash = ?1";

inline constexpr std::string_view insert_chat =
    "INSERT INTO chat (room, user_id, display_name, text, sent_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
// Newest first so LIMIT keeps the newest; the caller reverses. Served by index chat_room_id.
inline constexpr std::string_view recent_chat =
    "SELECT id, room, user_id, display_name, text, sent_at_ms FROM chat "
    "WHERE room = ?1 ORDER BY id DESC LIMIT ?2";

// Bans and mutes share a shape; table names cannot be bound, hence one set per table.
struct SanctionQueries {
  std::string_view put;
  std::string_view lift;
  std::string_view active;
};

inline constexpr SanctionQueries bans{
    "INSERT INTO bans (user_id, until_ms, reason, by_user, created_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id) DO UPDATE SET "
    "until_ms = excluded.until_ms, reason = excluded.reason, by_user = excluded.by_user, "
    "created_at_ms = excluded.created_at_ms",
    "DELETE FROM bans WHERE user_id = ?1",
    "SELECT user_id, until_ms, reason, by_user FROM bans "
    "WHERE user_id = ?1 AND (until_ms = 0 OR until_ms > ?2)",
};
inline constexpr SanctionQueries mutes{
    "INSERT INTO mutes (user_id, until_ms, reason, by_user, created_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id) DO UPDATE SET "
    "until_ms = excluded.until_ms, reason = excluded.reason, by_user = excluded.by_user, "
    "created_at_ms = excluded.created_at_ms",
    "DELETE FROM mutes WHERE user_id = ?1",
    "SELECT user_id, until_ms, reason, by_user FROM mutes "
    "WHERE user_id = ?1 AND (until_ms = 0 OR until_ms > ?2)",
};

}  // namespace moim::store::sql
