// GET /api/online   who is online and where
// POST /api/invites {"role": "attendee"|"host", "max_uses": 0, "label": "..."} → {"code": ...}
//   The code is shown once; only its hash is stored. Host invites need an admin token, so a
//   host cannot mint hosts.
#include <nlohmann/json.hpp>

#include "api/routes.hpp"
#include "app/hub.hpp"
#include "store/secret_hash.hpp"

namespace moim::api {

namespace {

using nlohmann::json;

ApiResponse online(app::Hub& hub) {
  const auto list = hub.online();
  json people = json::array();
  for (const auto& entry : list.entries()) {
    people.push_back({{"user_id", entry.user_id()},
                      {"display_name", entry.display_name()},
                      {"room", entry.room()}});
  }
  return ApiResponse::json(200, {{"online", std::move(people)}});
}

std::optional<store::Role> role_named(std::string_view name) {
  if (name == "attendee") return store::Role::attendee;
  if (name == "host") return store::Role::host;
  return std::nullopt;
}

ApiResponse create_invite(app::Hub& hub, const ApiRequest& request) {
  const json body = request.body.empty() ? json::object() : json::parse(request.body);
  const auto role = role_named(body.value("role", std::string("attendee")));
  if (!role) return ApiResponse::error(400, "bad_request", "role must be attendee or host");
  if (*role == store::Role::host && request.role != store::Role::admin) {
    return ApiResponse::error(403, "forbidden", "only an admin token can create host invites");
  }
  const int max_uses = body.value("max_uses", 1);
  const std::string label = body.value("label", std::string());
  if (max_uses < 0) return ApiResponse::error(400, "bad_request", "max_uses must be 0 or more");
  if (label.size() > 200) return ApiResponse::error(400, "bad_request", "label is too long");
  const auto code = store::random_invite_code();
  if (auto done = hub.store().create_invite(code, *role, max_uses, label); !done) {
    return ApiResponse::from(done.error());
  }
  return ApiResponse::json(201, {{"code", code}, {"max_uses", max_uses}, {"label", label}});
}

}  // namespace

void register_core_routes(Router& router, app::Hub& hub) {
  router.add("GET", "/api/online", Access::host, [&hub](const ApiRequest&) { return online(hub); });
  router.add("POST", "/api/invites", Access::host,
             [&hub](const ApiRequest& request) { return create_invite(hub, request); });
}

}  // namespace moim::api
