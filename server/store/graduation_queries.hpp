#pragma once
// The statements of the SQLite graduation store (sqlite_graduation_store.cpp); the tables are
// made by the graduation step in migrations.cpp. Values are always bound, never spliced.
#include <string_view>

namespace moim::store::sql::grad {

inline constexpr std::string_view find_roster_by_email =
    "SELECT id, name, cohort, company FROM grad_roster WHERE email = ?1";
inline constexpr std::string_view update_roster =
    "UPDATE grad_roster SET name = ?2, cohort = ?3, company = ?4 WHERE id = ?1";
inline constexpr std::string_view insert_roster =
    "INSERT INTO grad_roster (name, email, cohort, company, invite_hash, created_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr std::string_view insert_invite =
    "INSERT INTO invites (code_hash, role, max_uses, uses, label, created_at_ms) "
    "VALUES (?1, 1, 1, 0, 'graduation roster', ?2)";
inline constexpr std::string_view roster_entry =
    "SELECT r.name, r.email, r.invite_hash, COALESCE(i.uses, 0) "
    "FROM grad_roster r LEFT JOIN invites i ON i.code_hash = r.invite_hash WHERE r.id = ?1";
inline constexpr std::string_view rehash_invite =
    "UPDATE invites SET code_hash = ?2 WHERE code_hash = ?1";
inline constexpr std::string_view rehash_roster =
    "UPDATE grad_roster SET invite_hash = ?2 WHERE id = ?1";
// Roster invites are single-use, so at most one account joined with one.
inline constexpr std::string_view roster_account =
    "SELECT u.id FROM grad_roster r JOIN invites i ON i.code_hash = r.invite_hash "
    "JOIN users u ON u.invite_id = i.id WHERE r.id = ?1 ORDER BY u.id LIMIT 1";
inline constexpr std::string_view roster =
    "SELECT r.id, r.name, r.email, r.cohort, r.company, r.invite_hash, "
    "       COALESCE(c.user_id, 0), COALESCE(c.at_ms, 0) "
    "FROM grad_roster r LEFT JOIN grad_checkins c ON c.roster_id = r.id ORDER BY r.id";

inline constexpr std::string_view find_request =
    "SELECT action, ref, COALESCE(digest, '') FROM grad_requests "
    "WHERE user_id = ?1 AND request_key = ?2";
inline constexpr std::string_view insert_request =
    "INSERT INTO grad_requests (user_id, request_key, action, ref, at_ms, digest) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr std::string_view insert_checkin =
    "INSERT INTO grad_checkins (roster_id, user_id, at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view insert_color =
    "INSERT INTO grad_colors (user_id, color, at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view colors = "SELECT user_id, color FROM grad_colors";

inline constexpr std::string_view insert_exchange =
    "INSERT INTO grad_exchanges (user_a, user_b, color_a, color_b, at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view exchanges =
    "SELECT id, user_a, user_b, color_a, color_b, at_ms FROM grad_exchanges ORDER BY id";
inline constexpr std::string_view exchange =
    "SELECT id, user_a, user_b, color_a, color_b, at_ms FROM grad_exchanges WHERE id = ?1";

inline constexpr std::string_view insert_card_swap =
    "INSERT INTO grad_card_swaps (user_a, user_b, at_ms) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view card_swaps =
    "SELECT id, user_a, user_b, at_ms FROM grad_card_swaps ORDER BY id";

inline constexpr std::string_view put_card =
    "INSERT INTO grad_cards (user_id, name, company, role, links) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, company = excluded.company, "
    "role = excluded.role, links = excluded.links";
inline constexpr std::string_view cards =
    "SELECT user_id, name, company, role, links FROM grad_cards ORDER BY user_id";

inline constexpr std::string_view clear_palette = "DELETE FROM grad_palette";
inline constexpr std::string_view insert_palette =
    "INSERT INTO grad_palette (idx, name, rgb) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view palette = "SELECT name, rgb FROM grad_palette ORDER BY idx";

inline constexpr std::string_view insert_raffle =
    "INSERT INTO grad_raffles (winners, extra_every, seed_hex, commitment, created_at_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view draw_raffle =
    "UPDATE grad_raffles SET drawn_at_ms = ?2, tickets = ?3, winner_ids = ?4 "
    "WHERE id = ?1 AND drawn_at_ms IS NULL";
inline constexpr std::string_view raffle =
    "SELECT id, winners, extra_every, seed_hex, commitment, created_at_ms, "
    "COALESCE(drawn_at_ms, 0), COALESCE(tickets, ''), COALESCE(winner_ids, '') "
    "FROM grad_raffles WHERE id = ?1";
inline constexpr std::string_view raffles =
    "SELECT id, winners, extra_every, seed_hex, commitment, created_at_ms, "
    "COALESCE(drawn_at_ms, 0), COALESCE(tickets, ''), COALESCE(winner_ids, '') "
    "FROM grad_raffles ORDER BY id";

}  // namespace moim::store::sql::grad
