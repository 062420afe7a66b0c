// Where the programme panel puts its boxes, text and buttons: worked out in the update step, so
// that drawing changes nothing and a click finds the buttons of the frame on screen.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "moim/client/core/programme_panel_model.hpp"

namespace moim::client {

namespace {

constexpr int kRow = 24;

// The offset of the zone the server shows times in. The server stores UTC; the zones it
// accepts have fixed offsets (server/programme/time_zone.hpp), so a small table is exact.
int zone_offset_minutes(const std::string& zone) {
  if (zone == "Asia/Seoul" || zone == "Asia/Tokyo") return 9 * 60;
  return 0;
}

std::string zone_abbreviation(const std::string& zone) {
  if (zone == "Asia/Seoul") return "KST";
  if (zone == "Asia/Tokyo") return "JST";
  return "UTC";
}

std::string mm_ss(std::int64_t ms) {
  const auto s = std::max<std::int64_t>(0, ms / 1000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60),
                static_cast<long long>(s % 60));
  return buf;
}

}  // namespace

std::string ProgrammePanelModel::local_time(std::int64_t utc_ms) const {
  const auto local = std::chrono::sys_time<std::chrono::milliseconds>(
      std::chrono::milliseconds(utc_ms + zone_offset_minutes(time_zone_) * 60'000LL));
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd(day);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02u-%02u %02lld:%02lld %s", static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60), zone_abbreviation(time_zone_).c_str());
  return buf;
}

void ProgrammePanelModel::text(std::string s, int x, int y, PanelTone tone, PanelFont font,
                               int fit) {
  layout_.texts.push_back({part_, std::move(s), x, y, tone, font, fit});
}

void ProgrammePanelModel::button(PixelRect r, std::string label, PanelAction action,
                                 std::int64_t id, std::string room) {
  layout_.buttons.push_back({part_, r, std::move(label), action, id, std::move(room)});
}

void ProgrammePanelModel::layout(int width, int height) {
  layout_ = PanelLayout{};
  part_ = PanelPart::toggle;
  button({width - 300, 4, 118, 24}, open_ ? "Close (F2)" : "Programme (F2)", PanelAction::toggle);
  lay_out_timer(width);
  lay_out_hall(width);
  lay_out_reminder(width);
  if (!open_) return;
  part_ = PanelPart::panel;
  const PixelRect r{width - kWidth - 8, 40, kWidth, std::max(200, height - 48)};
  layout_.boxes.push_back({part_, r});
  layout_.panel = r;
  int y = r.y + 8;
  lay_out_groups(r.x + 8, y, r.w - 16);
  y += 8;
  lay_out_talks(r.x + 8, y, r.w - 16);
  if (selected_talk_ != 0) lay_out_questions(r.x + 8, y, r.w - 16);
  if (field_ != PanelField::none) {
    const char* what = field_ == PanelField::search      ? "Search study groups"
                       : field_ == PanelField::new_group ? "topic | days | times | places | kind"
                                                         : "Your question";
    text(std::string(what) + " (Enter to send, Esc to cancel)", r.x + 8, r.y + r.h - 62,
         PanelTone::dim, PanelFont::small);
    layout_.input = PixelRect{r.x + 8, r.y + r.h - 38, r.w - 16, 30};
  }
}

void ProgrammePanelModel::lay_out_groups(int x, int& y, int w) {
  text("Study groups" + (query_.empty() ? "" : "  “" + query_ + "”"), x, y, PanelTone::accent);
  button({x + w - 150, y, 70, 22}, "Search", PanelAction::search);
  button({x + w - 74, y, 74, 22}, "New", PanelAction::new_group);
  y += kRow + 4;
  int shown = 0;
  for (const auto& g : groups_) {
    if (shown++ == kListed) break;
    const bool can_close = g.lead_id() == self_id_ || is_host();
    const int text_w = (can_close ? w - 196 : w - 130) - (is_host() ? 28 : 0);
    text(g.topic() + "  " + std::to_string(g.member_count()) + "/" + std::to_string(g.capacity()) +
             (g.recruiting() ? "" : " closed"),
         x, y, g.is_member() ? PanelTone::text : PanelTone::dim, PanelFont::small, text_w);
    text(g.schedule().description(), x + 8, y + 16, PanelTone::dim, PanelFont::small);
    button({x + w - 124, y, 58, 22}, g.is_member() ? "Leave" : "Join",
           g.is_member() ? PanelAction::leave : PanelAction::join, g.id());
    if (can_close) {
      button({x + w - 190, y, 62, 22}, g.recruiting() ? "Close" : "Open",
             PanelAction::toggle_recruiting, g.id());
    }
    button({x + w - 62, y, 62, 22}, "Enter", PanelAction::enter, 0, g.room());
    if (is_host()) button({x + w - 218, y, 24, 22}, "✕", PanelAction::remove_group, g.id());
    y += kRow + 14;
  }
  if (groups_.empty()) {
    text(groups_after_ != 0 || groups_next_ != 0 ? "Nothing on this page."
                                                 : "No study groups yet: press New to start one.",
         x, y, PanelTone::dim, PanelFont::small);
    y += kRow;
  }
  lay_out_pager(x, y, w, PanelList::groups, !groups_back_.empty(), groups_next_ != 0);
}

void ProgrammePanelModel::lay_out_pager(int x, int& y, int w, PanelList list, bool has_prev,
                                        bool has_next) {
  if (!has_prev && !has_next) return;
  const auto id = static_cast<std::int64_t>(list);
  if (has_prev) button({x + w - 164, y, 78, 20}, "‹ Prev", PanelAction::page_prev, id);
  if (has_next) button({x + w - 78, y, 78, 20}, "Next ›", PanelAction::page_next, id);
  y += kRow;
}

void ProgrammePanelModel::lay_out_talks(int x, int& y, int w) {
  text("Programme", x, y, PanelTone::accent);
  button({x + w - 74, y, 74, 22}, "Refresh", PanelAction::refresh);
  y += kRow + 4;
  int shown = 0;
  for (const auto& t : talks_) {
    if (shown++ == kListed) break;
    const bool live = t.start_ms() <= server_now_ms() && server_now_ms() < t.end_ms();
    text(local_time(t.start_ms()) + "  " + t.title(), x, y,
         live ? PanelTone::accent : PanelTone::text, PanelFont::small, w - 190);
    std::string who = t.speaker() + (t.company().empty() ? "" : " (" + t.company() + ")");
    if (t.kind() != v1::TALK_KIND_TECH_TALK) {
      who += "  seats " + std::to_string(t.booked()) + "/" + std::to_string(t.capacity());
      if (t.seat() == v1::SEAT_STATUS_CONFIRMED) who += " · booked";
      if (t.seat() == v1::SEAT_STATUS_WAITLISTED) {
        who += " · waitlist #" + std::to_string(t.waitlist_position());
      }
    }
    text(who, x + 8, y + 16, PanelTone::dim, PanelFont::small);
    if (t.kind() != v1::TALK_KIND_TECH_TALK) {
      const bool held = t.seat() != v1::SEAT_STATUS_NONE;
      button({x + w - 184, y, 64, 22}, held ? "Cancel" : "Book",
             held ? PanelAction::cancel : PanelAction::book, t.id());
    } else {
      button({x + w - 184, y, 64, 22}, t.rsvped() ? "Going ✓" : "RSVP",
             t.rsvped() ? PanelAction::unrsvp : PanelAction::rsvp, t.id());
    }
    button({x + w - 116, y, 50, 22}, "Q&A", PanelAction::questions, t.id());
    button({x + w - 62, y, 62, 22}, "Go", PanelAction::go, 0, t.room());
    y += kRow + 14;
  }
  if (talks_.empty()) {
    text("Nothing scheduled in the next four weeks.", x, y, PanelTone::dim, PanelFont::small);
    y += kRow;
  }
  lay_out_pager(x, y, w, PanelList::talks, talks_offset_ != 0, talks_next_ != 0);
}

void ProgrammePanelModel::lay_out_questions(int x, int& y, int w) {
  y += 4;
  text("Questions (most votes first)", x, y, PanelTone::accent, PanelFont::small);
  button({x + w - 74, y, 74, 22}, "Ask", PanelAction::ask);
  y += kRow;
  auto talk = std::find_if(talks_.begin(), talks_.end(),
                           [&](const auto& t) { return t.id() == selected_talk_; });
  if (talk != talks_.end() && !talk->notes().empty()) {
    std::string notes = "Notes: " + talk->notes();
    std::replace(notes.begin(), notes.end(), '\n', ' ');
    text(std::move(notes), x, y, PanelTone::text, PanelFont::small, w);
    y += kRow;
  }
  int shown = 0;
  for (const auto& q : questions_) {
    if (shown++ == kListed) break;
    const bool can_vote = !q.voted_by_me() && !q.answered();
    if (can_vote) {
      button({x, y, 46, 20}, "▲ " + std::to_string(q.votes()), PanelAction::vote, q.id());
    } else {
      text("✓ " + std::to_string(q.votes()), x + 6, y + 2, PanelTone::dim, PanelFont::small);
    }
    const bool can_mark = is_host() && !q.answered();
    if (can_mark) button({x + w - 74, y, 74, 20}, "Answered", PanelAction::mark_answered, q.id());
    if (is_host()) button({x + w - 102, y, 24, 20}, "✕", PanelAction::remove_question, q.id());
    const int buttons = (can_mark ? 80 : 0) + (is_host() ? 28 : 0);
    text(q.text() + "  — " + q.author_name() + (q.answered() ? " (answered)" : ""), x + 52, y + 2,
         q.answered() ? PanelTone::dim : PanelTone::text, PanelFont::small, w - 56 - buttons);
    y += kRow;
  }
  lay_out_pager(x, y, w, PanelList::questions, questions_offset_ != 0, questions_next_ != 0);
}

void ProgrammePanelModel::lay_out_timer(int width) {
  if (!study_group_) return;
  part_ = PanelPart::timer;
  const PixelRect box{width / 2 - 170, 40, 340, 30};
  layout_.boxes.push_back({part_, box});
  const std::int64_t group = *study_group_;
  std::string label = "Focus timer: stopped";
  bool running = false;
  if (timer_ && timer_->started_at_ms() != 0) {
    running = true;
    // Phases from the start time alone: the same on every screen, after any reconnect.
    const std::int64_t focus = timer_->focus_minutes() * 60'000LL;
    const std::int64_t cycle = focus + timer_->break_minutes() * 60'000LL;
    const std::int64_t elapsed =
        std::max<std::int64_t>(0, server_now_ms() - timer_->started_at_ms());
    const std::int64_t into = cycle > 0 ? elapsed % cycle : 0;
    label = into < focus ? "Focus " + mm_ss(focus - into) : "Break " + mm_ss(cycle - into);
    label += "  · round " + std::to_string(cycle > 0 ? elapsed / cycle + 1 : 1);
  }
  text(std::move(label), box.x + 8, box.y + 5, running ? PanelTone::accent : PanelTone::text);
  button({box.x + box.w - 76, box.y + 4, 70, 22}, running ? "Stop" : "50/10",
         running ? PanelAction::stop_timer : PanelAction::start_timer, group);
}

void ProgrammePanelModel::lay_out_reminder(int width) {
  if (!reminder_ || clock_.now() > reminder_until_) return;
  part_ = PanelPart::reminder;
  const PixelRect box{width / 2 - 260, 76, 520, 34};
  layout_.boxes.push_back({part_, box});
  const auto& t = reminder_->talk();
  text("Starting now: " + t.title() + " in " + reminder_->room(), box.x + 8, box.y + 6,
       PanelTone::text, PanelFont::normal, box.w - 190);
  button({box.x + box.w - 176, box.y + 5, 90, 24}, "Go there", PanelAction::go_reminder, 0,
         reminder_->room());
  button({box.x + box.w - 80, box.y + 5, 72, 24}, "Later", PanelAction::dismiss_reminder);
}

// In a room with a stage, while a session is on there: who has a hand up, and the buttons to
// raise yours or (a host) to give the floor to the next hand, which puts them on the stage.
void ProgrammePanelModel::lay_out_hall(int width) {
  if (!stage_) return;
  const v1::TalkInfo* talk = live_talk_in(live_talks_, room_, server_now_ms());
  if (talk == nullptr) talk = live_talk_in(talks_, room_, server_now_ms());
  if (talk == nullptr) return;
  part_ = PanelPart::hall;
  const PixelRect box{width / 2 - 260, 40, 520, 30};
  layout_.boxes.push_back({part_, box});
  const bool mine_up =
      hands_ && std::any_of(hands_->hands().begin(), hands_->hands().end(),
                            [&](const auto& h) { return h.user_id() == self_id_; });
  std::string label = "On now: " + talk->title();
  if (hands_ && hands_->hands_size() > 0) {
    label += "  · hands " + std::to_string(hands_->hands_size()) + " (next " +
             hands_->hands(0).display_name() + ")";
  }
  const int buttons = is_host() ? 190 : 100;
  text(std::move(label), box.x + 8, box.y + 7, PanelTone::accent, PanelFont::small,
       box.w - buttons - 12);
  const int bx = box.x + box.w - buttons;
  button({bx, box.y + 4, 92, 22}, mine_up ? "Lower hand" : "Raise hand",
         mine_up ? PanelAction::lower_hand : PanelAction::raise_hand, talk->id());
  if (is_host()) {
    button({bx + 96, box.y + 4, 88, 22}, "Next hand", PanelAction::next_hand, talk->id());
  }
}

}  // namespace moim::client
