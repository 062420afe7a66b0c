// Writes a sample programme as iCalendar to stdout, for check_ics.py to parse with a real
// iCalendar parser (python3-icalendar): Hangul, escapes, long folded lines, several kinds.
#include <iostream>

#include "programme/export.hpp"

int main() {
  using namespace moim::programme;
  constexpr Millis kStart = 1'795'424'400'000;  // 2026-11-23T09:00:00Z = 18:00 KST
  std::vector<Talk> talks(3);
  talks[0].id = 1;
  talks[0].title = "대규모 트래픽, 어떻게 버티나; \"실전\" \\ 편";
  talks[0].speaker = "박서준";
  talks[0].company = "Kakao";
  talks[0].notes = "slides: https://example.com/traffic.pdf\n" + std::string(300, 'n');
  talks[1].id = 2;
  talks[1].kind = TalkKind::office_hours;
  talks[1].title = "Office hours";
  talks[2].id = 3;
  talks[2].kind = TalkKind::resume_clinic;
  talks[2].title = "이력서 클리닉 " + std::string(40, 'x') + " 가나다라마바사아자차카타파하";
  for (std::size_t i = 0; i < talks.size(); ++i) {
    talks[i].start_ms = kStart + static_cast<Millis>(i) * 86'400'000;
    talks[i].end_ms = talks[i].start_ms + 5'400'000;
    talks[i].room = "hall";
  }
  std::cout << render_ical(talks, kStart, "moim.test", seoul());
}
