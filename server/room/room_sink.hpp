#pragma once
// Everything a Room says goes through a RoomSink. In the server the sink encodes each message
// once and hands the same bytes to every recipient's session (app/room_host.cpp); in tests it
// records what would have been sent. A sink must not call back into the Room.
#include <cstdint>
#include <span>
#include <string>

#include "core/result.hpp"
#include "room/types.hpp"

namespace moim::room {

class RoomSink {
 public:
  virtual ~RoomSink() = default;

  // One frame for a group of recipients who see the same thing.
  virtual void frame(std::span<const UserId> recipients, const FrameView& frame) = 0;
  virtual void chat(std::span<const UserId> recipients, const ChatView& chat) = 0;
  // A validated direct message; the host routes it to wherever the recipient is.
  virtual void direct_chat(UserId from, std::uint32_t request_id, const ChatView& chat) = 0;
  virtual void snapshot(UserId to, std::uint32_t request_id, ArrivalKind kind,
                        const SnapshotView& snapshot) = 0;
  virtual void move_rejected(UserId to, const MoveView& where, std::uint32_t seq,
                             const Error& why) = 0;
  virtual void ack(UserId to, std::uint32_t request_id) = 0;
  virtual void error(UserId to, std::uint32_t request_id, const Error& error) = 0;
  // The person stepped on a portal: they have already left this room (with their avatar as it
  // was) and should be admitted to `target_room` at `target_spawn`.
  virtual void portal(const AvatarView& avatar, std::int64_t muted_until_ms,
                      const std::string& target_room, const std::string& target_spawn) = 0;
};

}  // namespace moim::room
