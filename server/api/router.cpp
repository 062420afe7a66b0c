#include "api/router.hpp"

#include <cassert>
#include <nlohmann/json.hpp>

namespace moim::api {

namespace {

// The segments of a path as sent: "/api/talks/1" is {"api", "talks", "1"}. Empty segments are
// kept ("/api//online" has one), so they match no pattern.
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.starts_with('/')) return segments;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

bool is_placeholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills `params` (percent-decoded) when `segments` fit `pattern`. Literal segments compare as
// sent; a placeholder takes any non-empty segment whose escapes are well-formed.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
             std::map<std::string, std::string, std::less<>>& params) {
  if (pattern.size() != segments.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_placeholder(pattern[i])) {
      auto value = segments[i].empty() ? std::nullopt : percent_decode(segments[i]);
      if (!value) return false;
      found.emplace(pattern[i].substr(1, pattern[i].size() - 2), std::move(*value));
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
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
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), access,
                          std::move(handler)});
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_) out.push_back({route.method, route.pattern, route.access});
  return out;
}

std::variant<store::Role, ApiResponse> Router::authorize(const ApiRequest& request) const {
  const auto token = bearer_token(request.authorization);
  if (token.empty()) return unauthorized("this needs a host token: Authorization: Bearer <token>");
  // The store looks the token up by its SHA-256, so comparing takes the same time whatever
  // prefix of a real token was guessed.
  auto role = store_.role_for_token(token);
  if (!role) return ApiResponse::from(role.error());
  if (!*role) return unauthorized("unknown host token");
  if (!store::may_hold_token(**role)) {
    return ApiResponse::error(403, "forbidden",
                              "this token is not a host's: a host token's role is " +
                                  store::role_names(&store::RoleInfo::token));
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
