#pragma once
// A whole moim server minus the network, for the dispatch fuzzer, its seed generator and the
// seed coverage test: a hub with every shipped room but one (kLeftOutMap) and the programme
// service over an in-memory SQLite store, and sessions (SessionCore, the same dispatch code
// WsSession runs) fed with raw message bytes. Everything runs on one io_context that is drained
// after each message, so a run is single-threaded and repeatable (up to the wall clock, which
// rate limits and expiries read).
//
// The world is prepared once per process (the cast below, a study group, two live sessions in
// the hall, a question, a graduation roster and a raffle) and its database copied aside; every
// input starts from that copy with a fresh hub, so no input sees what an earlier one did.
//
// Input format (one fuzz input): records of
//   [control byte][length, 2 bytes big-endian][length bytes of one WebSocket message]
// control & 0x03 picks one of four connections; control & 0x80 means "this connection drops"
// (no length or payload follows) and a fresh one takes its place.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "moim/v1/moim.pb.h"
#include "moim/world/map.hpp"

namespace moim::fuzz {

inline constexpr std::size_t kConnections = 4;

// Invite codes the world's store knows: shared codes (which take a device key) for hosts and
// attendees, and the single-use code of the second graduate on the roster.
inline constexpr std::string_view kHostInvite = "FUZZ-HOST";
inline constexpr std::string_view kAttendeeInvite = "FUZZ-ATTENDEE";
inline constexpr std::string_view kGraduateInvite = "FUZZ-GRAD-2";

// People who exist before any input, with their user ids. Joining with the name, the invite and
// device_key(name) signs in as them.
struct Person {
  std::string_view name;
  std::string_view invite;
  std::uint64_t id;
};
inline constexpr Person kHost{"호스트", kHostInvite, 1};
inline constexpr Person kAttendee{"참가자", kAttendeeInvite, 2};
inline constexpr Person kPeer{"동기", kAttendeeInvite, 3};
// Whoever first joins with kGraduateInvite becomes this user.
inline constexpr std::uint64_t kGraduateId = 4;
std::string device_key(std::string_view name);

// What the prepared world holds.
inline constexpr std::int64_t kGroup = 1;  // led by kHost, kAttendee a member, no visitors
inline constexpr std::string_view kGroupRoom = "study-1";
inline constexpr std::int64_t kTalk = 1;         // a tech talk in the hall, on now
inline constexpr std::int64_t kOfficeHours = 2;  // office hours in the hall with two seats, on now
inline constexpr std::int64_t kQuestion = 1;     // kAttendee's question on kTalk
inline constexpr std::int64_t kRosterAttendee = 1;  // a graduate nobody has joined as
inline constexpr std::int64_t kRosterGraduate = 2;  // the graduate with kGraduateInvite
inline constexpr std::int64_t kRaffle = 1;          // open, not drawn

// The shipped maps but one (loaded once): the fuzz world's rooms.
inline constexpr std::string_view kLeftOutMap = "bigmap";
const world::MapSet& shipped_maps();

// Sees every message the server sends: which connection, and the decoded envelope.
using Observer = std::function<void(std::uint8_t connection, const v1::Envelope& sent)>;

// Runs one input against the prepared world; returns how many messages the server sent back.
std::size_t run_dispatch(const std::uint8_t* data, std::size_t size, const Observer& observer = {});

// Appends one record to an input being built (seed generation).
void add_message(std::string& input, std::uint8_t connection, std::string_view message);
void add_drop(std::string& input, std::uint8_t connection);

}  // namespace moim::fuzz
