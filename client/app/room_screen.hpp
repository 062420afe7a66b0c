#pragma once
// The room: the map, everyone you can see, your own predicted avatar, chat, the online list, the
// minimap and the status menu. update() applies network messages and input; draw() (split over
// room_draw.cpp and room_hud.cpp) only reads.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "graduation_hud.hpp"
#include "map_chunks.hpp"
#include "moim/client/core/avatars.hpp"
#include "moim/client/core/camera.hpp"
#include "moim/client/core/chat_log.hpp"
#include "moim/client/core/follow.hpp"
#include "moim/client/core/own_avatar.hpp"
#include "moim/client/core/room_features.hpp"
#include "moim/client/core/room_layout.hpp"
#include "programme_panel.hpp"
#include "text_field.hpp"
#include "voice.hpp"

namespace moim::client::app {

// A HUD box: dark, translucent by `alpha`, with a thin border (room_hud.cpp).
void panel(SDL_Renderer* r, const SDL_Rect& rect, Uint8 alpha = 200);

class RoomScreen : public Screen {
 public:
  explicit RoomScreen(AppContext& ctx);
  // A room from a given snapshot, without the session's join (the frame-time bench).
  RoomScreen(AppContext& ctx, const v1::Joined& joined, int radius);
  ~RoomScreen() override;
  void handle_event(const SDL_Event& event) override;
  void update(double dt) override;
  void draw() const override;
  bool settled() const override;

  // For the bench: apply a message as if it came from the server.
  void inject(const v1::Envelope& e) { on_message(e); }
  void set_zoom(float zoom) { camera_.set_zoom(zoom); }
  const Camera& camera() const { return camera_; }

 private:
  struct Toast {
    std::string text;
    double until = 0;
  };

  // room_screen.cpp
  void enter(const v1::RoomSnapshot& snapshot);
  void on_message(const v1::Envelope& e);
  void send_move(const std::optional<v1::Move>& move);
  void send_chat();
  void send_status(v1::Status status);
  void request_online();
  void locate(std::uint64_t user_id);
  // Follow someone from the online list (room_online.cpp).
  void start_follow(const v1::OnlineEntry& entry, FollowMode mode);
  void stop_follow(const std::string& why = {});
  void update_follow();
  TileVec camera_target() const;
  void toast(std::string text, double seconds = 4.0);
  void handle_key(const SDL_Keycode key);
  void handle_click(int x, int y, Uint8 button);
  void set_chat_focus(bool focus);
  void walk_input();
  // room_script.cpp: headless actions (--script), one after the other.
  void run_script();

  // room_voice.cpp: push-to-talk, open mic, the voice panel, speaking rings.
  void update_voice();
  bool handle_voice_key(SDL_Keycode key);
  bool handle_voice_click(int x, int y);
  void draw_voice_marks(const AvatarView& a, TileVec at) const;
  void draw_voice_panel() const;
  SDL_Rect voice_panel_rect() const;
  SDL_Rect voice_row_rect(int row) const;
  std::vector<std::uint64_t> voice_people() const;
  std::string voice_name(std::uint64_t id) const;

  // room_draw.cpp
  void draw_world() const;
  void draw_avatar(const AvatarView& a, TileVec at, bool walking, float walk_time,
                   bool highlighted) const;
  void draw_labels(const AvatarView& a, TileVec at, bool highlighted) const;
  void draw_ring() const;
  // room_hud.cpp
  void draw_hud() const;
  void draw_chat_panel() const;
  void draw_online_panel() const;
  void draw_minimap() const;
  void draw_status_menu() const;
  void draw_follow_banner() const;
  SDL_Rect chat_panel_rect() const;
  SDL_Rect chat_tab_rect(int tab) const;
  SDL_Rect online_panel_rect() const;
  SDL_Rect status_button_rect() const;
  SDL_Rect status_item_rect(int index) const;
  SDL_Rect minimap_rect() const;
  SDL_Rect online_row_rect(std::size_t row) const;
  SDL_Rect online_button_rect(std::size_t row, FollowMode mode) const;
  SDL_Rect follow_stop_rect() const;
  void handle_online_click(int x, int y, Uint8 button);
  bool near_me(world::TilePos p) const;
  GraduationUi::Where where() const;

  AppContext& ctx_;
  std::string room_;
  RoomFeatures features_;  // what this room offers, from its snapshot
  const world::Map* map_ = nullptr;
  world::Map fallback_map_;  // used when the server names a map we do not have
  TexturePtr minimap_;
  mutable MapChunks map_chunks_;  // a render cache: drawing fills it, nothing else reads it
  std::uint64_t self_id_ = 0;
  int radius_ = 5;
  Avatars avatars_;
  OwnAvatar me_;
  ChatLog chat_;
  Camera camera_;
  ChatPanel chat_panel_ = ChatPanel::open;
  RoomLayout layout_ = layout_room(1280, 720, ChatPanel::open);
  TextField chat_input_{2000};
  bool chat_focus_ = false;
  bool show_online_ = false;
  bool status_menu_open_ = false;
  v1::Status my_status_ = v1::STATUS_AVAILABLE;
  std::vector<v1::OnlineEntry> online_;
  std::uint32_t online_request_ = 0;
  Follow follow_;                  // the camera (and maybe we) follow this person while active
  std::optional<TileVec> pan_to_;  // a located spot the camera moves to
  std::deque<Toast> toasts_;
  double entered_at_ = 0;
  std::size_t script_step_ = 0;
  double script_wait_until_ = 0;
  GraduationUi grad_{ctx_, [this](std::string text) { toast(std::move(text)); }};
  ProgrammePanel programme_;
  VoiceState voice_;  // a snapshot of the voice thread's state, taken every update
  std::string voice_message_shown_;
  bool show_voice_ = false;
  bool script_talk_ = false;  // --script talk:on holds push-to-talk  // study groups, the
                              // programme, focus timer, reminders (F2)
};

}  // namespace moim::client::app
