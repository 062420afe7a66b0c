#include "programme_panel.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace moim::client::app {

namespace {

constexpr int kWidth = 470;
constexpr int kRow = 24;
constexpr int kListed = 6;  // rows per list: one page, asked of the server as its limit
constexpr auto kPage = static_cast<std::uint32_t>(kListed);
constexpr std::int64_t kLiveWindowMs = 12 * 3'600'000;  // the hall bar's look ahead
constexpr SDL_Color kText{230, 232, 240, 255};
constexpr SDL_Color kDim{160, 165, 185, 255};
constexpr SDL_Color kAccent{255, 214, 102, 255};

std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

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

void fill(SDL_Renderer* r, SDL_Rect rect, SDL_Color c) {
  set_color(r, c);
  SDL_RenderFillRect(r, &rect);
}

}  // namespace

std::optional<v1::CreateStudyGroup> study_group_from_line(const std::string& line) {
  const std::vector<std::string> parts = split_fields(line, '|');
  auto part = [&](std::size_t i) { return i < parts.size() ? parts[i] : std::string(); };
  v1::CreateStudyGroup m;
  m.set_topic(parts[0]);
  if (const std::string kind = part(4); !kind.empty()) {
    m.set_kind(kind.starts_with("paper")     ? v1::STUDY_GROUP_KIND_PAPER_READING
               : kind.starts_with("lecture") ? v1::STUDY_GROUP_KIND_LECTURE_CATCH_UP
               : kind.starts_with("company") ? v1::STUDY_GROUP_KIND_COMPANY_ANALYSIS
                                             : v1::STUDY_GROUP_KIND_OTHER);
  }
  if (const std::string days = part(1); !days.empty()) m.mutable_schedule()->set_days(days);
  if (const std::string times = part(2); !times.empty()) m.mutable_schedule()->set_times(times);
  if (const std::string places = part(3); !places.empty()) {
    char* end = nullptr;
    const auto n = std::strtoul(places.c_str(), &end, 10);
    if (end == places.c_str() || *end != '\0' || n == 0) return std::nullopt;
    // Far too many is still sent, so the server says what the range is.
    m.set_capacity(static_cast<std::uint32_t>(std::min<unsigned long>(n, 100'000)));
  }
  return m;
}

const v1::TalkInfo* live_talk_in(const std::vector<v1::TalkInfo>& talks, const std::string& room,
                                 std::int64_t now_ms) {
  for (const auto& t : talks) {
    if (t.room() == room && t.start_ms() <= now_ms && now_ms < t.end_ms()) return &t;
  }
  return nullptr;
}

std::uint32_t ProgrammePanel::send(v1::Envelope e) {
  const auto id = ctx_.session->send(std::move(e));
  if (id != 0) pending_.push_back(id);
  if (pending_.size() > 64) pending_.erase(pending_.begin());
  return id;
}

void ProgrammePanel::set_self(std::uint64_t user_id, v1::Role role) {
  self_id_ = user_id;
  role_ = role;
}

void ProgrammePanel::set_room(const std::string& room) {
  room_ = room;
  timer_.reset();
  hands_.reset();
  {
    // The hall bar needs what is on here now or soon, even if the panel was never opened or
    // shows another page of the programme.
    v1::Envelope live;
    auto* m = live.mutable_list_talks();
    m->set_from_ms(server_now_ms());
    m->set_to_ms(server_now_ms() + kLiveWindowMs);
    m->set_limit(50);
    live_request_ = send(std::move(live));
  }
  if (room.rfind("study-", 0) == 0) {
    // The timer is derived from its start, so asking again after entering (or reconnecting)
    // shows exactly what everyone else in the room sees.
    v1::Envelope e;
    e.mutable_get_focus_timer()->set_group_id(std::atoll(room.c_str() + 6));
    send(std::move(e));
  }
}

void ProgrammePanel::toggle() {
  open_ = !open_;
  if (open_) refresh();
  if (!open_) focus(Field::none);
}

// Asks again for the pages shown (answers and pushes may have changed them).
void ProgrammePanel::refresh() {
  v1::Envelope groups;
  auto* g = groups.mutable_list_study_groups();
  g->set_query(query_);
  g->set_after_id(groups_after_);
  g->set_limit(kPage);
  send(std::move(groups));
  v1::Envelope talks;
  talks.mutable_list_talks()->set_offset(talks_offset_);
  talks.mutable_list_talks()->set_limit(kPage);
  send(std::move(talks));
  if (selected_talk_ != 0) {
    v1::Envelope questions;
    auto* q = questions.mutable_list_questions();
    q->set_talk_id(selected_talk_);
    q->set_offset(questions_offset_);
    q->set_limit(kPage);
    send(std::move(questions));
  }
}

void ProgrammePanel::turn_page(List list, bool forward) {
  auto back = [](std::uint32_t offset) { return offset - std::min(offset, kPage); };
  switch (list) {
    case groups_list:
      if (forward && groups_next_ != 0) {
        groups_back_.push_back(groups_after_);
        groups_after_ = groups_next_;
      } else if (!forward && !groups_back_.empty()) {
        groups_after_ = groups_back_.back();
        groups_back_.pop_back();
      }
      break;
    case talks_list:
      talks_offset_ =
          forward ? (talks_next_ != 0 ? talks_next_ : talks_offset_) : back(talks_offset_);
      break;
    case questions_list:
      questions_offset_ = forward ? (questions_next_ != 0 ? questions_next_ : questions_offset_)
                                  : back(questions_offset_);
      break;
  }
  refresh();
}

std::int64_t ProgrammePanel::server_now_ms() const {
  return system_now_ms() + clock_offset_ms_;
}

std::string ProgrammePanel::local_time(std::int64_t utc_ms) const {
  const auto& zone = ctx_.session->welcome().time_zone();
  const auto local = std::chrono::sys_time<std::chrono::milliseconds>(
      std::chrono::milliseconds(utc_ms + zone_offset_minutes(zone) * 60'000LL));
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd(day);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02u-%02u %02lld:%02lld %s", static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60), zone_abbreviation(zone).c_str());
  return buf;
}

bool ProgrammePanel::on_message(const v1::Envelope& e) {
  const auto mine = std::find(pending_.begin(), pending_.end(), e.request_id());
  const bool ours = e.request_id() != 0 && mine != pending_.end();
  if (ours) pending_.erase(mine);
  switch (e.body_case()) {
    case v1::Envelope::kStudyGroupList:
      groups_.assign(e.study_group_list().groups().begin(), e.study_group_list().groups().end());
      groups_next_ = e.study_group_list().next_after_id();
      return true;
    case v1::Envelope::kStudyGroup: {
      const auto& g = e.study_group();
      auto it = std::find_if(groups_.begin(), groups_.end(),
                             [&](const auto& x) { return x.id() == g.id(); });
      if (it != groups_.end()) {
        *it = g;
      } else {
        groups_.insert(groups_.begin(), g);
      }
      return true;
    }
    case v1::Envelope::kTalkList: {
      const auto& list = e.talk_list();
      if (ours && e.request_id() == live_request_) {
        live_talks_.assign(list.talks().begin(), list.talks().end());
      } else {
        talks_.assign(list.talks().begin(), list.talks().end());
        talks_next_ = list.next_offset();
      }
      clock_offset_ms_ = list.server_time_ms() - system_now_ms();
      return true;
    }
    case v1::Envelope::kTalk:
      for (auto* list : {&talks_, &live_talks_}) {
        for (auto& t : *list) {
          if (t.id() == e.talk().id()) t = e.talk();
        }
      }
      return true;
    case v1::Envelope::kQuestionList:
      if (e.question_list().talk_id() == selected_talk_) {
        questions_.assign(e.question_list().questions().begin(),
                          e.question_list().questions().end());
        questions_next_ = e.question_list().next_offset();
      }
      return true;
    case v1::Envelope::kQuestion:
      if (ours) refresh();  // votes change the ranking: ask for the list again
      return true;
    case v1::Envelope::kSeatBooking: {
      const auto& s = e.seat_booking();
      if (s.status() == v1::SEAT_STATUS_CONFIRMED) toast_("Your seat is confirmed.");
      if (s.status() == v1::SEAT_STATUS_WAITLISTED) {
        toast_("Waitlisted: number " + std::to_string(s.waitlist_position()));
      }
      if (open_) refresh();
      return true;
    }
    case v1::Envelope::kFocusTimer:
      if (room_ == "study-" + std::to_string(e.focus_timer().group_id())) {
        timer_ = e.focus_timer();
        clock_offset_ms_ = e.focus_timer().server_time_ms() - system_now_ms();
      }
      return true;
    case v1::Envelope::kSessionReminder:
      reminder_ = e.session_reminder();
      reminder_until_ = ctx_.now + 120.0;
      return true;
    case v1::Envelope::kStageGiven:
      toast_(e.stage_given().display_name() + " has the stage");
      return true;
    case v1::Envelope::kHandQueue:
      hands_ = e.hand_queue();
      return true;
    case v1::Envelope::kAck:
      if (ours && open_) refresh();
      return ours;
    case v1::Envelope::kError:
      if (!ours) return false;
      toast_(e.error().message());
      return true;
    default:
      return false;
  }
}

void ProgrammePanel::focus(Field field) {
  field_ = field;
  input_.clear();
  if (field == Field::search) input_.set_value(query_);
  if (field == Field::none) {
    SDL_StopTextInput();
  } else {
    SDL_StartTextInput();
  }
}

void ProgrammePanel::submit_field() {
  const std::string text = input_.value();
  switch (field_) {
    case Field::search:
      query_ = text;
      groups_after_ = 0;  // a new search starts at its first page
      groups_back_.clear();
      refresh();
      break;
    case Field::new_group: {
      if (text.empty()) break;
      auto request = study_group_from_line(text);
      if (!request) {
        toast_("Places must be a number, e.g. 8 (or leave it out for 10)");
        break;
      }
      v1::Envelope e;
      *e.mutable_create_study_group() = std::move(*request);
      send(std::move(e));
      break;
    }
    case Field::question: {
      if (text.empty() || selected_talk_ == 0) break;
      v1::Envelope e;
      e.mutable_ask_question()->set_talk_id(selected_talk_);
      e.mutable_ask_question()->set_text(text);
      send(std::move(e));
      break;
    }
    case Field::none:
      break;
  }
  focus(Field::none);
}

void ProgrammePanel::go(const std::string& room) {
  v1::Envelope e;
  e.mutable_enter_room()->set_room(room);
  send(std::move(e));
}

bool ProgrammePanel::handle_event(const SDL_Event& event) {
  if (field_ != Field::none) {
    switch (input_.handle_event(event)) {
      case FieldAction::submit:
        submit_field();
        return true;
      case FieldAction::cancel:
        focus(Field::none);
        return true;
      default:
        break;
    }
    if (event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT || event.type == SDL_TEXTEDITING) {
      return true;
    }
  }
  if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_F2) {
    toggle();
    return true;
  }
  if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT) {
    const SDL_Point p{event.button.x, event.button.y};
    for (const auto& b : buttons_) {
      if (SDL_PointInRect(&p, &b.rect)) {
        const Button pressed = b;  // running it may change the list
        run(pressed);
        return true;
      }
    }
    const SDL_Rect panel = rect();
    if (open_ && SDL_PointInRect(&p, &panel)) return true;
  }
  return false;
}

SDL_Rect ProgrammePanel::rect() const {
  return {ctx_.width - kWidth - 8, 40, kWidth, std::max(200, ctx_.height - 48)};
}

void ProgrammePanel::add_button(SDL_Rect r, const std::string& label, Action action,
                                std::int64_t id, std::string room) const {
  fill(ctx_.renderer, r, {60, 66, 96, 255});
  ctx_.text->draw(label, r.x + 6, r.y + 2, kText, FontSize::small);
  buttons_.push_back({r, action, id, std::move(room)});
}

void ProgrammePanel::run(const Button& b) {
  v1::Envelope e;
  switch (b.action) {
    case Action::toggle:
      return toggle();
    case Action::search:
      return focus(Field::search);
    case Action::new_group:
      return focus(Field::new_group);
    case Action::ask:
      return focus(Field::question);
    case Action::refresh:
      return refresh();
    case Action::enter:
    case Action::go:
      return go(b.room);
    case Action::go_reminder:
      reminder_.reset();
      return go(b.room);
    case Action::dismiss_reminder:
      reminder_.reset();
      return;
    case Action::questions:
      selected_talk_ = selected_talk_ == b.id ? 0 : b.id;
      questions_.clear();
      questions_offset_ = questions_next_ = 0;
      return refresh();
    case Action::page_next:
    case Action::page_prev:
      return turn_page(static_cast<List>(b.id), b.action == Action::page_next);
    case Action::remove_group:
      e.mutable_remove_study_group()->set_group_id(b.id);
      break;
    case Action::remove_question:
      e.mutable_remove_question()->set_talk_id(selected_talk_);
      e.mutable_remove_question()->set_question_id(b.id);
      break;
    case Action::join:
      e.mutable_join_study_group()->set_group_id(b.id);
      break;
    case Action::leave:
      e.mutable_leave_study_group()->set_group_id(b.id);
      break;
    case Action::rsvp:
    case Action::unrsvp:
      e.mutable_rsvp()->set_talk_id(b.id);
      e.mutable_rsvp()->set_going(b.action == Action::rsvp);
      break;
    case Action::book:
      e.mutable_book_seat()->set_talk_id(b.id);
      break;
    case Action::cancel:
      e.mutable_cancel_seat()->set_talk_id(b.id);
      break;
    case Action::vote:
      e.mutable_vote_question()->set_question_id(b.id);
      break;
    case Action::start_timer:
      e.mutable_start_focus_timer()->set_group_id(b.id);
      break;
    case Action::stop_timer:
      e.mutable_stop_focus_timer()->set_group_id(b.id);
      break;
    case Action::raise_hand:
    case Action::lower_hand:
      e.mutable_raise_hand()->set_talk_id(b.id);
      e.mutable_raise_hand()->set_raised(b.action == Action::raise_hand);
      break;
    case Action::next_hand:
      e.mutable_next_hand()->set_talk_id(b.id);
      break;
    case Action::mark_answered:
      e.mutable_mark_answered()->set_question_id(b.id);
      e.mutable_mark_answered()->set_answered(true);
      break;
    case Action::toggle_recruiting: {
      auto g = std::find_if(groups_.begin(), groups_.end(),
                            [&](const auto& x) { return x.id() == b.id; });
      if (g == groups_.end()) return;
      auto* m = e.mutable_set_study_group_access();
      m->set_group_id(b.id);
      m->set_recruiting(!g->recruiting());
      m->set_visitors_allowed(g->visitors_allowed());
      break;
    }
  }
  send(std::move(e));
}

void ProgrammePanel::draw() const {
  buttons_.clear();
  add_button({ctx_.width - 300, 4, 118, 24}, open_ ? "Close (F2)" : "Programme (F2)",
             Action::toggle);
  draw_timer();
  draw_hall();
  draw_reminder();
  if (!open_) return;
  const SDL_Rect r = rect();
  fill(ctx_.renderer, r, {20, 22, 32, 225});
  int y = r.y + 8;
  draw_groups(r.x + 8, y, r.w - 16);
  y += 8;
  draw_talks(r.x + 8, y, r.w - 16);
  if (selected_talk_ != 0) draw_questions(r.x + 8, y, r.w - 16);
  if (field_ != Field::none) {
    const char* what = field_ == Field::search      ? "Search study groups"
                       : field_ == Field::new_group ? "topic | days | times | places | kind"
                                                    : "Your question";
    ctx_.text->draw(std::string(what) + " (Enter to send, Esc to cancel)", r.x + 8, r.y + r.h - 62,
                    kDim, FontSize::small);
    input_.draw(*ctx_.text, ctx_.renderer, {r.x + 8, r.y + r.h - 38, r.w - 16, 30}, true, ctx_.now);
  }
}

void ProgrammePanel::draw_groups(int x, int& y, int w) const {
  ctx_.text->draw("Study groups" + (query_.empty() ? "" : "  “" + query_ + "”"), x, y, kAccent);
  add_button({x + w - 150, y, 70, 22}, "Search", Action::search);
  add_button({x + w - 74, y, 74, 22}, "New", Action::new_group);
  y += kRow + 4;
  int shown = 0;
  for (const auto& g : groups_) {
    if (shown++ == kListed) break;
    const std::string line = g.topic() + "  " + std::to_string(g.member_count()) + "/" +
                             std::to_string(g.capacity()) + (g.recruiting() ? "" : " closed");
    const bool can_close = g.lead_id() == self_id_ || is_host();
    const int text_w = (can_close ? w - 196 : w - 130) - (is_host() ? 28 : 0);
    const std::string fitted = line.substr(0, ctx_.text->fit(line, text_w, FontSize::small));
    ctx_.text->draw(fitted, x, y, g.is_member() ? kText : kDim, FontSize::small);
    ctx_.text->draw(g.schedule().description(), x + 8, y + 16, kDim, FontSize::small);
    add_button({x + w - 124, y, 58, 22}, g.is_member() ? "Leave" : "Join",
               g.is_member() ? Action::leave : Action::join, g.id());
    if (can_close) {
      add_button({x + w - 190, y, 62, 22}, g.recruiting() ? "Close" : "Open",
                 Action::toggle_recruiting, g.id());
    }
    add_button({x + w - 62, y, 62, 22}, "Enter", Action::enter, 0, g.room());
    if (is_host()) add_button({x + w - 218, y, 24, 22}, "✕", Action::remove_group, g.id());
    y += kRow + 14;
  }
  if (groups_.empty()) {
    const char* empty = groups_after_ != 0 || groups_next_ != 0
                            ? "Nothing on this page."
                            : "No study groups yet: press New to start one.";
    ctx_.text->draw(empty, x, y, kDim, FontSize::small);
    y += kRow;
  }
  draw_pager(x, y, w, groups_list, !groups_back_.empty(), groups_next_ != 0);
}

void ProgrammePanel::draw_pager(int x, int& y, int w, List list, bool has_prev,
                                bool has_next) const {
  if (!has_prev && !has_next) return;
  if (has_prev) add_button({x + w - 164, y, 78, 20}, "‹ Prev", Action::page_prev, list);
  if (has_next) add_button({x + w - 78, y, 78, 20}, "Next ›", Action::page_next, list);
  y += kRow;
}

void ProgrammePanel::draw_talks(int x, int& y, int w) const {
  ctx_.text->draw("Programme", x, y, kAccent);
  add_button({x + w - 74, y, 74, 22}, "Refresh", Action::refresh);
  y += kRow + 4;
  int shown = 0;
  for (const auto& t : talks_) {
    if (shown++ == kListed) break;
    const bool live = t.start_ms() <= server_now_ms() && server_now_ms() < t.end_ms();
    std::string line = local_time(t.start_ms()) + "  " + t.title();
    line = line.substr(0, ctx_.text->fit(line, w - 190, FontSize::small));
    ctx_.text->draw(line, x, y, live ? kAccent : kText, FontSize::small);
    std::string who = t.speaker() + (t.company().empty() ? "" : " (" + t.company() + ")");
    if (t.kind() != v1::TALK_KIND_TECH_TALK) {
      who += "  seats " + std::to_string(t.booked()) + "/" + std::to_string(t.capacity());
      if (t.seat() == v1::SEAT_STATUS_CONFIRMED) who += " · booked";
      if (t.seat() == v1::SEAT_STATUS_WAITLISTED) {
        who += " · waitlist #" + std::to_string(t.waitlist_position());
      }
    }
    ctx_.text->draw(who, x + 8, y + 16, kDim, FontSize::small);
    if (t.kind() != v1::TALK_KIND_TECH_TALK) {
      const bool held = t.seat() != v1::SEAT_STATUS_NONE;
      add_button({x + w - 184, y, 64, 22}, held ? "Cancel" : "Book",
                 held ? Action::cancel : Action::book, t.id());
    } else {
      add_button({x + w - 184, y, 64, 22}, t.rsvped() ? "Going ✓" : "RSVP",
                 t.rsvped() ? Action::unrsvp : Action::rsvp, t.id());
    }
    add_button({x + w - 116, y, 50, 22}, "Q&A", Action::questions, t.id());
    add_button({x + w - 62, y, 62, 22}, "Go", Action::go, 0, t.room());
    y += kRow + 14;
  }
  if (talks_.empty()) {
    ctx_.text->draw("Nothing scheduled in the next four weeks.", x, y, kDim, FontSize::small);
    y += kRow;
  }
  draw_pager(x, y, w, talks_list, talks_offset_ != 0, talks_next_ != 0);
}

void ProgrammePanel::draw_questions(int x, int& y, int w) const {
  y += 4;
  ctx_.text->draw("Questions (most votes first)", x, y, kAccent, FontSize::small);
  add_button({x + w - 74, y, 74, 22}, "Ask", Action::ask);
  y += kRow;
  auto talk = std::find_if(talks_.begin(), talks_.end(),
                           [&](const auto& t) { return t.id() == selected_talk_; });
  if (talk != talks_.end() && !talk->notes().empty()) {
    std::string notes = "Notes: " + talk->notes();
    std::replace(notes.begin(), notes.end(), '\n', ' ');
    notes = notes.substr(0, ctx_.text->fit(notes, w, FontSize::small));
    ctx_.text->draw(notes, x, y, kText, FontSize::small);
    y += kRow;
  }
  int shown = 0;
  for (const auto& q : questions_) {
    if (shown++ == kListed) break;
    const bool can_vote = !q.voted_by_me() && !q.answered();
    if (can_vote) {
      add_button({x, y, 46, 20}, "▲ " + std::to_string(q.votes()), Action::vote, q.id());
    } else {
      ctx_.text->draw("✓ " + std::to_string(q.votes()), x + 6, y + 2, kDim, FontSize::small);
    }
    std::string line = q.text() + "  — " + q.author_name() + (q.answered() ? " (answered)" : "");
    const bool can_mark = is_host() && !q.answered();
    if (can_mark) add_button({x + w - 74, y, 74, 20}, "Answered", Action::mark_answered, q.id());
    if (is_host()) add_button({x + w - 102, y, 24, 20}, "✕", Action::remove_question, q.id());
    const int buttons = (can_mark ? 80 : 0) + (is_host() ? 28 : 0);
    line = line.substr(0, ctx_.text->fit(line, w - 56 - buttons, FontSize::small));
    ctx_.text->draw(line, x + 52, y + 2, q.answered() ? kDim : kText, FontSize::small);
    y += kRow;
  }
  draw_pager(x, y, w, questions_list, questions_offset_ != 0, questions_next_ != 0);
}

void ProgrammePanel::draw_timer() const {
  if (room_.rfind("study-", 0) != 0) return;
  const SDL_Rect box{ctx_.width / 2 - 170, 40, 340, 30};
  fill(ctx_.renderer, box, {20, 22, 32, 220});
  const auto group = std::atoll(room_.c_str() + 6);
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
  ctx_.text->draw(label, box.x + 8, box.y + 5, running ? kAccent : kText);
  add_button({box.x + box.w - 76, box.y + 4, 70, 22}, running ? "Stop" : "50/10",
             running ? Action::stop_timer : Action::start_timer, group);
}

void ProgrammePanel::draw_reminder() const {
  if (!reminder_ || ctx_.now > reminder_until_) return;
  const SDL_Rect box{ctx_.width / 2 - 260, 76, 520, 34};
  fill(ctx_.renderer, box, {90, 60, 20, 235});
  const auto& t = reminder_->talk();
  std::string text = "Starting now: " + t.title() + " in " + reminder_->room();
  text = text.substr(0, ctx_.text->fit(text, box.w - 190));
  ctx_.text->draw(text, box.x + 8, box.y + 6, kText);
  add_button({box.x + box.w - 176, box.y + 5, 90, 24}, "Go there", Action::go_reminder, 0,
             reminder_->room());
  add_button({box.x + box.w - 80, box.y + 5, 72, 24}, "Later", Action::dismiss_reminder);
}

// In the room of a session that is on: who has a hand up, and the buttons to raise yours or (a
// host) to give the floor to the next hand.
void ProgrammePanel::draw_hall() const {
  const v1::TalkInfo* talk = live_talk_in(live_talks_, room_, server_now_ms());
  if (talk == nullptr) talk = live_talk_in(talks_, room_, server_now_ms());
  if (talk == nullptr) return;
  const SDL_Rect box{ctx_.width / 2 - 260, 40, 520, 30};
  fill(ctx_.renderer, box, {20, 22, 32, 220});
  const bool mine_up =
      hands_ && std::any_of(hands_->hands().begin(), hands_->hands().end(),
                            [&](const auto& h) { return h.user_id() == self_id_; });
  std::string label = "On now: " + talk->title();
  if (hands_ && hands_->hands_size() > 0) {
    label += "  · hands " + std::to_string(hands_->hands_size()) + " (next " +
             hands_->hands(0).display_name() + ")";
  }
  const int buttons = is_host() ? 190 : 100;
  label = label.substr(0, ctx_.text->fit(label, box.w - buttons - 12, FontSize::small));
  ctx_.text->draw(label, box.x + 8, box.y + 7, kAccent, FontSize::small);
  int bx = box.x + box.w - buttons;
  add_button({bx, box.y + 4, 92, 22}, mine_up ? "Lower hand" : "Raise hand",
             mine_up ? Action::lower_hand : Action::raise_hand, talk->id());
  if (is_host())
    add_button({bx + 96, box.y + 4, 88, 22}, "Next hand", Action::next_hand, talk->id());
}

}  // namespace moim::client::app
