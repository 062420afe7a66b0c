#include "moim/client/server_address.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace moim::client {

std::optional<ServerAddress> parse_server_address(std::string_view text) {
  ServerAddress address;
  if (const auto scheme = text.find("://"); scheme != std::string_view::npos) {
    const auto name = text.substr(0, scheme);
    if (name != "ws" && name != "wss") return std::nullopt;
    address.tls = name == "wss";
    text.remove_prefix(scheme + 3);
  }
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    address.target = std::string(text.substr(slash));
    text = text.substr(0, slash);
  }
  // "[::1]:7700" keeps its brackets out of the host name.
  std::string_view host = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    const auto rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  if (host.empty()) return std::nullopt;
  address.host = std::string(host);
  if (!port.empty()) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
      return std::nullopt;
    }
    address.port = static_cast<std::uint16_t>(value);
  }
  return address;
}

std::string name_to_resolve(std::string_view host) {
  std::string lower(host);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.ends_with('.')) lower.pop_back();  // "localhost." is the same name
  const bool loopback = lower == "localhost" || lower.ends_with(".localhost");
  return loopback ? std::string("127.0.0.1") : std::string(host);
}

}  // namespace moim::client
