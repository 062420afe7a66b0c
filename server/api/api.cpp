#include "api/api.hpp"

#include <cctype>
#include <charconv>

#include <nlohmann/json.hpp>

namespace moim::api {

namespace {

std::string_view lookup(const std::map<std::string, std::string, std::less<>>& map,
                        std::string_view key) {
  const auto it = map.find(key);
  return it == map.end() ? std::string_view{} : std::string_view{it->second};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view ApiRequest::param(std::string_view name) const {
  return lookup(params, name);
}

std::string_view ApiRequest::query_value(std::string_view name) const {
  return lookup(query, name);
}

ApiResponse ApiResponse::json(int status, const nlohmann::json& body) {
  // Replace, not throw, on invalid UTF-8: stored text was validated on the way in, and a
  // response must never fail half-way.
  return ApiResponse{status,
                     "application/json",
                     body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                     {}};
}

ApiResponse ApiResponse::text(int status, std::string body, std::string content_type) {
  return ApiResponse{status, std::move(content_type), std::move(body), {}};
}

ApiResponse ApiResponse::error(int status, std::string_view code, std::string_view message) {
  return json(status, {{"error", {{"code", code}, {"message", message}}}});
}

ApiResponse ApiResponse::from(const Error& error) {
  return ApiResponse::error(http_status(error.code), errc_name(error.code), error.message);
}

int http_status(Errc code) {
  switch (code) {
    case Errc::forbidden:
    case Errc::banned:
    case Errc::muted:
      return 403;
    case Errc::no_such_room:
    case Errc::no_such_user:
    case Errc::no_such_group:
    case Errc::no_such_talk:
    case Errc::no_such_question:
      return 404;
    case Errc::room_full:
    case Errc::group_full:
    case Errc::recruiting_closed:
    case Errc::already_member:
    case Errc::already_voted:
    case Errc::already_booked:
    case Errc::session_over:
    case Errc::raffle_state:
    case Errc::color_already_picked:
    case Errc::conflict:
    case Errc::limit_reached:
      return 409;
    case Errc::text_too_long:
      return 413;
    case Errc::rate_limited:
      return 429;
    case Errc::internal:
      return 500;
    default:
      return 400;
  }
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = hex_value(text[i + 1]);
    const int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::optional<std::map<std::string, std::string, std::less<>>> parse_query(std::string_view query) {
  std::map<std::string, std::string, std::less<>> out;
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string pair(query.substr(0, amp));
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    for (auto& c : pair) {
      if (c == '+') c = ' ';
    }
    const auto eq = pair.find('=');
    auto key = percent_decode(std::string_view(pair).substr(0, eq));
    auto value = eq == std::string::npos ? std::optional<std::string>{""}
                                         : percent_decode(std::string_view(pair).substr(eq + 1));
    if (!key || !value) return std::nullopt;
    out.insert_or_assign(std::move(*key), std::move(*value));
  }
  return out;
}

std::string_view bearer_token(std::string_view header) {
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    // The scheme is case-insensitive (RFC 9110 §11.1).
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i]))) {
      return {};
    }
  }
  header.remove_prefix(scheme.size());
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  return header;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace moim::api
