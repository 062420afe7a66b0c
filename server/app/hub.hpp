#pragma once
// The server-wide owner of rooms by id, resume tokens and moderation; it signs people in to the
// Directory of who is online. Sessions ask it to authenticate and to put them in a room; room
// hosts ask it to route what crosses rooms (portals, direct messages). It holds no room state
// itself.
#include <boost/asio/io_context.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "app/address_limits.hpp"
#include "app/config.hpp"
#include "app/directory.hpp"
#include "app/encoder.hpp"
#include "app/metrics.hpp"
#include "app/room_gate.hpp"
#include "app/room_host.hpp"
#include "graduation/service.hpp"
#include "moim/world/map.hpp"

namespace moim::app {

enum class Moderation { mute, unmute, kick, ban };

// What the hub works with, built by whoever starts the server (boot/server.cpp) or a test. Each
// outlives the hub. Whoever builds them hands them to the other services too (a room host, the
// programme service, the API routes each get their own parts struct): only the WebSocket
// sessions still ask the hub for some (see below).
struct HubParts {
  store::Store& store;
  const world::MapSet& maps;  // one room per map, opened at once
  Metrics& metrics;
  const Encoder& encoder;  // how rooms and the hub turn what they say into bytes
  graduation::Service& graduation;
  const FeatureRegistry& features;  // what a map's "features" property may name
  RoomGate& gate;                   // rooms opened on demand (study groups'), who may enter
  Directory& directory;             // who is online and where; the programme service reads it
};

class Hub {
 public:
  Hub(boost::asio::io_context& io, ServerConfig config, HubParts parts);

  // For the WebSocket sessions (net/), which are handed the hub alone: their settings, counters,
  // the directory they sign out of, the encoder they answer with, and the per-address budgets
  // they draw on. Everything else gets these from whoever builds it, not from the hub.
  const ServerConfig& config() const { return config_; }
  Metrics& metrics() { return metrics_; }
  Directory& directory() { return directory_; }
  const Encoder& encoder() const { return encoder_; }
  AddressLimits& address_limits() { return address_limits_; }

  std::int64_t now_ms() const;
  // A room by id. A room the gate says is an instance of a map (a study group's "study-<id>")
  // is opened on first use.
  std::shared_ptr<RoomHost> room(std::string_view id);
  // Whether `who` may enter `room` (a study group's room is for its members), as the gate says.
  Status check_enter(const Identity& who, std::string_view room) {
    return gate_.check_enter(who, room);
  }

  // --- for sessions -------------------------------------------------------------------------
  // Checks the name and the invite (or --dev) and returns who this is, under the name they are
  // given (on a shared code it may carry a mark: see Store::redeem_invite). `device_key` is the
  // client's per-device secret, required with a shared code. Banned people get Errc::banned
  // with the reason.
  Result<Identity> authenticate(std::string_view display_name, std::string_view invite_code,
                                std::string_view device_key);
  Status check_ban(store::UserId id);
  // Signs the person in (closing an earlier connection of theirs) and admits them to `room`.
  void enter(std::shared_ptr<SessionLink> link, const Identity& who, RoomHost& room,
             room::Arrival arrival, std::uint32_t request_id);
  std::optional<Parked> take_parked(const std::string& resume_token);
  // Who is online (at most 5,000 people), for ListOnline and the host API.
  std::vector<PresenceEntry> online() const;
  // Answers `asker` with a Location or an Error through `requester`. Hosts locate anyone;
  // others nobody in do-not-disturb and nobody in a study room they could not enter.
  void locate(const Identity& asker, std::shared_ptr<SessionLink> requester,
              std::uint32_t request_id, store::UserId target);
  Status moderate(const Identity& actor, Moderation action, store::UserId target,
                  std::chrono::seconds duration, const std::string& reason);
  // Closes every connection with "server shutting down" after their queues drain.
  void shutdown();

  // --- graduation day -----------------------------------------------------------------------
  // Sends to everyone on the graduation floors (rooms with the "graduation" feature).
  void announce_venue(const SharedBytes& bytes);
  // What someone wears in every room: graduation day's cap and gown, medal and ribbon.
  room::Look look_of(store::UserId id) const;
  // Someone's day changed outside any room (a host checked them in through the API): their
  // avatar wears it now and, on a graduation floor, their HUD shows it.
  void graduation_changed(store::UserId user);
  // Creates a raffle and announces its commitment to the venue.
  Result<graduation::RaffleRecord> open_raffle(int winners, int extra_every);
  // Draws (once; a second call answers with the first draw) and announces the winners.
  Result<graduation::DrawOutcome> draw_raffle(std::int64_t raffle_id);

  // --- for room hosts -----------------------------------------------------------------------
  Status route_direct(const room::ChatView& chat);
  void portal(std::shared_ptr<SessionLink> link, room::Arrival arrival,
              const std::string& target_room, const std::string& from_room,
              std::uint32_t request_id = 0);
  void refused(std::shared_ptr<SessionLink> link, const room::Arrival& arrival,
               std::uint32_t request_id, const Error& error, const std::string& room_id);

 private:
  std::int64_t active_mute(store::UserId id);
  std::shared_ptr<RoomHost> open_instance(std::string_view id);
  std::shared_ptr<RoomHost> make_room(std::string id, std::shared_ptr<const world::Map> map);

  ServerConfig config_;
  store::Store& store_;
  Metrics& metrics_;
  Directory& directory_;
  ResumeRegistry resumes_;
  AddressLimits address_limits_;
  boost::asio::io_context& io_;
  // Every map by id: instances (study-group rooms) share their map's.
  std::map<std::string, std::shared_ptr<const world::Map>, std::less<>> maps_;
  RoomGate& gate_;
  mutable std::mutex rooms_mutex_;  // study rooms are added while the server runs
  std::map<std::string, std::shared_ptr<RoomHost>, std::less<>> rooms_;
  const Encoder& encoder_;
  graduation::Service& graduation_;
  const FeatureRegistry& features_;
};

}  // namespace moim::app
