#include "net/convert.hpp"

#include "moim/proto/frame_moves.hpp"

namespace moim::net {

v1::ErrorCode to_proto(Errc code) {
  // Errc mirrors ErrorCode number for number (core/result.hpp).
  const auto value = static_cast<int>(code);
  return v1::ErrorCode_IsValid(value) ? static_cast<v1::ErrorCode>(value) : v1::ERROR_CODE_INTERNAL;
}

v1::Role to_proto(store::Role role) {
  return static_cast<v1::Role>(static_cast<int>(role));
}

v1::Status to_proto(room::Presence presence) {
  return static_cast<v1::Status>(static_cast<int>(presence));
}

v1::Direction to_proto(world::Direction direction) {
  return static_cast<v1::Direction>(static_cast<int>(direction));
}

v1::ChatScope to_proto(room::ChatScope scope) {
  return static_cast<v1::ChatScope>(static_cast<int>(scope));
}

std::optional<room::Presence> from_proto(v1::Status status) {
  if (status < v1::STATUS_AVAILABLE || status > v1::STATUS_DO_NOT_DISTURB) return std::nullopt;
  return static_cast<room::Presence>(status);
}

std::optional<world::Direction> from_proto(v1::Direction direction) {
  if (direction < v1::DIRECTION_DOWN || direction > v1::DIRECTION_UP) return std::nullopt;
  return static_cast<world::Direction>(direction);
}

std::optional<room::ChatScope> from_proto(v1::ChatScope scope) {
  switch (scope) {
    case v1::CHAT_SCOPE_NEARBY:
      return room::ChatScope::nearby;
    case v1::CHAT_SCOPE_ROOM:
      return room::ChatScope::room;
    case v1::CHAT_SCOPE_DIRECT:
      return room::ChatScope::direct;
    default:
      return std::nullopt;  // private-area and stage are decided by the server, not asked for
  }
}

void fill(v1::Avatar& out, const room::AvatarView& in) {
  out.set_user_id(in.id);
  out.set_display_name(in.name);
  out.set_x(in.pos.x);
  out.set_y(in.pos.y);
  out.set_facing(to_proto(in.facing));
  out.set_status(to_proto(in.presence));
  out.set_role(to_proto(in.role));
  out.set_color(in.color);
  out.set_reconnecting(in.reconnecting);
  if (in.look.graduate) {
    auto* look = out.mutable_look();
    look->set_graduate(true);
    look->set_medal(in.look.medal);
    look->set_ribbon(in.look.ribbon);
  }
}

void fill(v1::ChatMessage& out, const room::ChatView& in) {
  out.set_id(static_cast<std::uint64_t>(in.id));
  out.set_scope(to_proto(in.scope));
  out.set_from_user(in.from);
  out.set_from_name(in.from_name);
  out.set_text(in.text);
  out.set_sent_at_ms(in.sent_at_ms);
  out.set_to_user(in.to);
  out.set_room(in.room);
}

void fill_except_avatars(v1::RoomSnapshot& out, const room::SnapshotView& in) {
  out.set_room(in.room);
  out.set_map(in.map);
  fill(*out.mutable_you(), in.you);
  for (const auto& c : in.history) fill(*out.add_history(), c);
}

void fill(v1::RoomSnapshot& out, const room::SnapshotView& in) {
  fill_except_avatars(out, in);
  for (const auto& a : in.avatars) fill(*out.add_avatars(), a);
}

void fill(v1::Frame& out, const room::FrameView& in) {
  out.set_tick(in.tick);
  proto::PackedAreaBounds bounds;
  for (const auto& m : in.moves) bounds.include(m.pos.x, m.pos.y);
  proto::FrameMoveWriter moves(out, bounds.area());
  moves.reserve(static_cast<int>(in.moves.size()));
  for (const auto& m : in.moves) moves.add({m.id, m.pos.x, m.pos.y, to_proto(m.facing)});
  for (const auto& a : in.upserts) fill(*out.add_upserts(), a);
  for (auto id : in.removed) out.add_removed(id);
}

void fill(v1::OnlineEntry& out, const app::PresenceEntry& in) {
  out.set_user_id(in.who.id);
  out.set_display_name(in.who.name);
  out.set_room(in.room);
  out.set_status(to_proto(in.presence));
  out.set_role(to_proto(in.who.role));
}

v1::Envelope error_envelope(std::uint32_t request_id, const Error& error) {
  v1::Envelope envelope;
  envelope.set_request_id(request_id);
  envelope.mutable_error()->set_code(to_proto(error.code));
  envelope.mutable_error()->set_message(error.message);
  return envelope;
}

}  // namespace moim::net
