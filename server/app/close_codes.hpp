#pragma once
// Why a connection ends, as WebSocket close codes: standard codes for transport problems,
// 4000–4999 (the application range) for moim's own reasons; the close reason text says it for
// people. In app because the hub decides most of them (kicked, banned, replaced); net sends them.
#include <cstdint>

namespace moim::app {

enum class CloseCode : std::uint16_t {
  normal = 1000,
  going_away = 1001,        // server shutting down
  unsupported_data = 1003,  // a text frame
  policy_violation = 1008,  // malformed, out of order or too fast
  too_big = 1009,           // a frame over 64 KiB
  kicked = 4001,
  banned = 4002,
  replaced = 4003,          // the same person signed in from somewhere else
  slow_consumer = 4004,     // the send queue overflowed
  handshake_timeout = 4005  // no Hello/Join in time
};

}  // namespace moim::app
