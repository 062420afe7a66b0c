#pragma once
// The session boundary: protobuf in, domain types out, and back. Nothing else in the server
// converts between the two.
#include <optional>

#include "app/directory.hpp"
#include "core/result.hpp"
#include "moim/v1/moim.pb.h"
#include "room/types.hpp"

namespace moim::net {

v1::ErrorCode to_proto(Errc code);
v1::Role to_proto(store::Role role);
v1::Status to_proto(room::Presence presence);
v1::Direction to_proto(world::Direction direction);
v1::ChatScope to_proto(room::ChatScope scope);

std::optional<room::Presence> from_proto(v1::Status status);
std::optional<world::Direction> from_proto(v1::Direction direction);
std::optional<room::ChatScope> from_proto(v1::ChatScope scope);

void fill(v1::Avatar& out, const room::AvatarView& in);
void fill(v1::ChatMessage& out, const room::ChatView& in);
void fill(v1::RoomSnapshot& out, const room::SnapshotView& in);
// All of a snapshot but its avatars (see net/snapshot_wire.hpp for how those are added).
void fill_except_avatars(v1::RoomSnapshot& out, const room::SnapshotView& in);
void fill(v1::Frame& out, const room::FrameView& in);
void fill(v1::OnlineEntry& out, const app::PresenceEntry& in);

v1::Envelope error_envelope(std::uint32_t request_id, const Error& error);

}  // namespace moim::net
