#pragma once
// Study groups and the tech-talk hall in the desktop client: a panel (F2, or the "Programme"
// button) listing study groups (search, create, join, leave, enter their room) and the
// programme (RSVP, book a seat, questions with votes, go there); the focus timer of the study
// room you are in; a reminder banner with "Go there" when a session you RSVP'd starts; and, in
// the room of a session that is on, a hall bar to raise your hand (hosts: give the floor to the
// next hand). Hosts mark questions answered; a group's lead opens and closes recruiting.
//
// The room screen hands it every envelope first (on_message), its events (handle_event), and
// calls draw() last. It only sends requests and keeps what the answers say; nothing here
// changes the room.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "text_field.hpp"

namespace moim::client::app {

// A new study group from one line, "topic | days | times | places | kind": e.g.
// "논문 읽기 | mon,wed | 21:00-24:00 | 8 | paper". Left-out parts stay out of the request and the
// server applies its defaults (daily, 21:00-24:00, 10 places, other); it checks everything
// and explains what it refuses. Places that are not a number give nullopt: sent as 0 they would
// silently become the default.
std::optional<v1::CreateStudyGroup> study_group_from_line(const std::string& line);

// The session on now in `room`, if any (the one the hall bar is for).
const v1::TalkInfo* live_talk_in(const std::vector<v1::TalkInfo>& talks, const std::string& room,
                                 std::int64_t now_ms);

class ProgrammePanel {
 public:
  using Toast = std::function<void(std::string)>;
  ProgrammePanel(AppContext& ctx, Toast toast) : ctx_(ctx), toast_(std::move(toast)) {}

  // Who we are: hosts get the host buttons (the server checks again), leads their group's.
  void set_self(std::uint64_t user_id, v1::Role role);
  // The room we are in now (a study group's room shows its focus timer).
  void set_room(const std::string& room);
  // True if the envelope was the panel's (answers to its requests, programme pushes).
  bool on_message(const v1::Envelope& e);
  // True if the event was used (a click on the panel, typing in its field, F2).
  bool handle_event(const SDL_Event& event);
  void draw() const;
  bool open() const { return open_; }
  bool typing() const { return field_ != Field::none; }

 private:
  enum class Field { none, search, new_group, question };
  enum class Action {
    toggle,
    search,
    new_group,
    join,
    leave,
    enter,
    refresh,
    rsvp,
    unrsvp,
    book,
    cancel,
    questions,
    ask,
    vote,
    go,
    start_timer,
    stop_timer,
    dismiss_reminder,
    go_reminder,
    raise_hand,
    lower_hand,
    next_hand,
    mark_answered,
    toggle_recruiting,
    remove_group,
    remove_question,
    page_next,  // id: the List
    page_prev
  };
  // The lists the panel pages through, one server page at a time.
  enum List : std::int64_t { groups_list, talks_list, questions_list };
  // Laid out by draw() (which changes nothing else); a click runs the action with its target.
  struct Button {
    SDL_Rect rect;
    Action action;
    std::int64_t id = 0;
    std::string room;
  };

  void toggle();
  void refresh();
  void turn_page(List list, bool forward);
  // The row of Prev/Next buttons under a list, if it has more than one page.
  void draw_pager(int x, int& y, int w, List list, bool has_prev, bool has_next) const;
  std::uint32_t send(v1::Envelope e);
  void run(const Button& button);
  void submit_field();
  void focus(Field field);
  void go(const std::string& room);
  std::int64_t server_now_ms() const;
  std::string local_time(std::int64_t utc_ms) const;
  SDL_Rect rect() const;
  // Draws a button and remembers where it is for the next click.
  void add_button(SDL_Rect r, const std::string& label, Action action, std::int64_t id = 0,
                  std::string room = {}) const;
  void draw_groups(int x, int& y, int w) const;
  void draw_talks(int x, int& y, int w) const;
  void draw_questions(int x, int& y, int w) const;
  void draw_timer() const;
  void draw_reminder() const;
  void draw_hall() const;
  bool is_host() const { return role_ == v1::ROLE_HOST || role_ == v1::ROLE_ADMIN; }

  AppContext& ctx_;
  Toast toast_;
  bool open_ = false;
  std::string room_;
  std::uint64_t self_id_ = 0;
  v1::Role role_ = v1::ROLE_ATTENDEE;
  std::optional<v1::HandQueue> hands_;      // of the session on in this room, once it changed
  std::vector<v1::StudyGroupInfo> groups_;  // the page shown
  std::int64_t groups_after_ = 0;           // where that page starts
  std::int64_t groups_next_ = 0;            // where the next one does (0: none)
  std::vector<std::int64_t> groups_back_;   // where the pages before it start
  std::vector<v1::TalkInfo> talks_;         // the page shown
  std::uint32_t talks_offset_ = 0;
  std::uint32_t talks_next_ = 0;
  std::vector<v1::TalkInfo> live_talks_;  // on now or soon: what the hall bar looks at
  std::uint32_t live_request_ = 0;
  std::int64_t selected_talk_ = 0;
  std::vector<v1::QuestionInfo> questions_;  // the page shown
  std::uint32_t questions_offset_ = 0;
  std::uint32_t questions_next_ = 0;
  std::optional<v1::FocusTimerState> timer_;  // of the study room we are in
  std::int64_t clock_offset_ms_ = 0;          // server time − our time
  std::optional<v1::SessionReminder> reminder_;
  double reminder_until_ = 0;
  std::vector<std::uint32_t> pending_;  // our request ids, to claim their errors
  Field field_ = Field::none;
  TextField input_{600};
  std::string query_;
  mutable std::vector<Button> buttons_;
};

}  // namespace moim::client::app
