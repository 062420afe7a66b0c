// The host API for graduation day (every route needs a host token):
//   POST /api/roster                 CSV (name,email,cohort,company) → counts and new invite codes
//                                    (?format=csv answers the codes as CSV); re-import updates
//   GET  /api/roster                 everyone on the roster with their check-in (no codes)
//   POST /api/roster/{id}/code       a new invite code for a graduate who lost theirs (shown once)
//   POST /api/roster/{id}/check-in   checks in the account that joined with the graduate's code
//   GET  /api/graduation/counts      expected, arrived, missing (+ who is missing)
//   GET  /api/graduation/palette     colours with how many picked each, and the suggestion
//   PUT  /api/graduation/palette     {"colors":[{"name":"red","rgb":"#E4572E"},...]}
//   POST /api/raffle                 {"winners":3,"extra_every":5} → id and commitment
//   POST /api/raffle/{id}/draw       draws once, announces the winners to the venue
//   GET  /api/raffle/{id}/audit      commitment, seed (after the draw), tickets, winners
//   GET  /api/graduation/results.csv everyone's day in one file
//   GET  /api/graduation/leaderboard most people met (?limit=20)
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/body.hpp"
#include "api/routes.hpp"
#include "app/hub.hpp"
#include "graduation/raffle.hpp"
#include "graduation/roster.hpp"
#include "graduation/service.hpp"

namespace moim::api {

namespace {

using nlohmann::json;

std::optional<std::uint32_t> parse_rgb(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
  if (ec != std::errc{} || end != text.data() + 7) return std::nullopt;
  return value;
}

ApiResponse import_roster(const ApiParts& parts, const ApiRequest& request) {
  auto imported = parts.graduation.import_roster(request.body);
  if (!imported) return ApiResponse::from(imported.error());
  if (request.query_value("format") == "csv") {
    std::string csv = "roster_id,name,email,invite_code\n";
    for (const auto& c : imported->codes) {
      csv += std::to_string(c.roster_id) + "," + graduation::csv_field(c.name) + "," +
             graduation::csv_field(c.email) + "," + c.invite_code + "\n";
    }
    return ApiResponse::text(200, std::move(csv), "text/csv; charset=utf-8");
  }
  json codes = json::array();
  for (const auto& c : imported->codes) {
    codes.push_back({{"roster_id", c.roster_id},
                     {"name", c.name},
                     {"email", c.email},
                     {"invite_code", c.invite_code}});
  }
  return ApiResponse::json(200, {{"created", imported->created},
                                 {"updated", imported->updated},
                                 {"unchanged", imported->unchanged},
                                 {"codes", std::move(codes)}});
}

json person(const graduation::RosterEntry& e) {
  return {{"roster_id", e.id},
          {"name", e.name},
          {"email", e.email},
          {"cohort", e.cohort},
          {"company", e.company},
          {"user_id", e.user},
          {"checked_in_at_ms", e.checked_in_at_ms}};
}

ApiResponse counts(const ApiParts& parts) {
  const auto c = parts.graduation.counts();
  json missing = json::array();
  for (const auto& e : c.missing) missing.push_back(person(e));
  return ApiResponse::json(200, {{"expected", c.expected},
                                 {"arrived", c.arrived},
                                 {"missing", c.expected - c.arrived},
                                 {"missing_people", std::move(missing)}});
}

ApiResponse palette(const ApiParts& parts) {
  const auto colors = parts.graduation.palette();
  const auto picks = parts.graduation.picks();
  json out = json::array();
  for (std::size_t i = 0; i < colors.size(); ++i) {
    out.push_back({{"index", i},
                   {"name", colors[i].name},
                   {"rgb", graduation::hex_rgb(colors[i].rgb)},
                   {"picked", picks[i]}});
  }
  return ApiResponse::json(
      200, {{"colors", std::move(out)}, {"suggested", graduation::suggest_color(picks)}});
}

ApiResponse set_palette(const ApiParts& parts, const ApiRequest& request) {
  const auto body = json_body(request);
  if (!body) return ApiResponse::from(body.error());
  graduation::Palette colors;
  for (const auto& c : body->at("colors")) {
    auto rgb = parse_rgb(c.at("rgb").get<std::string>());
    if (!rgb) return ApiResponse::error(400, "bad_request", "colours are written #RRGGBB");
    colors.push_back({c.at("name").get<std::string>(), *rgb});
  }
  if (auto set = parts.graduation.set_palette(std::move(colors)); !set) {
    return ApiResponse::from(set.error());
  }
  return palette(parts);
}

ApiResponse create_raffle(const ApiParts& parts, const ApiRequest& request) {
  const auto body = json_body(request, EmptyBody::as_empty_object);
  if (!body) return ApiResponse::from(body.error());
  auto raffle = parts.hub.open_raffle(body->value("winners", 1), body->value("extra_every", 0));
  if (!raffle) return ApiResponse::from(raffle.error());
  return ApiResponse::json(201, {{"id", raffle->id},
                                 {"commitment", raffle->commitment},
                                 {"winners", raffle->winners},
                                 {"extra_every", raffle->extra_every},
                                 {"algorithm", graduation::kRaffleAlgorithm}});
}

json winners_json(const std::vector<std::pair<store::UserId, std::string>>& winners) {
  json out = json::array();
  for (const auto& [user, name] : winners) out.push_back({{"user_id", user}, {"name", name}});
  return out;
}

ApiResponse draw(const ApiParts& parts, const ApiRequest& request) {
  auto id = parse_int(request.param("id"));
  if (!id) return ApiResponse::error(404, "raffle_state", "no such raffle");
  auto drawn = parts.hub.draw_raffle(*id);
  if (!drawn) return ApiResponse::from(drawn.error());
  return ApiResponse::json(200, {{"id", drawn->raffle.id},
                                 {"winners", winners_json(drawn->winners)},
                                 {"commitment", drawn->raffle.commitment},
                                 {"seed", drawn->raffle.seed_hex},
                                 {"tickets", drawn->raffle.tickets.size()},
                                 {"already_drawn", drawn->already}});
}

ApiResponse audit(const ApiParts& parts, const ApiRequest& request) {
  auto id = parse_int(request.param("id"));
  auto raffle =
      id ? parts.graduation.raffle(*id)
         : Result<std::optional<store::RaffleRecord>>(std::optional<store::RaffleRecord>{});
  if (!raffle) return ApiResponse::from(raffle.error());
  if (!*raffle) return ApiResponse::error(404, "raffle_state", "no such raffle");
  const auto& r = **raffle;
  const bool drawn = r.drawn_at_ms != 0;
  json out = {{"id", r.id},
              {"algorithm", graduation::kRaffleAlgorithm},
              {"description",
               "commitment = sha256(seed); digest = sha256(tickets joined by \\n); block i = "
               "HMAC-SHA256(seed, \"moim-raffle-v1\" + digest + u64be(i)); read u64be values; "
               "uniform(n) by rejection below 2^64 - (2^64 mod n); Fisher-Yates from the last "
               "ticket down, j = uniform(i+1); winners = distinct user ids in shuffled order. "
               "See docs/raffle.md in moim's source."},
              {"commitment", r.commitment},
              {"winners_wanted", r.winners},
              {"extra_every", r.extra_every},
              {"created_at_ms", r.created_at_ms},
              {"drawn", drawn}};
  if (drawn) {
    out["seed"] = r.seed_hex;
    out["drawn_at_ms"] = r.drawn_at_ms;
    out["tickets"] = r.tickets;
    out["tickets_digest"] = graduation::tickets_digest(r.tickets);
    out["winners"] = r.winner_ids;
  }
  return ApiResponse::json(200, out);
}

ApiResponse leaderboard(const ApiParts& parts, const ApiRequest& request) {
  auto limit = parse_int(request.query_value("limit")).value_or(20);
  if (limit < 1 || limit > 1000) return ApiResponse::error(400, "bad_request", "limit is 1–1000");
  json rows = json::array();
  int rank = 0;
  for (const auto& row : parts.graduation.leaderboard(static_cast<std::size_t>(limit))) {
    rows.push_back({{"rank", ++rank},
                    {"user_id", row.user},
                    {"name", row.name},
                    {"people_met", row.met},
                    {"exchanges", row.exchanges},
                    {"cards", row.cards},
                    {"complete", row.complete}});
  }
  return ApiResponse::json(200, {{"leaderboard", std::move(rows)}});
}

ApiResponse roster(const ApiParts& parts) {
  json people = json::array();
  for (const auto& [id, e] : parts.graduation.roster()) people.push_back(person(e));
  return ApiResponse::json(200, {{"roster", std::move(people)}});
}

// Roster routes answer an unknown graduate with 404 and a graduate in the wrong state with 409,
// so that 403 keeps meaning "this token may not".
ApiResponse roster_error(const Error& error) {
  switch (error.code) {
    case Errc::not_on_roster:
      return ApiResponse::error(404, errc_name(error.code), error.message);
    case Errc::not_joined:
    case Errc::forbidden:
      return ApiResponse::error(409, errc_name(error.code), error.message);
    default:
      return ApiResponse::from(error);
  }
}

ApiResponse reissue_code(const ApiParts& parts, const ApiRequest& request) {
  auto id = parse_int(request.param("id"));
  if (!id) return ApiResponse::error(404, "not_on_roster", "no such graduate on the roster");
  auto reissued = parts.graduation.reissue_code(*id);
  if (!reissued) return roster_error(reissued.error());
  return ApiResponse::json(200, {{"roster_id", reissued->roster_id},
                                 {"name", reissued->name},
                                 {"email", reissued->email},
                                 {"invite_code", reissued->invite_code},
                                 {"already_joined", reissued->joined}});
}

ApiResponse host_check_in(const ApiParts& parts, const ApiRequest& request) {
  auto id = parse_int(request.param("id"));
  if (!id) return ApiResponse::error(404, "not_on_roster", "no such graduate on the roster");
  auto done = parts.graduation.check_in_roster(*id, parts.hub.now_ms());
  if (!done) return roster_error(done.error());
  if (!done->already) {
    // If they are online, their HUD and their cap and gown change now, not at their next move.
    parts.hub.graduation_changed(done->user);
  }
  return ApiResponse::json(200, {{"roster_id", done->roster_id},
                                 {"name", done->name},
                                 {"user_id", done->user},
                                 {"already", done->already}});
}

}  // namespace

void register_graduation_routes(Router& router, const ApiParts& parts) {
  auto route = [&](const char* method, const char* path, auto handler) {
    router.add(method, path, Access::host,
               [parts, handler](const ApiRequest& request) { return handler(parts, request); });
  };
  route("POST", "/api/roster", import_roster);
  route("GET", "/api/roster", [](const ApiParts& p, const ApiRequest&) { return roster(p); });
  route("POST", "/api/roster/{id}/code", reissue_code);
  route("POST", "/api/roster/{id}/check-in", host_check_in);
  route("GET", "/api/graduation/counts",
        [](const ApiParts& p, const ApiRequest&) { return counts(p); });
  route("GET", "/api/graduation/palette",
        [](const ApiParts& p, const ApiRequest&) { return palette(p); });
  route("PUT", "/api/graduation/palette", set_palette);
  route("POST", "/api/raffle", create_raffle);
  route("POST", "/api/raffle/{id}/draw", draw);
  route("GET", "/api/raffle/{id}/audit", audit);
  route("GET", "/api/graduation/results.csv", [](const ApiParts& p, const ApiRequest&) {
    return ApiResponse::text(200, p.graduation.results_csv(), "text/csv; charset=utf-8");
  });
  route("GET", "/api/graduation/leaderboard", leaderboard);
}

}  // namespace moim::api
