#include "moim/client/core/programme_panel_model.hpp"

#include <algorithm>
#include <cstdlib>

#include "moim/client/core/form_fields.hpp"

namespace moim::client {

namespace {

constexpr auto kPage = static_cast<std::uint32_t>(ProgrammePanelModel::kListed);
constexpr std::int64_t kLiveWindowMs = 12 * 3'600'000;  // the hall bar's look ahead
constexpr double kReminderSeconds = 120.0;

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

ProgrammePanelModel::ProgrammePanelModel(Send send, Toast toast, Clock clock)
    : send_(std::move(send)), toast_(std::move(toast)), clock_(std::move(clock)) {}

std::uint32_t ProgrammePanelModel::send(v1::Envelope e) {
  const auto id = send_(std::move(e));
  if (id != 0) pending_.push_back(id);
  if (pending_.size() > 64) pending_.erase(pending_.begin());
  return id;
}

void ProgrammePanelModel::set_self(std::uint64_t user_id, v1::Role role) {
  self_id_ = user_id;
  role_ = role;
}

void ProgrammePanelModel::set_room(const std::string& room, const RoomFeatures& features) {
  room_ = room;
  study_group_ = features.id(feature::study_group);
  stage_ = features.has(feature::stage);
  timer_.reset();
  hands_.reset();
  if (stage_) {
    // The hall bar needs what is on here now or soon, even if the panel was never opened or
    // shows another page of the programme.
    v1::Envelope live;
    auto* m = live.mutable_list_talks();
    m->set_from_ms(server_now_ms());
    m->set_to_ms(server_now_ms() + kLiveWindowMs);
    m->set_limit(50);
    live_request_ = send(std::move(live));
  }
  if (study_group_) {
    // The timer is derived from its start, so asking again after entering (or reconnecting)
    // shows exactly what everyone else in the room sees.
    v1::Envelope e;
    e.mutable_get_focus_timer()->set_group_id(*study_group_);
    send(std::move(e));
  }
}

void ProgrammePanelModel::toggle() {
  open_ = !open_;
  if (open_) refresh();
  if (!open_) focus(PanelField::none);
}

// Asks again for the pages shown (answers and pushes may have changed them).
void ProgrammePanelModel::refresh() {
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

void ProgrammePanelModel::turn_page(PanelList list, bool forward) {
  auto back = [](std::uint32_t offset) { return offset - std::min(offset, kPage); };
  switch (list) {
    case PanelList::groups:
      if (forward && groups_next_ != 0) {
        groups_back_.push_back(groups_after_);
        groups_after_ = groups_next_;
      } else if (!forward && !groups_back_.empty()) {
        groups_after_ = groups_back_.back();
        groups_back_.pop_back();
      }
      break;
    case PanelList::talks:
      talks_offset_ =
          forward ? (talks_next_ != 0 ? talks_next_ : talks_offset_) : back(talks_offset_);
      break;
    case PanelList::questions:
      questions_offset_ = forward ? (questions_next_ != 0 ? questions_next_ : questions_offset_)
                                  : back(questions_offset_);
      break;
  }
  refresh();
}

bool ProgrammePanelModel::on_message(const v1::Envelope& e) {
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
      clock_offset_ms_ = list.server_time_ms() - clock_.system_ms();
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
      if (study_group_ == e.focus_timer().group_id()) {
        timer_ = e.focus_timer();
        clock_offset_ms_ = e.focus_timer().server_time_ms() - clock_.system_ms();
      }
      return true;
    case v1::Envelope::kSessionReminder:
      reminder_ = e.session_reminder();
      reminder_until_ = clock_.now() + kReminderSeconds;
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

void ProgrammePanelModel::focus(PanelField field) {
  field_ = field;
  ++field_generation_;
}

void ProgrammePanelModel::submit(const std::string& text) {
  switch (field_) {
    case PanelField::search:
      query_ = text;
      groups_after_ = 0;  // a new search starts at its first page
      groups_back_.clear();
      refresh();
      break;
    case PanelField::new_group: {
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
    case PanelField::question: {
      if (text.empty() || selected_talk_ == 0) break;
      v1::Envelope e;
      e.mutable_ask_question()->set_talk_id(selected_talk_);
      e.mutable_ask_question()->set_text(text);
      send(std::move(e));
      break;
    }
    case PanelField::none:
      break;
  }
  focus(PanelField::none);
}

void ProgrammePanelModel::go(const std::string& room) {
  v1::Envelope e;
  e.mutable_enter_room()->set_room(room);
  send(std::move(e));
}

bool ProgrammePanelModel::click(int x, int y) {
  for (const auto& b : layout_.buttons) {
    if (b.rect.contains(x, y)) {
      const PanelButton pressed = b;  // running it may change the list
      run(pressed);
      return true;
    }
  }
  return open_ && layout_.panel && layout_.panel->contains(x, y);
}

void ProgrammePanelModel::run(const PanelButton& b) {
  v1::Envelope e;
  switch (b.action) {
    case PanelAction::toggle:
      return toggle();
    case PanelAction::search:
      return focus(PanelField::search);
    case PanelAction::new_group:
      return focus(PanelField::new_group);
    case PanelAction::ask:
      return focus(PanelField::question);
    case PanelAction::refresh:
      return refresh();
    case PanelAction::enter:
    case PanelAction::go:
      return go(b.room);
    case PanelAction::go_reminder:
      reminder_.reset();
      return go(b.room);
    case PanelAction::dismiss_reminder:
      reminder_.reset();
      return;
    case PanelAction::questions:
      selected_talk_ = selected_talk_ == b.id ? 0 : b.id;
      questions_.clear();
      questions_offset_ = questions_next_ = 0;
      return refresh();
    case PanelAction::page_next:
    case PanelAction::page_prev:
      return turn_page(static_cast<PanelList>(b.id), b.action == PanelAction::page_next);
    case PanelAction::remove_group:
      e.mutable_remove_study_group()->set_group_id(b.id);
      break;
    case PanelAction::remove_question:
      e.mutable_remove_question()->set_talk_id(selected_talk_);
      e.mutable_remove_question()->set_question_id(b.id);
      break;
    case PanelAction::join:
      e.mutable_join_study_group()->set_group_id(b.id);
      break;
    case PanelAction::leave:
      e.mutable_leave_study_group()->set_group_id(b.id);
      break;
    case PanelAction::rsvp:
    case PanelAction::unrsvp:
      e.mutable_rsvp()->set_talk_id(b.id);
      e.mutable_rsvp()->set_going(b.action == PanelAction::rsvp);
      break;
    case PanelAction::book:
      e.mutable_book_seat()->set_talk_id(b.id);
      break;
    case PanelAction::cancel:
      e.mutable_cancel_seat()->set_talk_id(b.id);
      break;
    case PanelAction::vote:
      e.mutable_vote_question()->set_question_id(b.id);
      break;
    case PanelAction::start_timer:
      e.mutable_start_focus_timer()->set_group_id(b.id);
      break;
    case PanelAction::stop_timer:
      e.mutable_stop_focus_timer()->set_group_id(b.id);
      break;
    case PanelAction::raise_hand:
    case PanelAction::lower_hand:
      e.mutable_raise_hand()->set_talk_id(b.id);
      e.mutable_raise_hand()->set_raised(b.action == PanelAction::raise_hand);
      break;
    case PanelAction::next_hand:
      e.mutable_next_hand()->set_talk_id(b.id);
      break;
    case PanelAction::mark_answered:
      e.mutable_mark_answered()->set_question_id(b.id);
      e.mutable_mark_answered()->set_answered(true);
      break;
    case PanelAction::toggle_recruiting: {
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

}  // namespace moim::client
