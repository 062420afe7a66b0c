#pragma once
// Study groups and the tech-talk hall in the desktop client: a panel (F2, or the "Programme"
// button) listing study groups (search, create, join, leave, enter their room) and the
// programme (RSVP, book a seat, questions with votes, go there); the focus timer of the study
// room you are in; a reminder banner with "Go there" when a session you RSVP'd starts; and, in
// a room with a stage while a session is on there, a hall bar to raise your hand (hosts: give the
// floor to the next hand). Hosts mark questions answered; a group's lead opens and closes
// recruiting.
//
// What the panel knows and decides is ProgrammePanelModel (client/core); this is its SDL view.
// The room screen hands it every envelope first (on_message) and its events (handle_event),
// calls update() in its update step, where the model lays everything out, and draw() last,
// which only draws that layout.
#include <cstdint>
#include <functional>
#include <string>

#include "context.hpp"
#include "moim/client/core/programme_panel_model.hpp"
#include "text_field.hpp"

namespace moim::client::app {

class ProgrammePanel {
 public:
  using Toast = std::function<void(std::string)>;
  ProgrammePanel(AppContext& ctx, Toast toast);

  void set_self(std::uint64_t user_id, v1::Role role) { model_.set_self(user_id, role); }
  void set_room(const std::string& room, const RoomFeatures& features) {
    model_.set_room(room, features);
  }
  // True if the envelope was the panel's (answers to its requests, programme pushes).
  bool on_message(const v1::Envelope& e) { return model_.on_message(e); }
  // True if the event was used (a click on the panel, typing in its field, F2).
  bool handle_event(const SDL_Event& event);
  // Lays the panel out for this frame (the timer's seconds, the lists the answers changed).
  void update();
  void draw() const;
  bool open() const { return model_.open(); }
  bool typing() const { return model_.field() != PanelField::none; }

 private:
  // Follows the model's field: a newly focused one starts empty (a search with its query).
  void sync_field();
  void draw_part(PanelPart part) const;

  AppContext& ctx_;
  ProgrammePanelModel model_;
  TextField input_{600};
  std::uint32_t field_seen_ = 0;
};

}  // namespace moim::client::app
