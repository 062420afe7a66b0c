#pragma once
// Parsing what people type as a server address: "ws://host:port", "wss://host:port",
// "host:port" or "host".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace moim::client {

inline constexpr std::uint16_t kDefaultPort = 7700;

struct ServerAddress {
  std::string host;
  std::uint16_t port = kDefaultPort;
  std::string target = "/";  // the HTTP path of the WebSocket upgrade
  bool tls = false;          // wss://
};

// nullopt for an empty host, a bad port, or a scheme other than ws:// and wss://.
std::optional<ServerAddress> parse_server_address(std::string_view text);

}  // namespace moim::client
