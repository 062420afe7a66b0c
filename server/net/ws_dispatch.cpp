// SessionCore: message handling without I/O (see session_core.hpp). Each message is decoded into
// one request (decode_request.cpp), admitted (the phase machine greeting → authenticating →
// in_room, then the rate budgets) and dispatched to the one `on` overload for its type: a hub
// call, a room intent or a service request. Every request is answered.
#include "app/hub.hpp"
#include "app/programme_service.hpp"
#include "core/secret_hash.hpp"
#include "moim/proto/envelope.hpp"
#include "net/client_request.hpp"
#include "net/convert.hpp"
#include "net/encode_shared.hpp"
#include "net/session_core.hpp"

namespace moim::net {

SessionCore::SessionCore(app::Hub& hub, app::ProgrammeService& programme, std::string address)
    : hub_(hub),
      programme_(programme),
      address_(std::move(address)),
      message_budget_({hub.config().messages_per_second, hub.config().messages_burst}),
      join_budget_(hub.config().join_rate),
      action_budget_(hub.config().action_rate),
      voice_budget_(hub.config().voice_rate) {}

bool SessionCore::voice_within_limits(std::uint32_t rid) {
  const auto now = hub_.now_ms();
  if (voice_budget_.try_take(now) &&
      hub_.address_limits().try_take(address_, app::Budget::voice, now)) {
    return true;
  }
  hub_.metrics().voice_dropped(Metrics::VoiceDrop::rate);
  if (voice_refused_ms_ == 0 || now - voice_refused_ms_ >= 1000) {
    voice_refused_ms_ = now;
    reply_error(rid, Errc::rate_limited,
                "too many voice frames; at most " +
                    std::to_string(static_cast<int>(hub_.config().voice_rate.per_second)) +
                    " a second are forwarded");
  }
  return false;
}

bool SessionCore::within_limits(app::Budget kind, std::uint32_t rid) {
  if (kind == app::Budget::voice) return voice_within_limits(rid);
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
  auto decoded = decode_request(std::move(envelope));
  const auto rid = decoded.request_id;
  if (!admitted(decoded.admission, rid)) return;
  if (!decoded.request) return reply(error_envelope(rid, decoded.request.error()));
  std::visit([&](auto&& request) { on(rid, std::move(request)); }, std::move(*decoded.request));
}

bool SessionCore::admitted(const Admission& admission, std::uint32_t rid) {
  using P = Admission::Phase;
  if (admission.phase != P::any && phase_ == Phase::greeting) {
    reply_error(rid, Errc::not_hello, "say Hello first");
    return false;
  }
  if (admission.phase == P::in_room && phase_ != Phase::in_room) {
    reply_error(rid, Errc::not_joined, "join a room first");
    return false;
  }
  return !admission.budget || within_limits(*admission.budget, rid);
}

void SessionCore::on(std::uint32_t rid, request::Ping&& ping) {
  v1::Envelope pong;
  pong.set_request_id(rid);
  pong.mutable_pong()->set_client_time_us(ping.client_time_us);
  pong.mutable_pong()->set_server_time_us(static_cast<std::uint64_t>(hub_.now_ms()) * 1000u);
  reply(pong);
}

void SessionCore::on(std::uint32_t rid, request::Hello&& hello) {
  if (phase_ != Phase::greeting) {
    return reply_error(rid, Errc::bad_request, "Hello was already received");
  }
  if (hello.protocol_version != v1::PROTOCOL_VERSION_CURRENT) {
    reply_error(rid, Errc::unsupported_version,
                "this server speaks protocol version " +
                    std::to_string(v1::PROTOCOL_VERSION_CURRENT) + ", not " +
                    std::to_string(hello.protocol_version));
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

void SessionCore::on(std::uint32_t rid, request::Join&& join) {
  if (phase_ == Phase::in_room) return reply_error(rid, Errc::already_joined, "already joined");
  const std::string& room_id = join.room.empty() ? hub_.config().lobby : join.room;
  auto room = hub_.room(room_id);
  if (!room) return reply_error(rid, Errc::no_such_room, "no room called '" + room_id + "'");
  auto who = hub_.authenticate(join.display_name, join.invite_code, join.device_key);
  if (!who) {
    reply(error_envelope(rid, who.error()));
    if (who.error().code == Errc::banned) close(CloseCode::banned, who.error().message);
    return;
  }
  // A study group's room is for its members (and visitors when the lead allows).
  if (auto allowed = hub_.check_enter(*who, room_id); !allowed) {
    return reply(error_envelope(rid, allowed.error()));
  }
  auto token = random_token(24);
  if (!token) return reply(error_envelope(rid, token.error()));
  who_ = *who;
  resume_token_ = std::move(*token);
  phase_ = Phase::in_room;
  room::Arrival arrival;
  arrival.kind = room::ArrivalKind::join;
  hub_.enter(link(), *who_, *room, std::move(arrival), rid);
}

void SessionCore::on(std::uint32_t rid, request::Resume&& resume) {
  if (phase_ == Phase::in_room) return reply_error(rid, Errc::already_joined, "already joined");
  auto token = random_token(24);  // before the parked session is taken, so a failure spends nothing
  if (!token) return reply(error_envelope(rid, token.error()));
  auto parked = hub_.take_parked(resume.token);
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
  if (auto allowed = hub_.check_enter(parked->who, parked->room); !allowed) {
    room->drop_held(parked->who.id);
    room = hub_.room(hub_.config().lobby);
    if (!room) return reply_error(rid, Errc::no_such_room, "your room is gone; join again");
    arrival.place.reset();
  }
  who_ = parked->who;
  resume_token_ = std::move(*token);
  phase_ = Phase::in_room;
  hub_.enter(link(), *who_, *room, std::move(arrival), rid);
}

void SessionCore::on(std::uint32_t rid, request::ListOnline&&) {
  v1::Envelope out;
  out.set_request_id(rid);
  for (const auto& entry : hub_.online()) fill(*out.mutable_online_list()->add_entries(), entry);
  reply(out);
}

void SessionCore::on(std::uint32_t rid, request::Locate&& locate) {
  hub_.locate(*who_, link(), rid, locate.user);
}

void SessionCore::on(std::uint32_t rid, request::Moderate&& moderate) {
  auto done =
      hub_.moderate(*who_, moderate.action, moderate.user, moderate.duration, moderate.reason);
  reply(done ? proto::make_ack(rid) : error_envelope(rid, done.error()));
}

void SessionCore::on(std::uint32_t rid, request::DrawRaffle&& draw) {
  if (who_->role == store::Role::attendee) {
    return reply_error(rid, Errc::forbidden, "only hosts can draw the raffle");
  }
  auto drawn = hub_.draw_raffle(draw.raffle_id);
  if (!drawn) return reply(error_envelope(rid, drawn.error()));
  deliver(hub_.encoder().graduation_event(rid, graduation::news_of(drawn->raffle, drawn->winners)));
}

// Study groups and the hall (app/programme_service.hpp) answer through this session's link.
void SessionCore::on(std::uint32_t rid, app::ProgrammeRequest&& request) {
  programme_.handle(*who_, link(), rid, request);
}

void SessionCore::on(std::uint32_t rid, room::MoveIntent&& move) {
  if (auto room = in_a_room(rid)) room->move(who_->id, move);
}

void SessionCore::on(std::uint32_t rid, room::ChatIntent&& chat) {
  if (auto room = in_a_room(rid)) room->chat(who_->id, rid, std::move(chat));
}

void SessionCore::on(std::uint32_t rid, request::SetStatus&& status) {
  if (auto room = in_a_room(rid)) room->set_presence(who_->id, rid, status.presence);
}

void SessionCore::on(std::uint32_t rid, app::FeatureRequest&& request) {
  if (auto room = in_a_room(rid)) room->feature_request(*who_, rid, std::move(request));
}

std::shared_ptr<app::RoomHost> SessionCore::in_a_room(std::uint32_t rid) {
  auto room = current_room();
  if (!room) reply_error(rid, Errc::not_joined, "between rooms; try again");
  return room;
}

}  // namespace moim::net
