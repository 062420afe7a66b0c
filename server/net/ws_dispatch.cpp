// SessionCore: message handling without I/O (see session_core.hpp). The phase machine
// (greeting → authenticating → in_room) and the translation of each request into a hub call or a
// room intent. Every request is answered.
#include "app/hub.hpp"
#include "app/programme_service.hpp"
#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"
#include "net/convert_graduation.hpp"
#include "net/encode_shared.hpp"
#include "net/session_core.hpp"
#include "store/secret_hash.hpp"

namespace moim::net {

namespace {

std::optional<app::Moderation> moderation_from(v1::ModerationAction action) {
  switch (action) {
    case v1::MODERATION_ACTION_MUTE:
      return app::Moderation::mute;
    case v1::MODERATION_ACTION_UNMUTE:
      return app::Moderation::unmute;
    case v1::MODERATION_ACTION_KICK:
      return app::Moderation::kick;
    case v1::MODERATION_ACTION_BAN:
      return app::Moderation::ban;
    default:
      return std::nullopt;
  }
}

}  // namespace

SessionCore::SessionCore(app::Hub& hub, std::string address)
    : hub_(hub),
      address_(std::move(address)),
      message_budget_({hub.config().messages_per_second, hub.config().messages_burst}),
      join_budget_(hub.config().join_rate),
      action_budget_(hub.config().action_rate) {}

bool SessionCore::within_limits(app::Budget kind, std::uint32_t rid) {
  const auto now = hub_.now_ms();
  room::TokenBucket* own = kind == app::Budget::join     ? &join_budget_
                           : kind == app::Budget::action ? &action_budget_
                                                         : nullptr;  // chat: the room's
  if (own && !own->try_take(now)) {
    reply_error(rid, Errc::rate_limited, "too many requests on this connection; slow down");
    return false;
  }
  if (!hub_.address_limits().try_take(address_, kind, now)) {
    ++hub_.metrics().protocol_errors_total;
    reply_error(rid, Errc::rate_limited, "too many requests from your address; slow down");
    return false;
  }
  return true;
}

void SessionCore::on_message(std::string_view bytes) {
  auto& metrics = hub_.metrics();
  ++metrics.messages_in_total;
  metrics.bytes_in_total += bytes.size();
  if (bytes.size() > proto::kMaxMessageBytes) {
    ++metrics.protocol_errors_total;
    return close(CloseCode::too_big, "messages are limited to 64 KiB");
  }
  if (!message_budget_.try_take(hub_.now_ms())) {
    ++metrics.protocol_errors_total;
    return close(CloseCode::policy_violation, "too many messages per second");
  }
  auto decoded = proto::decode_envelope(bytes);
  if (auto* bad = std::get_if<proto::DecodeError>(&decoded)) {
    ++metrics.protocol_errors_total;
    return reply(proto::make_error(0, bad->code, bad->message));
  }
  handle(std::move(std::get<v1::Envelope>(decoded)));
}

void SessionCore::back_to_authenticating() {
  if (phase_ == Phase::in_room) {
    phase_ = Phase::authenticating;
    who_.reset();
  }
}

void SessionCore::signed_out(CloseCode code, const std::shared_ptr<app::RoomHost>& room,
                             Ending ending) {
  if (!who_) return;
  // Only a connection that simply dropped may come back with its resume token; one that said
  // goodbye leaves at once, so others do not see a reconnecting avatar of someone who quit.
  const bool resumable =
      ending == Ending::dropped && (code == CloseCode::normal || code == CloseCode::going_away ||
                                    code == CloseCode::slow_consumer);
  const auto reason = resumable                   ? room::LeaveReason::disconnected
                      : ending == Ending::goodbye ? room::LeaveReason::left
                                                  : room::LeaveReason::kicked;
  if (room) room->leave(who_->id, this, reason);
  hub_.directory().sign_out(who_->id, this);
}

void SessionCore::reply(const v1::Envelope& envelope) {
  deliver(encode_shared(envelope));
}

void SessionCore::reply_error(std::uint32_t rid, Errc code, std::string message) {
  reply(error_envelope(rid, Error{code, std::move(message)}));
}

void SessionCore::handle(v1::Envelope&& envelope) {
  const auto rid = envelope.request_id();
  switch (envelope.body_case()) {
    case v1::Envelope::kHello:
      return handle_hello(rid, envelope.hello());
    case v1::Envelope::kPing: {
      v1::Envelope pong;
      pong.set_request_id(rid);
      pong.mutable_pong()->set_client_time_us(envelope.ping().client_time_us());
      pong.mutable_pong()->set_server_time_us(static_cast<std::uint64_t>(hub_.now_ms()) * 1000u);
      return reply(pong);
    }
    default:
      break;
  }
  if (phase_ == Phase::greeting) {
    return reply_error(rid, Errc::not_hello, "say Hello first");
  }
  switch (envelope.body_case()) {
    case v1::Envelope::kJoin:
      if (!within_limits(app::Budget::join, rid)) return;
      return handle_join(rid, envelope.join());
    case v1::Envelope::kResume:
      if (!within_limits(app::Budget::join, rid)) return;
      return handle_resume(rid, envelope.resume());
    default:
      break;
  }
  if (phase_ != Phase::in_room) return reply_error(rid, Errc::not_joined, "join a room first");
  handle_in_room(std::move(envelope));
}

void SessionCore::handle_hello(std::uint32_t rid, const v1::Hello& hello) {
  if (phase_ != Phase::greeting) {
    return reply_error(rid, Errc::bad_request, "Hello was already received");
  }
  if (hello.protocol_version() != v1::PROTOCOL_VERSION_CURRENT) {
    reply_error(rid, Errc::unsupported_version,
                "this server speaks protocol version " +
                    std::to_string(v1::PROTOCOL_VERSION_CURRENT) + ", not " +
                    std::to_string(hello.protocol_version()));
    return close(CloseCode::policy_violation, "unsupported protocol version");
  }
  phase_ = Phase::authenticating;
  v1::Envelope welcome;
  welcome.set_request_id(rid);
  auto* w = welcome.mutable_welcome();
  w->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  w->set_server(hub_.config().server_name);
  w->set_proximity_radius(static_cast<std::uint32_t>(hub_.config().room.proximity_radius));
  w->set_time_zone(hub_.config().time_zone);
  reply(welcome);
}

void SessionCore::handle_join(std::uint32_t rid, const v1::Join& join) {
  if (phase_ == Phase::in_room) return reply_error(rid, Errc::already_joined, "already joined");
  const std::string& room_id = join.room().empty() ? hub_.config().lobby : join.room();
  auto room = hub_.room(room_id);
  if (!room) return reply_error(rid, Errc::no_such_room, "no room called '" + room_id + "'");
  auto who = hub_.authenticate(join.display_name(), join.invite_code(), join.device_key());
  if (!who) {
    reply(error_envelope(rid, who.error()));
    if (who.error().code == Errc::banned) close(CloseCode::banned, who.error().message);
    return;
  }
  if (auto* programme = hub_.programme()) {
    // A study group's room is for its members (and visitors when the lead allows).
    if (auto allowed = programme->check_enter(*who, room_id); !allowed) {
      return reply(error_envelope(rid, allowed.error()));
    }
  }
  who_ = *who;
  resume_token_ = store::random_token(24);
  phase_ = Phase::in_room;
  room::Arrival arrival;
  arrival.kind = room::ArrivalKind::join;
  hub_.enter(link(), *who_, *room, std::move(arrival), rid);
}

void SessionCore::handle_resume(std::uint32_t rid, const v1::Resume& resume) {
  if (phase_ == Phase::in_room) return reply_error(rid, Errc::already_joined, "already joined");
  auto parked = hub_.take_parked(resume.resume_token());
  if (!parked) {
    return reply_error(rid, Errc::resume_expired, "that session has ended; join again");
  }
  auto room = hub_.room(parked->room);
  if (!room) return reply_error(rid, Errc::no_such_room, "your room is gone; join again");
  if (auto banned = hub_.check_ban(parked->who.id); !banned) {
    reply(error_envelope(rid, banned.error()));
    return close(CloseCode::banned, banned.error().message);
  }
  room::Arrival arrival;
  arrival.kind = room::ArrivalKind::resume;
  arrival.avatar = parked->avatar;
  arrival.place = parked->avatar.pos;
  // A study room may have closed to them while they were away (visitors turned off, they left
  // the group, it was removed): they come back in the lobby instead, and their held avatar goes.
  // Their Joined snapshot names the lobby; a notice sent now would arrive before it, while the
  // client still waits for its answer, so none is sent.
  if (auto* programme = hub_.programme()) {
    if (auto allowed = programme->check_enter(parked->who, parked->room); !allowed) {
      room->drop_held(parked->who.id);
      room = hub_.room(hub_.config().lobby);
      if (!room) return reply_error(rid, Errc::no_such_room, "your room is gone; join again");
      arrival.place.reset();
    }
  }
  who_ = parked->who;
  resume_token_ = store::random_token(24);
  phase_ = Phase::in_room;
  hub_.enter(link(), *who_, *room, std::move(arrival), rid);
}

void SessionCore::handle_in_room(v1::Envelope&& envelope) {
  const auto rid = envelope.request_id();
  const auto me = who_->id;
  switch (envelope.body_case()) {
    case v1::Envelope::kMove:
      break;  // the room limits steps per person
    case v1::Envelope::kSendChat:
      if (!within_limits(app::Budget::chat, rid)) return;
      break;
    default:
      if (!within_limits(app::Budget::action, rid)) return;
      break;
  }
  switch (envelope.body_case()) {
    case v1::Envelope::kListOnline: {
      v1::Envelope out;
      out.set_request_id(rid);
      for (const auto& entry : hub_.online())
        fill(*out.mutable_online_list()->add_entries(), entry);
      return reply(out);
    }
    case v1::Envelope::kLocate:
      return hub_.locate(*who_, link(), rid, envelope.locate().user_id());
    case v1::Envelope::kModerate:
      return handle_moderate(rid, envelope.moderate());
    case v1::Envelope::kDrawRaffle:
      return handle_draw(rid, envelope.draw_raffle());
    default:
      break;
  }
  // Study groups and the hall (app/programme_service.hpp) answer through this session's link.
  if (auto* programme = hub_.programme(); programme && programme->handle(*who_, link(), envelope)) {
    return;
  }
  auto room = current_room();
  if (!room) return reply_error(rid, Errc::not_joined, "between rooms; try again");
  switch (envelope.body_case()) {
    case v1::Envelope::kMove: {
      const auto& move = envelope.move();
      auto facing = from_proto(move.facing());
      if (!facing) return reply_error(rid, Errc::bad_request, "unknown direction");
      return room->move(me, {{move.x(), move.y()}, *facing, move.seq()});
    }
    case v1::Envelope::kSendChat: {
      auto& chat = *envelope.mutable_send_chat();
      auto scope = from_proto(chat.scope());
      if (!scope)
        return reply_error(rid, Errc::bad_request, "chat scope must be nearby, room or direct");
      return room->chat(me, rid, {*scope, std::move(*chat.mutable_text()), chat.to_user()});
    }
    case v1::Envelope::kSetStatus: {
      auto presence = from_proto(envelope.set_status().status());
      if (!presence) return reply_error(rid, Errc::bad_request, "unknown status");
      return room->set_presence(me, rid, *presence);
    }
    case v1::Envelope::kCheckIn:
    case v1::Envelope::kPickColor:
    case v1::Envelope::kMakeOffer:
    case v1::Envelope::kAcceptOffer:
    case v1::Envelope::kDeclineOffer:
    case v1::Envelope::kSetCard:
    case v1::Envelope::kGetGraduation:
    case v1::Envelope::kExportCards:
      return room->graduation(me, who_->role, std::move(envelope));
    default:
      return reply_error(rid, Errc::bad_request, "not a message a client may send");
  }
}

void SessionCore::handle_moderate(std::uint32_t rid, const v1::Moderate& moderate) {
  auto action = moderation_from(moderate.action());
  if (!action) return reply_error(rid, Errc::bad_request, "unknown moderation action");
  if (moderate.reason().size() > 500) {
    return reply_error(rid, Errc::text_too_long, "reason is too long");
  }
  auto done = hub_.moderate(*who_, *action, moderate.user_id(),
                            std::chrono::seconds(moderate.duration_s()), moderate.reason());
  reply(done ? proto::make_ack(rid) : error_envelope(rid, done.error()));
}

void SessionCore::handle_draw(std::uint32_t rid, const v1::DrawRaffle& draw) {
  if (who_->role == store::Role::attendee) {
    return reply_error(rid, Errc::forbidden, "only hosts can draw the raffle");
  }
  auto drawn = hub_.draw_raffle(draw.raffle_id());
  if (!drawn) return reply(error_envelope(rid, drawn.error()));
  v1::Envelope out;
  out.set_request_id(rid);
  fill(*out.mutable_raffle_news(), drawn->raffle, drawn->winners);
  reply(out);
}

}  // namespace moim::net
