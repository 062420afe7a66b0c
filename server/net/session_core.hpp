#pragma once
// What a connection does with the messages it receives, apart from the I/O: the size and rate
// checks, decoding into one request (net/client_request.hpp), the phase machine (greeting →
// authenticating → in_room) and the dispatch of each request to a hub call, a room intent or a
// service. Every request is answered.
//
// WsSession is a SessionCore over a WebSocket; the dispatch fuzzer (fuzz/) drives one with no
// socket at all, so everything a hostile client can reach is reachable without the network.
// All methods run on the connection's own strand.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/address_limits.hpp"
#include "app/identity.hpp"
#include "app/session_link.hpp"
#include "core/result.hpp"
#include "moim/v1/moim.pb.h"
#include "net/client_request.hpp"
#include "room/token_bucket.hpp"

namespace moim::app {
class Hub;
class ProgrammeService;
}  // namespace moim::app

namespace moim::net {

using app::CloseCode;
using app::SessionLink;
using app::SharedBytes;

class SessionCore : public SessionLink {
 public:
  std::string resume_token() const override { return resume_token_; }

 protected:
  enum class Phase { handshaking, greeting, authenticating, in_room, closing };

  // `address` is the peer's IP address, the key of the per-address rate limits. `programme`
  // answers study-group and hall requests.
  SessionCore(app::Hub& hub, app::ProgrammeService& programme, std::string address);

  // One binary message as it was read: checked for size and rate, decoded and handled. Closes
  // the connection (through close()) when the message breaks a connection-level rule.
  void on_message(std::string_view bytes);
  // Admission was refused for good: back to choosing how to join.
  void back_to_authenticating();
  // How the client ended the connection: it dropped (or closed normally) and may come back with
  // its resume token, or it said goodbye (WebSocket 1001, going away) and leaves at once.
  enum class Ending { dropped, goodbye };
  // The connection has ended: leaves the room (held for resume if it simply dropped) and signs
  // out. `room` is the room the link was attached to, if any.
  void signed_out(CloseCode code, const std::shared_ptr<app::RoomHost>& room,
                  Ending ending = Ending::dropped);

  // This connection as the hub and rooms hold it.
  virtual std::shared_ptr<SessionLink> link() = 0;
  // The room this connection is attached to, if any (thread-safe).
  virtual std::shared_ptr<app::RoomHost> current_room() const = 0;

  app::Hub& hub_;
  app::ProgrammeService& programme_;
  Phase phase_ = Phase::handshaking;

 private:
  void handle(v1::Envelope&& envelope);
  // Whether this connection may act on a request now: the phase it needs, then its budget.
  // Answers the reason when it may not.
  bool admitted(const Admission& admission, std::uint32_t rid);
  // One overload per request type (ClientRequest).
  void on(std::uint32_t rid, request::Hello&& hello);
  void on(std::uint32_t rid, request::Ping&& ping);
  void on(std::uint32_t rid, request::Join&& join);
  void on(std::uint32_t rid, request::Resume&& resume);
  void on(std::uint32_t rid, room::MoveIntent&& move);
  void on(std::uint32_t rid, room::ChatIntent&& chat);
  void on(std::uint32_t rid, request::SetStatus&& status);
  void on(std::uint32_t rid, request::ListOnline&& list);
  void on(std::uint32_t rid, request::Locate&& locate);
  void on(std::uint32_t rid, request::Moderate&& moderate);
  void on(std::uint32_t rid, request::DrawRaffle&& draw);
  void on(std::uint32_t rid, app::ProgrammeRequest&& request);
  void on(std::uint32_t rid, app::FeatureRequest&& request);
  // The room this connection is in; when it is between rooms (a portal under way), answers
  // not_joined and returns null.
  std::shared_ptr<app::RoomHost> in_a_room(std::uint32_t rid);
  void reply(const v1::Envelope& envelope);
  void reply_error(std::uint32_t rid, Errc code, std::string message);
  // Takes one `kind` token from this connection's and this address's budgets; answers
  // rate_limited and returns false when either is spent.
  bool within_limits(app::Budget kind, std::uint32_t rid);
  // The same for a voice frame: a spent budget drops the frame, answered at most once a second
  // (a client that sends too fast would otherwise get an error per frame).
  bool voice_within_limits(std::uint32_t rid);

  std::string address_;
  std::optional<app::Identity> who_;
  std::string resume_token_;  // written before the first room sees this link, then read-only
  room::TokenBucket message_budget_;
  room::TokenBucket join_budget_;
  room::TokenBucket action_budget_;
  room::TokenBucket voice_budget_;
  std::int64_t voice_refused_ms_ = 0;  // when a dropped voice frame was last answered
};

}  // namespace moim::net
