#include "api/router.hpp"

#include <cassert>
#include <cctype>
#include <nlohmann/json.hpp>

namespace moim::api {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
  return segments;
}

bool is_placeholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills `params` when `segments` fit `pattern`.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
             std::map<std::string, std::string, std::less<>>& params) {
  if (pattern.size() != segments.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_placeholder(pattern[i])) {
      found.emplace(pattern[i].substr(1, pattern[i].size() - 2), segments[i]);
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
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

ApiResponse unauthorized(std::string_view message) {
  auto response = ApiResponse::error(401, "unauthorized", message);
  response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"moim host API\"");
  return response;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  auto segments = split_path(pattern);
  for ([[maybe_unused]] const auto& route : routes_) {
    assert(!(route.method == method && route.segments == segments) && "route added twice");
  }
  routes_.push_back(Route{std::move(method), std::move(segments), access, std::move(handler)});
}

std::variant<store::Role, ApiResponse> Router::authorize(const ApiRequest& request) const {
  const auto token = bearer_token(request.authorization);
  if (token.empty()) return unauthorized("this needs a host token: Authorization: Bearer <token>");
  // The store looks the token up by its SHA-256, so comparing takes the same time whatever
  // prefix of a real token was guessed.
  auto role = store_.role_for_token(token);
  if (!role) return ApiResponse::from(role.error());
  if (!*role) return unauthorized("unknown host token");
  if (**role == store::Role::attendee) {
    return ApiResponse::error(403, "forbidden", "this token is not a host's");
  }
  return **role;
}

ApiResponse Router::handle(ApiRequest request) const {
  const auto segments = split_path(request.path);
  bool path_known = false;
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!matches(route.segments, segments, params)) continue;
    path_known = true;
    const bool head_as_get = request.method == "HEAD" && route.method == "GET";
    if (route.method != request.method && !head_as_get) continue;
    request.params = std::move(params);
    if (route.access == Access::host) {
      auto who = authorize(request);
      if (auto* refusal = std::get_if<ApiResponse>(&who)) return std::move(*refusal);
      request.role = std::get<store::Role>(who);
    }
    try {
      return route.handler(request);
    } catch (const nlohmann::json::exception& e) {
      return ApiResponse::error(400, "bad_request", std::string("invalid JSON: ") + e.what());
    } catch (const std::exception& e) {
      return ApiResponse::error(500, "internal", e.what());
    }
  }
  if (path_known) return ApiResponse::error(405, "method_not_allowed", "method not allowed");
  return ApiResponse::error(404, "not_found", "no such API path");
}

}  // namespace moim::api
