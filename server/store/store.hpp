#pragma once
// The store: everything a person would be upset to lose, written before it is acknowledged.
// An interface so a PostgreSQL store can follow; SQLite (WAL) is the embedded default and the
// only implementation today (sqlite_store.hpp). Implementations are thread-safe: rooms on
// different strands call them concurrently.
//
// Features keep their own store interface beside their rules (e.g. programme/programme_store.hpp
// for study groups and talks), so the rules never include the store and this header does not grow
// with every feature. HOW TO ADD ONE: declare the interface in <feature>/<feature>_store.hpp,
// implement it over the shared connection in
// store/sqlite_<feature>_store.cpp (see sqlite_database.hpp: one mutex and statement cache for
// every store of the file, so transactions never interleave), add its tables as a migration
// step, and give Store an accessor `virtual <Feature>Store& <feature>() = 0;` that SqliteStore
// answers with the instance it built on its Database.
//
// Secrets (invite codes, host tokens) are never stored in clear: only their SHA-256, looked up
// by hash, so a copied database does not let anyone in and lookups do not leak timing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "graduation/graduation_store.hpp"
#include "room/chat_archive.hpp"

namespace moim::programme {
class ProgrammeStore;  // programme/programme_store.hpp
}

namespace moim::store {

// Ids and roles belong to core, since the rules use them too; the layers above the store keep
// calling them by their store:: names.
using moim::kRoles;
using moim::may_hold_invite;
using moim::may_hold_token;
using moim::may_invite_over_api;
using moim::Role;
using moim::role_info;
using moim::role_name;
using moim::role_named;
using moim::role_names;
using moim::RoleInfo;
using moim::UserId;
using room::ChatRecord;
// Graduation keeps its store interface beside its rules; the layers above name its raffle here.
using graduation::GraduationStore;
using graduation::RaffleRecord;

// Limits of Join.device_key, in bytes: long enough to be unguessable, short enough to hash.
inline constexpr std::size_t kMinDeviceKeyBytes = 16;
inline constexpr std::size_t kMaxDeviceKeyBytes = 128;

struct User {
  UserId id = 0;
  std::string display_name;
  Role role = Role::attendee;
  std::int64_t created_at_ms = 0;  // UTC
};

// A ban or a mute. until_ms == 0 means until lifted.
struct Sanction {
  UserId user_id = 0;
  std::int64_t until_ms = 0;
  std::string reason;
  UserId by = 0;
};

class Store : public room::ChatArchive {
 public:
  virtual ~Store() = default;

  // Invite codes. `max_uses` 0 = unlimited. A code is a shared secret shown once to the admin.
  virtual Status create_invite(std::string_view code, Role role, int max_uses,
                               std::string_view label) = 0;
  // Joins through an invite, creating the person on first use (which consumes one use); coming
  // back is the same person and consumes nothing. Who "the same person" is depends on the code:
  //  - single-use (max_uses 1, e.g. a roster code): the code names one person, who comes back
  //    with the code and the same display name; `device_key` is ignored.
  //  - shared (max_uses 0 or more than 1): many people type it, so a name proves nothing. The
  //    person is (invite, device), where `device_key` is a secret the client keeps per device
  //    (only its SHA-256 is stored). The same device comes back as the same person under any
  //    name (the name changes); another device asking for a name already taken on this code
  //    gets it with a mark, "김민지 (2)". Someone who joined before devices were recorded is
  //    claimed by the first device that comes back with their name.
  // The returned display_name is the one given to the person. Errors: invalid_invite (unknown
  // or used up), bad_request (a shared code without a usable device_key), invalid_name (every
  // marked form of the name is taken).
  virtual Result<User> redeem_invite(std::string_view code, std::string_view display_name,
                                     std::string_view device_key) = 0;
  // --dev mode: a new attendee without an invite.
  virtual Result<User> create_guest(std::string_view display_name) = 0;
  virtual Result<std::optional<User>> find_user(UserId id) = 0;

  // Bearer tokens for the HTTP host API. Errors: bad_request for an empty token or a role that
  // may not hold one (roles.hpp).
  virtual Status create_host_token(std::string_view token, Role role, std::string_view label) = 0;
  virtual Result<std::optional<Role>> role_for_token(std::string_view token) = 0;

  // Room chat: append_chat and recent_chat, the port rooms keep their history through
  // (room/chat_archive.hpp).

  // Moderation. put_* replaces any earlier sanction of that kind for the person.
  virtual Status put_ban(const Sanction& ban) = 0;
  virtual Status lift_ban(UserId user) = 0;
  virtual Result<std::optional<Sanction>> active_ban(UserId user, std::int64_t now_ms) = 0;
  virtual Status put_mute(const Sanction& mute) = 0;
  virtual Status lift_mute(UserId user) = 0;
  virtual Result<std::optional<Sanction>> active_mute(UserId user, std::int64_t now_ms) = 0;

  // Study groups and the tech-talk hall, on the same database.
  virtual programme::ProgrammeStore& programme() = 0;
  // Graduation day: roster, check-ins, stickers, cards, raffles (graduation/graduation_store.hpp).
  virtual GraduationStore& graduation() = 0;
};

}  // namespace moim::store
