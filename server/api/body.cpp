#include "api/body.hpp"

#include <set>
#include <string>
#include <vector>

namespace moim::api {

namespace {

using nlohmann::json;

Error bad(std::string message) {
  return Error{Errc::bad_request, std::move(message)};
}

// Watches the parser's events: one set of keys per object being read, and the first problem.
class Strictness {
 public:
  bool on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        keys_.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!keys_.empty()) keys_.pop_back();
        break;
      case json::parse_event_t::key:
        if (!keys_.empty() && !keys_.back().insert(parsed.get<std::string>()).second) {
          note("the key \"" + parsed.get<std::string>() + "\" appears twice in one object");
        }
        break;
      case json::parse_event_t::value:
        if (parsed.is_number_float()) {
          note("numbers here are whole numbers, without a fraction or exponent (got " +
               parsed.dump() + ")");
        }
        break;
      default:
        break;
    }
    return true;  // keep everything: the problem, if any, is reported after parsing
  }
  const std::string& problem() const { return problem_; }

 private:
  void note(std::string problem) {
    if (problem_.empty()) problem_ = std::move(problem);
  }

  std::vector<std::set<std::string, std::less<>>> keys_;
  std::string problem_;
};

}  // namespace

Result<json> parse_json_object(std::string_view text) {
  Strictness strictness;
  json body;
  try {
    body = json::parse(text, [&strictness](int, json::parse_event_t event, json& parsed) {
      return strictness.on_event(event, parsed);
    });
  } catch (const json::parse_error& e) {
    return bad(std::string("invalid JSON: ") + e.what());
  }
  if (!strictness.problem().empty()) return bad(strictness.problem());
  if (!body.is_object()) return bad("the body must be a JSON object");
  return body;
}

Result<json> json_body(const ApiRequest& request, EmptyBody empty) {
  if (request.body.empty() && empty == EmptyBody::as_empty_object) return json::object();
  return parse_json_object(request.body);
}

Result<std::int64_t> int_field(const json& body, const char* key, std::int64_t fallback,
                               std::int64_t min, std::int64_t max) {
  const auto it = body.find(key);
  if (it == body.end()) return fallback;
  const auto range = std::to_string(min) + " to " + std::to_string(max);
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    return bad(std::string(key) + " must be a whole number from " + range);
  }
  if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max) {
    return bad(std::string(key) + " must be a whole number from " + range);
  }
  return it->get<std::int64_t>();
}

}  // namespace moim::api
