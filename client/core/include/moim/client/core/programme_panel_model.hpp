#pragma once
// What the programme panel knows and decides, without a window: the study groups, the programme
// and a session's questions one server page at a time, which session's questions are open, the
// focus timer of the study room you are in, the reminder of a session you RSVP'd, the hands up
// in the hall; which request a click or a typed line sends, and how the answers change all that.
//
// layout() runs in the screen's update step and says where every box, line of text and button
// goes; the SDL view draws exactly that and hands clicks back, so a test can press a button by
// its place without a window. The panel only sends requests and keeps what the answers say.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "moim/client/core/camera.hpp"
#include "moim/client/core/room_features.hpp"
#include "moim/v1/moim.pb.h"

namespace moim::client {

// A new study group from one line, "topic | days | times | places | kind": e.g.
// "논문 읽기 | mon,wed | 21:00-24:00 | 8 | paper". Left-out parts stay out of the request and the
// server applies its defaults (daily, 21:00-24:00, 10 places, other); it checks everything
// and explains what it refuses. Places that are not a number give nullopt: sent as 0 they would
// silently become the default.
std::optional<v1::CreateStudyGroup> study_group_from_line(const std::string& line);

// The session on now in `room`, if any (the one the hall bar is for).
const v1::TalkInfo* live_talk_in(const std::vector<v1::TalkInfo>& talks, const std::string& room,
                                 std::int64_t now_ms);

enum class PanelAction {
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
  page_next,  // id: the PanelList
  page_prev
};

// The lists the panel pages through, one server page at a time.
enum class PanelList : std::int64_t { groups, talks, questions };

// The text field the panel is typing into, if any.
enum class PanelField { none, search, new_group, question };

// The parts of the panel, in the order they are drawn: each part's box first, then its text,
// then its buttons. The timer and the hall bar share a place; the later one covers the earlier.
enum class PanelPart { toggle, timer, hall, reminder, panel };

enum class PanelTone { text, dim, accent };
enum class PanelFont { small, normal };

struct PanelBox {
  PanelPart part;
  PixelRect rect;
};

// A line of text at its top-left corner; a fit > 0 cuts it to that many pixels when drawn.
struct PanelText {
  PanelPart part;
  std::string text;
  int x = 0;
  int y = 0;
  PanelTone tone = PanelTone::text;
  PanelFont font = PanelFont::normal;
  int fit = 0;
};

struct PanelButton {
  PanelPart part;
  PixelRect rect;
  std::string label;
  PanelAction action;
  std::int64_t id = 0;
  std::string room;
};

// Everything the view draws this frame.
struct PanelLayout {
  std::vector<PanelBox> boxes;
  std::vector<PanelText> texts;
  std::vector<PanelButton> buttons;  // a click runs the first that contains it
  std::optional<PixelRect> panel;    // while open: clicks on it go no further
  std::optional<PixelRect> input;    // while typing: where the text field goes
};

class ProgrammePanelModel {
 public:
  // Sends a request and returns its id (0 when not connected).
  using Send = std::function<std::uint32_t(v1::Envelope)>;
  using Toast = std::function<void(std::string)>;
  // The client's clocks: milliseconds since the Unix epoch, and the app's seconds since start.
  struct Clock {
    std::function<std::int64_t()> system_ms;
    std::function<double()> now;
  };

  static constexpr int kWidth = 470;
  static constexpr int kListed = 6;  // rows per list: one page, asked of the server as its limit

  ProgrammePanelModel(Send send, Toast toast, Clock clock);

  // Who we are: hosts get the host buttons (the server checks again), leads their group's.
  void set_self(std::uint64_t user_id, v1::Role role);
  // The room we are in now and what it offers: a study group's room shows that group's focus
  // timer, a room with a stage the hall bar while a session is on there.
  void set_room(const std::string& room, const RoomFeatures& features);
  // The zone the server shows times in (from its welcome).
  void set_time_zone(std::string zone) { time_zone_ = std::move(zone); }
  // True if the envelope was the panel's (answers to its requests, programme pushes).
  bool on_message(const v1::Envelope& e);

  // F2 and the Programme button: opens (asking for the pages shown) or closes the panel.
  void toggle();
  // A left click: true if it was on one of the panel's buttons or on the open panel.
  bool click(int x, int y);
  // The line typed into the field (Enter), or the field given up (Esc).
  void submit(const std::string& text);
  void cancel_field() { focus(PanelField::none); }

  // Places everything for a window of this size; the update step calls it, draw reads it.
  void layout(int width, int height);
  const PanelLayout& laid_out() const { return layout_; }

  bool open() const { return open_; }
  PanelField field() const { return field_; }
  // Changes each time a field is focused (even the same one again): the view then clears its
  // text field and starts or stops text input.
  std::uint32_t field_generation() const { return field_generation_; }
  const std::string& query() const { return query_; }
  std::int64_t selected_talk() const { return selected_talk_; }
  const std::vector<v1::StudyGroupInfo>& groups() const { return groups_; }
  const std::vector<v1::TalkInfo>& talks() const { return talks_; }
  const std::vector<v1::QuestionInfo>& questions() const { return questions_; }

 private:
  void refresh();
  void turn_page(PanelList list, bool forward);
  std::uint32_t send(v1::Envelope e);
  void run(const PanelButton& button);
  void focus(PanelField field);
  void go(const std::string& room);
  std::int64_t server_now_ms() const { return clock_.system_ms() + clock_offset_ms_; }
  std::string local_time(std::int64_t utc_ms) const;
  bool is_host() const { return role_ == v1::ROLE_HOST || role_ == v1::ROLE_ADMIN; }

  void text(std::string s, int x, int y, PanelTone tone, PanelFont font = PanelFont::normal,
            int fit = 0);
  void button(PixelRect r, std::string label, PanelAction action, std::int64_t id = 0,
              std::string room = {});
  void lay_out_groups(int x, int& y, int w);
  void lay_out_talks(int x, int& y, int w);
  void lay_out_questions(int x, int& y, int w);
  // The row of Prev/Next buttons under a list, if it has more than one page.
  void lay_out_pager(int x, int& y, int w, PanelList list, bool has_prev, bool has_next);
  void lay_out_timer(int width);
  void lay_out_hall(int width);
  void lay_out_reminder(int width);

  Send send_;
  Toast toast_;
  Clock clock_;
  std::string time_zone_;
  bool open_ = false;
  std::string room_;
  std::optional<std::int64_t> study_group_;  // the group whose room this is
  bool stage_ = false;                       // the room has a stage: the hall bar may show
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
  PanelField field_ = PanelField::none;
  std::uint32_t field_generation_ = 0;
  std::string query_;
  PanelLayout layout_;
  PanelPart part_ = PanelPart::toggle;  // the part being laid out
};

}  // namespace moim::client
