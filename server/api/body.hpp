#pragma once
// The one way a host-API route reads a JSON body. Stricter than a plain parse, because a body a
// script meant one way must not be read another:
//   - a key given twice in one object (`{"role":"admin","role":"attendee"}`) is refused, at any
//     depth, instead of the last one silently winning;
//   - a number with a fraction or exponent (`"max_uses": 1.5`, `1e3`) is refused: every number
//     the API takes is a whole number, and truncating one would do something not asked for;
//   - the body must be a JSON object.
// Each refusal is a bad_request error whose message names the problem.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/api.hpp"
#include "core/result.hpp"

namespace moim::api {

enum class EmptyBody { refused, as_empty_object };

Result<nlohmann::json> json_body(const ApiRequest& request, EmptyBody empty = EmptyBody::refused);
Result<nlohmann::json> parse_json_object(std::string_view text);

// `body[key]` as a whole number from `min` to `max`, or `fallback` when the key is absent.
Result<std::int64_t> int_field(const nlohmann::json& body, const char* key, std::int64_t fallback,
                               std::int64_t min, std::int64_t max);

}  // namespace moim::api
