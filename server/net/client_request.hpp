#pragma once
// Every message a client may send, as one domain value: net decodes an envelope into a
// ClientRequest (decode_request), and SessionCore dispatches it (ws_dispatch.cpp) after checking
// what the request needs (a Hello first, a room, a rate budget). Requests for the programme and
// for room features keep their own variants, which their services already take.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "app/address_limits.hpp"
#include "app/feature_request.hpp"
#include "app/hub.hpp"
#include "app/programme_requests.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "moim/v1/moim.pb.h"
#include "room/types.hpp"

namespace moim::net {

namespace request {
struct Hello {
  std::uint32_t protocol_version = 0;
};
struct Ping {
  std::uint64_t client_time_us = 0;
};
struct Join {
  std::string room;  // empty: the lobby
  std::string display_name;
  std::string invite_code;
  std::string device_key;
};
struct Resume {
  std::string token;
};
struct SetStatus {
  room::Presence presence{};
};
struct ListOnline {};
struct Locate {
  UserId user = 0;
};
struct Moderate {
  app::Moderation action{};
  UserId user = 0;
  std::chrono::seconds duration{0};
  std::string reason;
};
struct DrawRaffle {
  std::int64_t raffle_id = 0;
};
}  // namespace request

using ClientRequest = std::variant<request::Hello, request::Ping, request::Join, request::Resume,
                                   room::MoveIntent, room::ChatIntent, request::SetStatus,
                                   request::ListOnline, request::Locate, request::Moderate,
                                   request::DrawRaffle, app::ProgrammeRequest, app::FeatureRequest>;

// What a session checks before it acts on a request, in this order: the phase it must have
// reached, then the rate budget the request spends (none: a move is limited by its room).
struct Admission {
  enum class Phase : std::uint8_t { any, greeted, in_room };
  Phase phase = Phase::in_room;
  std::optional<app::Budget> budget = app::Budget::action;
};

struct DecodedRequest {
  std::uint32_t request_id = 0;
  Admission admission;
  // The request, or why it is malformed (unknown direction, a reason too long, a body a client
  // may not send). The error is answered only once the admission checks pass, so a stranger
  // learns nothing from a malformed message that they would not learn from a good one.
  Result<ClientRequest> request = Error{Errc::bad_request, "not a message a client may send"};
};

DecodedRequest decode_request(v1::Envelope&& envelope);

}  // namespace moim::net
