#include "programme/export.hpp"

#include <cstdio>

#include "core/csv.hpp"

namespace moim::programme {

namespace {

// 20261123T120000Z
std::string ical_utc(Millis utc) {
  const auto t = to_local(utc, TimeZone{"UTC", "UTC", std::chrono::minutes(0)});
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(t.date.year()),
                static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()),
                t.minute_of_day / 60, t.minute_of_day % 60,
                static_cast<int>(((utc / 1000) % 60 + 60) % 60));
  return buf;
}

// TEXT values: backslash, semicolon and comma escaped, newlines as \n, other controls dropped.
std::string ical_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

// Appends "name:value" folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
void line(std::string& out, std::string_view name, std::string_view value) {
  const std::string whole = std::string(name) + ":" + std::string(value);
  std::size_t pos = 0;
  std::size_t limit = 75;
  while (whole.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80) --cut;
    out.append(whole, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out.append(whole, pos, std::string::npos);
  out += "\r\n";
}

}  // namespace

std::string render_ical(const std::vector<Talk>& talks, Millis now_ms, std::string_view host,
                        const TimeZone& zone) {
  std::string out;
  line(out, "BEGIN", "VCALENDAR");
  line(out, "VERSION", "2.0");
  line(out, "PRODID", "-//moim//programme//EN");
  line(out, "CALSCALE", "GREGORIAN");
  line(out, "METHOD", "PUBLISH");
  line(out, "X-WR-CALNAME", "moim programme");
  line(out, "X-WR-TIMEZONE", zone.name);
  for (const auto& t : talks) {
    std::string summary = t.title;
    if (!t.speaker.empty()) {
      summary += " — " + t.speaker;
      if (!t.company.empty()) summary += " (" + t.company + ")";
    }
    std::string description = std::string(name_of(t.kind));
    if (!t.speaker.empty()) description += "\nSpeaker: " + t.speaker;
    if (!t.company.empty()) description += "\nCompany: " + t.company;
    description += "\nRoom: " + t.room;
    if (!t.notes.empty()) description += "\n\nNotes:\n" + t.notes;
    line(out, "BEGIN", "VEVENT");
    line(out, "UID", "talk-" + std::to_string(t.id) + "@" + std::string(host));
    line(out, "DTSTAMP", ical_utc(t.updated_at_ms > 0 ? t.updated_at_ms : now_ms));
    line(out, "DTSTART", ical_utc(t.start_ms));
    line(out, "DTEND", ical_utc(t.end_ms));
    line(out, "SUMMARY", ical_text(summary));
    line(out, "DESCRIPTION", ical_text(description));
    line(out, "LOCATION", ical_text("moim: " + t.room));
    line(out, "CATEGORIES", ical_text(name_of(t.kind)));
    line(out, "END", "VEVENT");
  }
  line(out, "END", "VCALENDAR");
  return out;
}

std::string render_attendance_csv(const StudyGroup& group,
                                  const std::vector<SessionAttendance>& log,
                                  const std::vector<MemberRow>& members, Millis min_ms) {
  const TimeZone zone = find_time_zone(group.schedule.time_zone).value_or(seoul());
  std::vector<UserId> ids;
  for (const auto& m : members) ids.push_back(m.user);
  // Streaks as they stood after each session, so every row reads on its own.
  std::string out =
      "session_start,session_end,time_zone,user_id,display_name,minutes_present,attended,"
      "current_streak,best_streak\r\n";
  for (std::size_t i = 0; i < log.size(); ++i) {
    const std::vector<SessionAttendance> so_far(log.begin(),
                                                log.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    const auto streak = streaks(so_far, ids, min_ms);
    const auto& session = log[i];
    for (const auto& m : members) {
      auto it = session.present_ms.find(m.user);
      const Millis present = it == session.present_ms.end() ? 0 : it->second;
      const auto& s = streak.at(m.user);
      out += format_local(session.session.start_ms, zone) + "," +
             format_local(session.session.end_ms, zone) + "," + zone.name + "," +
             std::to_string(m.user) + "," + csv_field(m.name) + "," +
             std::to_string(present / 60'000) + "," + (present >= min_ms ? "yes" : "no") + "," +
             std::to_string(s.current) + "," + std::to_string(s.best) + "\r\n";
    }
  }
  return out;
}

}  // namespace moim::programme
