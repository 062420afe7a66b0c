#pragma once
// The host API's router: method + path pattern → handler, with bearer-token access control in
// one place so no handler can forget it.
//
//   router.add("POST", "/api/talks/{id}/notes", Access::host, handler);
//
// Access::host routes answer 401 (with WWW-Authenticate: Bearer) when the Authorization header
// is missing or the token is unknown, and 403 when the token's role may not hold one (an
// attendee's, see core/roles.hpp); the handler sees request.role set. Access::open routes are for
// what must be reachable without a header (e.g. a calendar feed that a calendar app subscribes to).
//
// Paths are matched as sent, before any percent-decoding, so a proxy's path rules mean what
// they say: `/api/talks%2F1` is not `/api/talks/1`, and an empty segment (`/api//online`)
// matches nothing. Only the `{name}` values are decoded, after matching.
//
// Handlers run on an I/O thread: they may call the store (thread-safe) and post to rooms, and
// must not block for long. Exceptions are answered, never propagated: nlohmann::json errors (a
// malformed body, a missing field) are 400, anything else 500.
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "api/api.hpp"
#include "store/store.hpp"

namespace moim::api {

enum class Access { open, host };

class Router {
 public:
  using Handler = std::function<ApiResponse(const ApiRequest&)>;

  explicit Router(store::Store& store) : store_(store) {}

  // `pattern` is a path whose segments are literals or `{name}` placeholders. A later route
  // with the same method and pattern is a programming error (asserted).
  void add(std::string method, std::string pattern, Access access, Handler handler);

  // 404 when no pattern matches the path, 405 when one does but not for this method.
  ApiResponse handle(ApiRequest request) const;

  // Every route as added, for tests and documentation that must cover them all.
  struct RouteInfo {
    std::string method;
    std::string pattern;
    Access access;
  };
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Access access;
    Handler handler;
  };

  // The caller's role, or the 401/403 response that refuses them.
  std::variant<store::Role, ApiResponse> authorize(const ApiRequest& request) const;

  store::Store& store_;
  std::vector<Route> routes_;
};

}  // namespace moim::api
