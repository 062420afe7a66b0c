#include "programme/export.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kMonMidnightKst = 1'795'359'600'000;

Talk talk() {
  Talk t;
  t.id = 7;
  t.title = "Kafka, 파티션; 그리고 \\ 백슬래시";
  t.speaker = "박서준";
  t.company = "Kakao";
  t.start_ms = kMonMidnightKst + 19 * 60 * kMinute;
  t.end_ms = t.start_ms + 90 * kMinute;
  t.room = "hall";
  t.notes = std::string("slides: https://example.com/a.pdf\n") + std::string(200, 'x');
  return t;
}

TEST(Ical, EventsInUtcWithEscapedText) {
  const auto ics = render_ical({talk()}, kMonMidnightKst, "moim.example", seoul());
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("UID:talk-7@moim.example\r\n"), std::string::npos);
  // 19:00 KST is 10:00 UTC.
  EXPECT_NE(ics.find("DTSTART:20261123T100000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20261123T113000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Kafka\\, 파티션\\; 그리고 \\\\ 백슬래시 — 박서준 (Kakao)"),
            std::string::npos);
  EXPECT_NE(ics.find("X-WR-TIMEZONE:Asia/Seoul\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
}

TEST(Ical, LinesFoldAt75OctetsWithoutSplittingHangul) {
  auto t = talk();
  t.title = std::string(60, 'a') + "가나다라마바사아자차카타파하";
  const auto ics = render_ical({t}, 0, "h", seoul());
  std::size_t start = 0;
  while (start < ics.size()) {
    const auto end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const auto folded = ics.substr(start, end - start);
    EXPECT_LE(folded.size(), 75u) << folded;
    // A line never begins with a UTF-8 continuation byte (after the folding space).
    const std::size_t first = folded.starts_with(" ") ? 1 : 0;
    if (folded.size() > first) {
      EXPECT_NE(static_cast<unsigned char>(folded[first]) & 0xC0, 0x80) << folded;
    }
    start = end + 2;
  }
}

TEST(AttendanceCsv, OneRowPerSessionAndMemberWithStreaks) {
  StudyGroup g;
  g.schedule = *weekly("daily", "21:00-24:00");
  const auto sessions =
      sessions_between(g.schedule, kMonMidnightKst, kMonMidnightKst + 2 * 24 * 60 * kMinute);
  ASSERT_EQ(sessions.size(), 2u);
  const std::vector<Visit> visits{
      {1, sessions[0].start_ms, sessions[0].start_ms + 60 * kMinute},
      {1, sessions[1].start_ms, sessions[1].start_ms + 30 * kMinute},
      {2, sessions[1].start_ms, sessions[1].start_ms + 5 * kMinute},
  };
  const auto csv = render_attendance_csv(g, attendance(sessions, visits),
                                         {{1, "김민지"}, {2, "=HYPERLINK(\"x\")"}}, 10 * kMinute);
  const std::string expected =
      "session_start,session_end,time_zone,user_id,display_name,minutes_present,attended,"
      "current_streak,best_streak\r\n"
      "2026-11-23 21:00,2026-11-24 00:00,Asia/Seoul,1,김민지,60,yes,1,1\r\n"
      "2026-11-23 21:00,2026-11-24 00:00,Asia/Seoul,2,\"'=HYPERLINK(\"\"x\"\")\",0,no,0,0\r\n"
      "2026-11-24 21:00,2026-11-25 00:00,Asia/Seoul,1,김민지,30,yes,2,2\r\n"
      "2026-11-24 21:00,2026-11-25 00:00,Asia/Seoul,2,\"'=HYPERLINK(\"\"x\"\")\",5,no,0,0\r\n";
  EXPECT_EQ(csv, expected);
}

}  // namespace
}  // namespace moim::programme
