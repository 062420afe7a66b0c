// The programme and study groups over the host API:
//   GET    /api/talks?from=&to=            the programme (default: a day ago to four weeks on)
//   POST   /api/talks                      schedule: {"kind","title","speaker","company",
//                                          "start","end","room","capacity"} → 201
//   GET    /api/talks/{id}                 one session with its counts
//   PUT    /api/talks/{id}                 change the fields given
//   DELETE /api/talks/{id}
//   GET    /api/talks/{id}/questions       ranked, as the host sees them
//   DELETE /api/talks/{id}/questions/{qid} remove a question with its votes
//   GET|PUT /api/talks/{id}/notes          {"notes": "text with links"}
//   GET    /api/talks.ics                  the programme as iCalendar (open: calendar apps
//                                          subscribe without an Authorization header)
//   GET    /api/study-groups               every group with its schedule and members
//   DELETE /api/study-groups/{id}           remove a group; its room empties to the lobby
//   GET    /api/study-groups/{id}/attendance.csv?from=&to=&min_minutes=10
// Times in requests are RFC 3339 ("2026-11-23T19:00:00+09:00", "...Z"), a local time in the
// server's zone ("2026-11-23T19:00"), or UTC milliseconds; responses give both UTC and local.
#include <limits>
#include <nlohmann/json.hpp>

#include "api/body.hpp"
#include "api/routes.hpp"
#include "app/config.hpp"
#include "app/hub.hpp"
#include "app/programme_service.hpp"
#include "programme/export.hpp"
#include "programme/programme_store.hpp"

namespace moim::api {

namespace {

using nlohmann::json;
using namespace moim::programme;

constexpr Millis kDay = 86'400'000;

TimeZone zone_of(const ApiParts& parts) {
  return find_time_zone(parts.config.time_zone).value_or(seoul());
}

// A time from JSON (number of ms, or text) or a query value.
std::optional<Millis> time_from(const json& value, const TimeZone& zone) {
  if (value.is_number_integer()) return value.get<Millis>();
  if (!value.is_string()) return std::nullopt;
  const auto text = value.get<std::string>();
  if (auto ms = parse_int(text)) return *ms;
  return parse_local_datetime(text, zone);
}

json talk_json(const Talk& t, const TimeZone& zone) {
  return {{"id", t.id},
          {"kind", name_of(t.kind)},
          {"title", t.title},
          {"speaker", t.speaker},
          {"company", t.company},
          {"start", format_utc_rfc3339(t.start_ms)},
          {"end", format_utc_rfc3339(t.end_ms)},
          {"start_local", format_local(t.start_ms, zone) + " " + zone.abbreviation},
          {"end_local", format_local(t.end_ms, zone) + " " + zone.abbreviation},
          {"start_ms", t.start_ms},
          {"end_ms", t.end_ms},
          {"room", t.room},
          {"capacity", t.capacity},
          {"notes", t.notes},
          {"rsvp_count", t.rsvp_count},
          {"booked", t.booked},
          {"waitlisted", t.waitlisted}};
}

std::optional<TalkId> id_param(const ApiRequest& request) {
  auto id = parse_int(request.param("id"));
  if (!id || *id <= 0) return std::nullopt;
  return *id;
}

ApiResponse bad(std::string_view message) {
  return ApiResponse::error(400, "bad_request", message);
}

// Applies the fields present in `body` to `talk`; an error response for a malformed field.
std::optional<ApiResponse> apply(Talk& talk, const json& body, const TimeZone& zone) {
  if (!body.is_object()) return bad("the body must be a JSON object");
  if (body.contains("kind")) {
    auto kind = talk_kind_from(body.at("kind").get<std::string>());
    if (!kind) return bad("kind must be tech_talk, office_hours or resume_clinic");
    talk.kind = *kind;
  }
  for (auto [field, target] : {std::pair{"title", &talk.title},
                               {"speaker", &talk.speaker},
                               {"company", &talk.company},
                               {"room", &talk.room},
                               {"notes", &talk.notes}}) {
    if (body.contains(field)) *target = body.at(field).get<std::string>();
  }
  for (auto [field, target] : {std::pair{"start", &talk.start_ms}, {"end", &talk.end_ms}}) {
    if (!body.contains(field)) continue;
    auto ms = time_from(body.at(field), zone);
    if (!ms) return bad(std::string(field) + " must be a time like 2026-11-23T19:00:00+09:00");
    *target = *ms;
  }
  if (body.contains("capacity")) {
    const auto capacity = body.at("capacity").get<std::int64_t>();
    if (capacity < 0 || capacity > kMaxTalkCapacity) return bad("capacity must be 0 to 1000");
    talk.capacity = static_cast<int>(capacity);
  }
  return std::nullopt;
}

ApiResponse list_talks(const ApiParts& parts, const ApiRequest& request) {
  const auto zone = zone_of(parts);
  const auto now = parts.hub.now_ms();
  Millis from = now - kDay;
  Millis to = 0;
  if (auto q = request.query_value("from"); !q.empty()) {
    auto ms = time_from(json(std::string(q)), zone);
    if (!ms) return bad("from must be a time");
    from = *ms;
  }
  to = from + 28 * kDay;
  if (auto q = request.query_value("to"); !q.empty()) {
    auto ms = time_from(json(std::string(q)), zone);
    if (!ms || *ms <= from) return bad("to must be a time after from");
    to = *ms;
  }
  auto talks = parts.store.programme().list_talks(from, to);
  if (!talks) return ApiResponse::from(talks.error());
  json out = json::array();
  for (const auto& t : *talks) out.push_back(talk_json(t, zone));
  return ApiResponse::json(200, {{"talks", std::move(out)}, {"time_zone", zone.name}});
}

ApiResponse create_talk(const ApiParts& parts, const ApiRequest& request) {
  const auto zone = zone_of(parts);
  const auto body = json_body(request);
  if (!body) return ApiResponse::from(body.error());
  Talk talk;
  if (auto refused = apply(talk, *body, zone)) return *refused;
  if (!parts.hub.room(talk.room)) return ApiResponse::from({Errc::no_such_room, "no such room"});
  talk.created_at_ms = talk.updated_at_ms = parts.hub.now_ms();
  auto created = parts.store.programme().create_talk(std::move(talk));
  if (!created) return ApiResponse::from(created.error());
  return ApiResponse::json(201, talk_json(*created, zone));
}

ApiResponse get_talk(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("talk ids are positive numbers");
  auto talk = parts.store.programme().find_talk(*id);
  if (!talk) return ApiResponse::from(talk.error());
  return ApiResponse::json(200, talk_json(*talk, zone_of(parts)));
}

ApiResponse update_talk(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("talk ids are positive numbers");
  auto& store = parts.store.programme();
  auto talk = store.find_talk(*id);
  if (!talk) return ApiResponse::from(talk.error());
  const auto body = json_body(request);
  if (!body) return ApiResponse::from(body.error());
  const auto zone = zone_of(parts);
  if (auto refused = apply(*talk, *body, zone)) return *refused;
  if (!parts.hub.room(talk->room)) return ApiResponse::from({Errc::no_such_room, "no such room"});
  talk->updated_at_ms = parts.hub.now_ms();
  auto updated = store.update_talk(std::move(*talk));
  if (!updated) return ApiResponse::from(updated.error());
  return ApiResponse::json(200, talk_json(*updated, zone));
}

ApiResponse delete_talk(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("talk ids are positive numbers");
  if (auto done = parts.store.programme().delete_talk(*id); !done) {
    return ApiResponse::from(done.error());
  }
  return ApiResponse::json(200, {{"deleted", *id}});
}

ApiResponse questions(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("talk ids are positive numbers");
  auto list = parts.store.programme().questions(*id, 0);
  if (!list) return ApiResponse::from(list.error());
  json out = json::array();
  for (const auto& q : *list) {
    out.push_back({{"id", q.id},
                   {"author", q.author_name},
                   {"text", q.text},
                   {"votes", q.votes},
                   {"answered", q.answered},
                   {"asked_at", format_utc_rfc3339(q.asked_at_ms)}});
  }
  return ApiResponse::json(200, {{"talk_id", *id}, {"questions", std::move(out)}});
}

ApiResponse notes(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("talk ids are positive numbers");
  auto& store = parts.store.programme();
  if (request.method == "GET" || request.method == "HEAD") {
    auto talk = store.find_talk(*id);
    if (!talk) return ApiResponse::from(talk.error());
    return ApiResponse::json(200, {{"talk_id", *id}, {"notes", talk->notes}});
  }
  const auto body = json_body(request);
  if (!body) return ApiResponse::from(body.error());
  if (!body->contains("notes")) return bad("send {\"notes\": \"...\"}");
  auto talk = store.set_notes(*id, body->at("notes").get<std::string>());
  if (!talk) return ApiResponse::from(talk.error());
  return ApiResponse::json(200, {{"talk_id", *id}, {"notes", talk->notes}});
}

ApiResponse ics(const ApiParts& parts) {
  const auto now = parts.hub.now_ms();
  // A calendar keeps what it has already seen; a quarter back and a year ahead is plenty.
  auto talks = parts.store.programme().list_talks(now - 90 * kDay, now + 365 * kDay);
  if (!talks) return ApiResponse::from(talks.error());
  auto response =
      ApiResponse::text(200, render_ical(*talks, now, parts.config.server_name, zone_of(parts)),
                        "text/calendar; charset=utf-8");
  response.headers.emplace_back("Content-Disposition", "inline; filename=\"moim.ics\"");
  return response;
}

ApiResponse study_groups(const ApiParts& parts) {
  auto& store = parts.store.programme();
  // Every group: the host API is for the people running the event, and --max-groups bounds it.
  auto groups = store.list_groups(0, std::numeric_limits<std::size_t>::max());
  if (!groups) return ApiResponse::from(groups.error());
  json out = json::array();
  for (const auto& g : *groups) {
    out.push_back({{"id", g.id},
                   {"topic", g.topic},
                   {"kind", name_of(g.kind)},
                   {"schedule", describe(g.schedule)},
                   {"capacity", g.capacity},
                   {"members", g.member_count},
                   {"lead", g.lead_name},
                   {"recruiting", g.recruiting},
                   {"room", room_of(g.id)}});
  }
  return ApiResponse::json(200, {{"study_groups", std::move(out)}});
}

ApiResponse remove_question(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  auto question = parse_int(request.param("qid"));
  if (!id || !question || *question <= 0) return bad("talk and question ids are positive numbers");
  if (auto done = parts.store.programme().remove_question(*id, *question); !done) {
    return ApiResponse::from(done.error());
  }
  return ApiResponse::json(200, {{"deleted", *question}, {"talk_id", *id}});
}

// Through the service, so the group's room empties to the lobby.
ApiResponse remove_study_group(app::ProgrammeService& programme, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("group ids are positive numbers");
  auto done = programme.remove_group(*id);
  if (!done) return ApiResponse::from(done.error());
  return ApiResponse::json(200, {{"deleted", *id}});
}

ApiResponse attendance_csv(const ApiParts& parts, const ApiRequest& request) {
  auto id = id_param(request);
  if (!id) return bad("group ids are positive numbers");
  auto& store = parts.store.programme();
  auto group = store.find_group(*id);
  if (!group) return ApiResponse::from(group.error());
  const auto zone = zone_of(parts);
  const auto now = parts.hub.now_ms();
  Millis from = std::max(group->created_at_ms, now - 28 * kDay);
  Millis to = now;
  if (auto q = request.query_value("from"); !q.empty()) {
    auto ms = time_from(json(std::string(q)), zone);
    if (!ms) return bad("from must be a time");
    from = *ms;
  }
  if (auto q = request.query_value("to"); !q.empty()) {
    auto ms = time_from(json(std::string(q)), zone);
    if (!ms) return bad("to must be a time");
    to = std::min(*ms, now);
  }
  if (to <= from || to - from > 366 * kDay) return bad("ask for up to a year, from before to");
  Millis min_ms = 10 * 60'000;
  if (auto q = request.query_value("min_minutes"); !q.empty()) {
    auto minutes = parse_int(q);
    if (!minutes || *minutes < 0 || *minutes > 24 * 60) return bad("min_minutes: 0 to 1440");
    min_ms = *minutes * 60'000;
  }
  // Only sessions that have started: a session under way counts up to now.
  std::vector<Interval> sessions;
  for (const auto& s : sessions_between(group->schedule, from, to)) {
    if (s.start_ms < now) sessions.push_back(s);
  }
  auto visits = store.visits(*id, from, to);
  if (!visits) return ApiResponse::from(visits.error());
  auto members = store.members(*id);
  if (!members) return ApiResponse::from(members.error());
  std::vector<MemberRow> rows;
  for (const auto& m : *members) rows.push_back({m.user, m.name});
  auto response = ApiResponse::text(
      200, render_attendance_csv(*group, attendance(sessions, *visits), rows, min_ms),
      "text/csv; charset=utf-8");
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"study-group-" + std::to_string(*id) + "-attendance.csv\"");
  return response;
}

}  // namespace

void register_programme_routes(Router& router, const ApiParts& parts) {
  auto route = [&](std::string method, std::string path, Access access, auto handler) {
    router.add(std::move(method), std::move(path), access,
               [parts, handler](const ApiRequest& request) { return handler(parts, request); });
  };
  route("GET", "/api/talks", Access::host, list_talks);
  route("POST", "/api/talks", Access::host, create_talk);
  route("GET", "/api/talks/{id}", Access::host, get_talk);
  route("PUT", "/api/talks/{id}", Access::host, update_talk);
  route("DELETE", "/api/talks/{id}", Access::host, delete_talk);
  route("GET", "/api/talks/{id}/questions", Access::host, questions);
  route("DELETE", "/api/talks/{id}/questions/{qid}", Access::host, remove_question);
  route("GET", "/api/talks/{id}/notes", Access::host, notes);
  route("PUT", "/api/talks/{id}/notes", Access::host, notes);
  route("POST", "/api/talks/{id}/notes", Access::host, notes);
  route("GET", "/api/talks.ics", Access::open,
        [](const ApiParts& p, const ApiRequest&) { return ics(p); });
  route("GET", "/api/study-groups", Access::host,
        [](const ApiParts& p, const ApiRequest&) { return study_groups(p); });
  router.add("DELETE", "/api/study-groups/{id}", Access::host,
             [&programme = parts.programme](const ApiRequest& request) {
               return remove_study_group(programme, request);
             });
  route("GET", "/api/study-groups/{id}/attendance.csv", Access::host, attendance_csv);
}

}  // namespace moim::api
