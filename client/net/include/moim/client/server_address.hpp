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

// The name to hand to the resolver for `host`: "localhost" and names under ".localhost" are
// the loopback address itself (RFC 6761 §6.3, as curl and browsers do), so joining
// wss://localhost works on machines whose resolver does not know the name (no /etc/hosts, as
// in a minimal Debian). The host name itself is still what TLS verifies.
std::string name_to_resolve(std::string_view host);

}  // namespace moim::client
