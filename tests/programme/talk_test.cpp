#include "programme/talk.hpp"

#include <gtest/gtest.h>

namespace moim::programme {
namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kStart = 1'795'435'200'000;

Talk talk() {
  Talk t;
  t.kind = TalkKind::tech_talk;
  t.title = "대규모 트래픽 처리";
  t.speaker = "박서준";
  t.company = "Naver";
  t.start_ms = kStart;
  t.end_ms = kStart + kHour;
  t.room = "hall";
  return t;
}

TEST(Talk, OnlyHostsRunTheProgramme) {
  EXPECT_TRUE(check_host(Role::host));
  EXPECT_TRUE(check_host(Role::admin));
  EXPECT_EQ(check_host(Role::attendee).error().code, Errc::forbidden);
}

TEST(Talk, Validation) {
  EXPECT_TRUE(validate_talk(talk()));
  auto t = talk();
  t.title = "";
  EXPECT_EQ(validate_talk(t).error().code, Errc::bad_request);
  t = talk();
  t.end_ms = t.start_ms;
  EXPECT_EQ(validate_talk(t).error().code, Errc::invalid_schedule);
  t = talk();
  t.end_ms = t.start_ms + 13 * kHour;
  EXPECT_EQ(validate_talk(t).error().code, Errc::invalid_schedule);
  t = talk();
  t.kind = TalkKind::office_hours;
  t.capacity = 0;
  EXPECT_EQ(validate_talk(t).error().code, Errc::bad_request);
  t.capacity = 4;
  EXPECT_TRUE(validate_talk(t));
  t.speaker = std::string(61, 's');
  EXPECT_EQ(validate_talk(t).error().code, Errc::text_too_long);
  t = talk();
  t.notes = std::string(10001, 'n');
  EXPECT_EQ(validate_talk(t).error().code, Errc::text_too_long);
  t = talk();
  t.company = "bad\x01";
  EXPECT_EQ(validate_talk(t).error().code, Errc::invalid_text);
}

TEST(Talk, KindsAndSeats) {
  EXPECT_EQ(talk_kind_from("resume_clinic"), TalkKind::resume_clinic);
  EXPECT_FALSE(talk_kind_from("party"));
  EXPECT_EQ(name_of(TalkKind::office_hours), "office_hours");
  EXPECT_FALSE(has_seats(TalkKind::tech_talk));
  EXPECT_TRUE(has_seats(TalkKind::office_hours));
  EXPECT_TRUE(has_seats(TalkKind::resume_clinic));
}

TEST(Talk, Phases) {
  const auto t = talk();
  EXPECT_EQ(phase_at(t, kStart - 1), TalkPhase::upcoming);
  EXPECT_EQ(phase_at(t, kStart), TalkPhase::live);
  EXPECT_EQ(phase_at(t, kStart + kHour), TalkPhase::over);
}

TEST(Talk, Rsvp) {
  auto t = talk();
  EXPECT_TRUE(check_rsvp(t, kStart - kHour, 100, false));
  EXPECT_TRUE(check_rsvp(t, kStart + 10, 0, false));  // during the talk
  EXPECT_EQ(check_rsvp(t, kStart + kHour, 0, false).error().code, Errc::session_over);
  t.capacity = 2;
  EXPECT_EQ(check_rsvp(t, kStart - kHour, 2, false).error().code, Errc::group_full);
  EXPECT_TRUE(check_rsvp(t, kStart - kHour, 2, true));  // already RSVP'd: the same RSVP
}

}  // namespace
}  // namespace moim::programme
