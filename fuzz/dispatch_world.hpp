#pragma once
// A whole moim server minus the network, for the dispatch fuzzer and its seed generator: a hub
// with every shipped room over an in-memory SQLite store, and sessions (SessionCore, the same
// dispatch code WsSession runs) fed with raw message bytes. Everything runs on one io_context
// that the caller drains after each message, so a run is single-threaded and repeatable.
//
// Input format (one fuzz input): records of
//   [control byte][length, 2 bytes big-endian][length bytes of one WebSocket message]
// control & 0x03 picks one of four connections; control & 0x80 means "this connection drops"
// (no length or payload follows) and a fresh one takes its place.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace moim::fuzz {

inline constexpr std::size_t kConnections = 4;
// Invite codes the world's store knows, so inputs can sign in as a host or an attendee.
inline constexpr std::string_view kHostInvite = "FUZZ-HOST";
inline constexpr std::string_view kAttendeeInvite = "FUZZ-ATTENDEE";

// Runs one input against a fresh world; returns how many messages the server sent back.
std::size_t run_dispatch(const std::uint8_t* data, std::size_t size);

// Appends one record to an input being built (seed generation).
void add_message(std::string& input, std::uint8_t connection, std::string_view message);
void add_drop(std::string& input, std::uint8_t connection);

}  // namespace moim::fuzz
