#pragma once
// Domain types of a room: what sessions ask for (intents) and what a room tells people (views).
// Protobuf never appears here; net/convert.hpp translates at the session boundary.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/roles.hpp"
#include "moim/world/geometry.hpp"

namespace moim::room {

using moim::Role;
using moim::UserId;
using world::Direction;
using world::TilePos;

enum class Presence : std::uint8_t { available = 1, busy = 2, do_not_disturb = 3 };

enum class ChatScope : std::uint8_t {
  nearby = 1,
  private_area = 2,
  room = 3,
  direct = 4,
  stage = 5
};

// Graduation day: what a checked-in graduate wears (cap and gown), their sticker colour as a
// ribbon, and a medal once their card is complete.
struct Look {
  bool graduate = false;
  bool medal = false;
  std::uint32_t ribbon = 0;  // 0xRRGGBB, 0: none
  friend bool operator==(const Look&, const Look&) = default;
};

// Who someone is and how they look; everything a client needs to draw an avatar.
struct AvatarView {
  UserId id = 0;
  std::string name;
  TilePos pos;
  Direction facing = Direction::down;
  Presence presence = Presence::available;
  Role role = Role::attendee;
  std::uint32_t color = 0;
  Look look;
  // Their connection dropped and the room holds their place for the resume grace period
  // (Room::hold): others draw them dimmed.
  bool reconnecting = false;
};

struct MoveView {
  UserId id = 0;
  TilePos pos;
  Direction facing = Direction::down;
};

// What changed among the people one observer cell can see since the last flush.
struct FrameView {
  std::uint64_t tick = 0;
  std::vector<MoveView> moves;
  std::vector<AvatarView> upserts;
  std::vector<UserId> removed;
  bool empty() const { return moves.empty() && upserts.empty() && removed.empty(); }
};

struct ChatView {
  std::int64_t id = 0;  // store id for room chat, 0 otherwise
  ChatScope scope = ChatScope::nearby;
  UserId from = 0;
  std::string from_name;
  std::string text;
  std::int64_t sent_at_ms = 0;
  UserId to = 0;  // direct only
  std::string room;
};

struct SnapshotView {
  std::string room;
  std::string map;
  AvatarView you;
  std::vector<AvatarView> avatars;
  std::vector<ChatView> history;
};

// Someone entering a room: by joining, resuming or walking through a portal.
enum class ArrivalKind : std::uint8_t { join, resume, portal };

struct Arrival {
  ArrivalKind kind = ArrivalKind::join;
  AvatarView avatar;                 // pos is used only when `place` is set
  std::optional<TilePos> place;      // resume: exactly here (if still walkable)
  std::string spawn;                 // otherwise: this spawn zone ("" = any)
  std::int64_t muted_until_ms = -1;  // -1 not muted, 0 until lifted, else UTC ms
  std::string from_room;             // portal: where to send them back if this room is full
};

struct MoveIntent {
  TilePos to;
  Direction facing = Direction::down;
  std::uint32_t seq = 0;
};

struct ChatIntent {
  ChatScope scope = ChatScope::nearby;
  std::string text;
  UserId to = 0;
};

// Why a person leaves a room. A dropped connection does not leave at once: the host holds the
// avatar (Room::hold) and it leaves as `disconnected` when the resume grace period ends.
enum class LeaveReason : std::uint8_t { disconnected, left, portal, kicked, replaced };

}  // namespace moim::room
