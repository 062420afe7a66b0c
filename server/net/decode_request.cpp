// decode_request: one envelope in, one domain request (and what it needs) out. The only place
// that looks at which body a client's envelope carries.
#include "net/client_request.hpp"
#include "net/convert.hpp"
#include "net/convert_graduation.hpp"
#include "net/decode_programme.hpp"

namespace moim::net {

namespace {

using Phase = Admission::Phase;

// Moderation reasons are stored and shown to the person moderated; longer ones are refused.
constexpr std::size_t kMaxReasonBytes = 500;

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

Result<ClientRequest> moderate_from(const v1::Moderate& in) {
  auto action = moderation_from(in.action());
  if (!action) return Error{Errc::bad_request, "unknown moderation action"};
  if (in.reason().size() > kMaxReasonBytes) return Error{Errc::text_too_long, "reason is too long"};
  return ClientRequest{
      request::Moderate{*action, in.user_id(), std::chrono::seconds(in.duration_s()), in.reason()}};
}

Result<ClientRequest> move_from(const v1::Move& in) {
  auto facing = from_proto(in.facing());
  if (!facing) return Error{Errc::bad_request, "unknown direction"};
  return ClientRequest{room::MoveIntent{{in.x(), in.y()}, *facing, in.seq()}};
}

Result<ClientRequest> chat_from(v1::SendChat& in) {
  auto scope = from_proto(in.scope());
  if (!scope) return Error{Errc::bad_request, "chat scope must be nearby, room or direct"};
  return ClientRequest{room::ChatIntent{*scope, std::move(*in.mutable_text()), in.to_user()}};
}

Result<ClientRequest> status_from(const v1::SetStatus& in) {
  auto presence = from_proto(in.status());
  if (!presence) return Error{Errc::bad_request, "unknown status"};
  return ClientRequest{request::SetStatus{*presence}};
}

Result<ClientRequest> feature_from(const v1::Envelope& in) {
  auto request = graduation_request(in);
  if (!request) return request.error();
  return ClientRequest{app::FeatureRequest{std::move(*request)}};
}

// A voice frame is forwarded as it came, so its size is checked here, before any room sees it.
Result<ClientRequest> voice_frame_from(v1::VoiceFrame& in) {
  using app::voice::kMaxLevel;
  using app::voice::kMaxOpusBytes;
  if (in.opus().empty()) return Error{Errc::bad_request, "a voice frame needs its Opus bytes"};
  if (in.opus().size() > kMaxOpusBytes) {
    return Error{Errc::bad_request, "a voice frame carries at most " +
                                        std::to_string(kMaxOpusBytes) + " bytes of Opus, not " +
                                        std::to_string(in.opus().size())};
  }
  if (in.level() > kMaxLevel) return Error{Errc::bad_request, "voice level is 0 to 100"};
  return ClientRequest{
      app::FeatureRequest{app::voice::Frame{in.seq(), std::move(*in.mutable_opus()), in.level()}}};
}

// The requests a session answers before anyone is in a room.
std::optional<DecodedRequest> before_room(v1::Envelope& in) {
  const auto rid = in.request_id();
  switch (in.body_case()) {
    case v1::Envelope::kHello:
      return DecodedRequest{rid,
                            {Phase::any, std::nullopt},
                            ClientRequest{request::Hello{in.hello().protocol_version()}}};
    case v1::Envelope::kPing:
      return DecodedRequest{rid,
                            {Phase::any, std::nullopt},
                            ClientRequest{request::Ping{in.ping().client_time_us()}}};
    case v1::Envelope::kJoin: {
      auto& m = *in.mutable_join();
      request::Join join{std::move(*m.mutable_room()), std::move(*m.mutable_display_name()),
                         std::move(*m.mutable_invite_code()), std::move(*m.mutable_device_key())};
      return DecodedRequest{
          rid, {Phase::greeted, app::Budget::join}, ClientRequest{std::move(join)}};
    }
    case v1::Envelope::kResume:
      return DecodedRequest{
          rid,
          {Phase::greeted, app::Budget::join},
          ClientRequest{request::Resume{std::move(*in.mutable_resume()->mutable_resume_token())}}};
    default:
      return std::nullopt;
  }
}

Result<ClientRequest> in_room(v1::Envelope& in) {
  using E = v1::Envelope;
  switch (in.body_case()) {
    case E::kMove:
      return move_from(in.move());
    case E::kSendChat:
      return chat_from(*in.mutable_send_chat());
    case E::kSetStatus:
      return status_from(in.set_status());
    case E::kListOnline:
      return ClientRequest{request::ListOnline{}};
    case E::kLocate:
      return ClientRequest{request::Locate{in.locate().user_id()}};
    case E::kModerate:
      return moderate_from(in.moderate());
    case E::kDrawRaffle:
      return ClientRequest{request::DrawRaffle{in.draw_raffle().raffle_id()}};
    case E::kVoiceFrame:
      return voice_frame_from(*in.mutable_voice_frame());
    case E::kMuteVoice:
      return ClientRequest{app::FeatureRequest{
          app::voice::Mute{in.mute_voice().user_id(), in.mute_voice().muted()}}};
    case E::kCheckIn:
    case E::kPickColor:
    case E::kMakeOffer:
    case E::kAcceptOffer:
    case E::kDeclineOffer:
    case E::kSetCard:
    case E::kGetGraduation:
    case E::kExportCards:
      return feature_from(in);
    default:
      break;
  }
  if (auto programme = decode_programme(in)) return ClientRequest{std::move(*programme)};
  return Error{Errc::bad_request, "not a message a client may send"};
}

std::optional<app::Budget> in_room_budget(v1::Envelope::BodyCase body) {
  switch (body) {
    case v1::Envelope::kMove:
      return std::nullopt;  // the room limits steps per person
    case v1::Envelope::kSendChat:
      return app::Budget::chat;
    case v1::Envelope::kVoiceFrame:
      return app::Budget::voice;
    default:
      return app::Budget::action;
  }
}

}  // namespace

DecodedRequest decode_request(v1::Envelope&& envelope) {
  if (auto early = before_room(envelope)) return std::move(*early);
  const auto budget = in_room_budget(envelope.body_case());
  return DecodedRequest{envelope.request_id(), {Phase::in_room, budget}, in_room(envelope)};
}

}  // namespace moim::net
