#pragma once
// The host API's request and response, independent of Beast so handlers and the router are
// plain C++ that tests drive directly. JSON in, JSON out (CSV and iCalendar where a route says
// so); errors are {"error": {"code": "forbidden", "message": "..."}} with a matching status.
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "store/store.hpp"

namespace moim::api {

struct ApiRequest {
  std::string method;  // upper case, as sent: GET, POST, PUT, PATCH, DELETE, HEAD
  std::string path;    // as sent (not percent-decoded), without the query string
  std::map<std::string, std::string, std::less<>> query;  // percent-decoded
  std::string authorization;                              // the raw header value
  std::string content_type;
  std::string body;
  // Filled by the router: the `{name}` parts of the matched pattern, and the caller's role on
  // routes that require a host token.
  std::map<std::string, std::string, std::less<>> params;
  std::optional<store::Role> role;

  // The value of a path parameter or query key, or "" when absent.
  std::string_view param(std::string_view name) const;
  std::string_view query_value(std::string_view name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static ApiResponse json(int status, const nlohmann::json& body);
  static ApiResponse text(int status, std::string body, std::string content_type);
  // `code` is a short machine-readable word (errc_name in core/errc.hpp for domain errors).
  static ApiResponse error(int status, std::string_view code, std::string_view message);
  // A domain error with the HTTP status that fits its code (403 forbidden, 404 no_such_*, ...).
  static ApiResponse from(const Error& error);
};

// The HTTP status for a domain error code.
int http_status(Errc code);

// Percent-decodes `text` ('+' stays '+'; query strings decode '+' as a space themselves).
// nullopt when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view text);
// Splits "a=1&b=x%20y" into decoded pairs; a malformed escape makes the whole query invalid.
std::optional<std::map<std::string, std::string, std::less<>>> parse_query(std::string_view query);
// The token of an `Authorization: Bearer <token>` header (the scheme in any case), or "".
std::string_view bearer_token(std::string_view header);
// A whole decimal integer from a path segment or query value ("12"; not "", "12x" or " 12").
std::optional<std::int64_t> parse_int(std::string_view text);

}  // namespace moim::api
