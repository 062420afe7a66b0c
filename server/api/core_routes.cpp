// GET /api/online   who is online and where
// POST /api/invites {"role": "attendee"|"host", "max_uses": 0, "label": "..."} → {"code": ...}
//   The code is shown once; only its hash is stored. Who may invite which role is the role
//   table's (core/roles.hpp): host invites need an admin token, so a host cannot mint hosts.
#include <nlohmann/json.hpp>

#include "api/body.hpp"
#include "api/routes.hpp"
#include "app/hub.hpp"
#include "core/secret_hash.hpp"

namespace moim::api {

namespace {

using nlohmann::json;

ApiResponse online(app::Hub& hub) {
  json people = json::array();
  for (const auto& entry : hub.online()) {
    people.push_back(
        {{"user_id", entry.who.id}, {"display_name", entry.who.name}, {"room", entry.room}});
  }
  return ApiResponse::json(200, {{"online", std::move(people)}});
}

// The roles an invite may have over the API, for messages: those some token may invite.
std::string invitable_roles() {
  std::string out;
  for (const auto& info : store::kRoles) {
    if (!info.invited_over_api_by) continue;
    out += (out.empty() ? "" : " or ") + std::string(info.name);
  }
  return out;
}

ApiResponse create_invite(store::Store& store, const ApiRequest& request) {
  const auto body = json_body(request, EmptyBody::as_empty_object);
  if (!body) return ApiResponse::from(body.error());
  const auto& role_field = body->contains("role") ? body->at("role") : json("attendee");
  const auto role =
      role_field.is_string() ? store::role_named(role_field.get<std::string>()) : std::nullopt;
  if (!role || !store::role_info(*role).invited_over_api_by) {
    return ApiResponse::error(400, "bad_request", "role must be " + invitable_roles());
  }
  if (!store::may_invite_over_api(request.role.value_or(store::Role::attendee), *role)) {
    const auto least = *store::role_info(*role).invited_over_api_by;
    return ApiResponse::error(403, "forbidden",
                              std::string(store::role_name(*role)) + " invites need a token of " +
                                  std::string(store::role_name(least)) + " role or above");
  }
  const auto max_uses = int_field(*body, "max_uses", 1, 0, 1'000'000);
  if (!max_uses) return ApiResponse::from(max_uses.error());
  const std::string label = body->value("label", std::string());
  if (label.size() > 200) return ApiResponse::error(400, "bad_request", "label is too long");
  const auto code = random_invite_code();
  if (!code) return ApiResponse::from(code.error());
  const int uses = static_cast<int>(*max_uses);
  if (auto done = store.create_invite(*code, *role, uses, label); !done) {
    return ApiResponse::from(done.error());
  }
  return ApiResponse::json(201, {{"code", *code}, {"max_uses", uses}, {"label", label}});
}

}  // namespace

void register_core_routes(Router& router, const ApiParts& parts) {
  router.add("GET", "/api/online", Access::host,
             [&hub = parts.hub](const ApiRequest&) { return online(hub); });
  router.add(
      "POST", "/api/invites", Access::host,
      [&store = parts.store](const ApiRequest& request) { return create_invite(store, request); });
}

}  // namespace moim::api
