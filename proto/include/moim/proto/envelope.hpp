#pragma once
// Framing → decoding as its own step: bytes of one WebSocket message in, an Envelope or the
// reason it was refused out. Both the server's sessions and the client library use this.
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "moim/v1/moim.pb.h"

namespace moim::proto {

// Largest message a client may send; the server closes a connection that sends more.
inline constexpr std::size_t kMaxMessageBytes = 64 * 1024;
// Largest message a client accepts from the server. Larger than the other way: a join snapshot
// carries everyone in view and 50 lines of chat history (500 Hangul characters are 1,500 bytes).
inline constexpr std::size_t kMaxServerMessageBytes = 8 * 1024 * 1024;

struct DecodeError {
  v1::ErrorCode code;
  std::string message;
};

using DecodeResult = std::variant<v1::Envelope, DecodeError>;

// Parses one message. Refuses input over `max_bytes`, bytes that are not an Envelope, and
// envelopes whose body is missing or of a kind this build does not know (an unknown oneof field).
// The server decodes with the default; clients pass kMaxServerMessageBytes.
DecodeResult decode_envelope(std::string_view bytes, std::size_t max_bytes = kMaxMessageBytes);

std::string encode(const v1::Envelope& envelope);

// Convenience builders for the server's answers.
v1::Envelope make_error(std::uint32_t request_id, v1::ErrorCode code, std::string message);
v1::Envelope make_ack(std::uint32_t request_id);

}  // namespace moim::proto
