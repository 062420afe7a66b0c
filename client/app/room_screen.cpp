#include "room_screen.hpp"

#include <algorithm>

#include "join_screen.hpp"
#include "map_view.hpp"
#include "moim/proto/text.hpp"
#include "moim/world/pathfind.hpp"

namespace moim::client::app {

RoomScreen::RoomScreen(AppContext& ctx)
    : RoomScreen(ctx, ctx.session->joined(),
                 static_cast<int>(std::max(1u, ctx.session->welcome().proximity_radius()))) {}

RoomScreen::RoomScreen(AppContext& ctx, const v1::Joined& joined, int radius)
    : ctx_(ctx),
      fallback_map_(world::MapBuilder("fallback", 64, 64).build()),
      map_chunks_(ctx.renderer, *ctx.textures),
      programme_(ctx, [this](std::string text) { toast(std::move(text)); }) {
  self_id_ = joined.user_id();
  programme_.set_self(joined.user_id(), joined.role());
  radius_ = radius;
  layout_ = layout_room(ctx.width, ctx.height, chat_panel_);
  camera_.set_viewport(layout_.map);
  programme_.update();
  enter(joined.room());
}

RoomScreen::~RoomScreen() {
  SDL_StopTextInput();
}

void RoomScreen::enter(const v1::RoomSnapshot& snapshot) {
  room_ = snapshot.room();
  features_ = room_features(snapshot);
  programme_.set_room(room_, features_);
  const world::Map* map = ctx_.maps->find(snapshot.map());
  if (map == nullptr) {
    toast("This client has no map \"" + snapshot.map() + "\"; showing an empty floor.", 10.0);
    map = &fallback_map_;
  }
  if (map != map_) {
    map_ = map;
    minimap_ = make_minimap(ctx_.renderer, *map_);
    map_chunks_.set_map(map_);
  }
  avatars_.reset(snapshot.avatars());
  avatars_.upsert(snapshot.you());
  me_.reset({snapshot.you().x(), snapshot.you().y()}, from_proto(snapshot.you().facing()));
  my_status_ = snapshot.you().status() == v1::STATUS_UNSPECIFIED ? v1::STATUS_AVAILABLE
                                                                 : snapshot.you().status();
  chat_.clear();
  chat_.add_history(snapshot.history());
  camera_.set_tile_pixels(map_->tile_width());
  camera_.set_world_size(map_->width(), map_->height());
  camera_.set_center({static_cast<float>(snapshot.you().x()) + 0.5f,
                      static_cast<float>(snapshot.you().y()) + 0.5f});
  // Following survives a portal: if they came here too, we keep them in view.
  pan_to_.reset();
  entered_at_ = ctx_.now;
  grad_.entered(features_);
}

GraduationUi::Where RoomScreen::where() const {
  const auto& m = layout_.map;
  return {map_, me_.tile(), self_id_, &avatars_, radius_, SDL_Rect{m.x, m.y, m.w, m.h}};
}

void RoomScreen::toast(std::string text, double seconds) {
  toasts_.push_back({std::move(text), ctx_.now + seconds});
  while (toasts_.size() > 4) toasts_.pop_front();
}

void RoomScreen::send_move(const std::optional<v1::Move>& move) {
  if (!move) return;
  v1::Envelope e;
  *e.mutable_move() = *move;
  ctx_.session->send(std::move(e));
}

void RoomScreen::on_message(const v1::Envelope& e) {
  if (grad_.on_message(e)) return;
  if (programme_.on_message(e)) return;
  switch (e.body_case()) {
    case v1::Envelope::kFrame:
      avatars_.apply(e.frame(), self_id_);
      break;
    case v1::Envelope::kMoveCorrection:
      me_.correct(e.move_correction());
      break;
    case v1::Envelope::kPutOnStage: {
      // A host put us on the stage: we stand where the server has us, as after a refused move
      // (newer than every step we sent, so none of them is replayed over it).
      v1::MoveCorrection there;
      there.set_x(e.put_on_stage().x());
      there.set_y(e.put_on_stage().y());
      there.set_facing(e.put_on_stage().facing());
      there.set_seq(me_.last_seq());
      me_.correct(there);
      break;
    }
    case v1::Envelope::kChat:
      chat_.add(e.chat(), self_id_, ctx_.now);
      break;
    case v1::Envelope::kRoomEntered:
      enter(e.room_entered().room());
      toast("Entered " + room_);
      break;
    case v1::Envelope::kOnlineList:
      online_.assign(e.online_list().entries().begin(), e.online_list().entries().end());
      std::sort(online_.begin(), online_.end(), [](const auto& a, const auto& b) {
        return a.room() != b.room() ? a.room() < b.room() : a.display_name() < b.display_name();
      });
      break;
    case v1::Envelope::kLocation: {
      const auto& loc = e.location();
      if (follow_.active() && loc.user_id() == follow_.user_id()) {
        if (loc.room() == room_) {
          follow_.seen_at({loc.x(), loc.y()});
        } else {
          stop_follow(loc.display_name() + " is now in " + loc.room());
        }
      } else if (loc.room() == room_) {
        pan_to_ = TileVec{static_cast<float>(loc.x()) + 0.5f, static_cast<float>(loc.y()) + 0.5f};
      } else {
        toast(loc.display_name() + " is in " + loc.room());
      }
      break;
    }
    case v1::Envelope::kNotice:
      toast(e.notice().text(), 8.0);
      break;
    case v1::Envelope::kError:
      // Refused moves come back as MoveCorrection; anything else is worth telling the person.
      toast(explain(e.error()));
      break;
    default:
      break;
  }
}

void RoomScreen::send_chat() {
  const std::string text = chat_input_.value();
  if (text.empty()) return;
  if (const auto problem = proto::check_chat_text(text); problem != proto::TextProblem::ok) {
    toast(std::string("Message: ") + proto::describe(problem));
    return;
  }
  v1::Envelope e;
  auto* chat = e.mutable_send_chat();
  chat->set_text(text);
  switch (chat_.selected()) {
    case ChatTab::nearby:
      chat->set_scope(v1::CHAT_SCOPE_NEARBY);
      break;
    case ChatTab::room:
      chat->set_scope(v1::CHAT_SCOPE_ROOM);
      break;
    case ChatTab::direct:
      if (chat_.direct_partner() == 0) {
        toast("Pick someone in the online list (O) to write to.");
        return;
      }
      chat->set_scope(v1::CHAT_SCOPE_DIRECT);
      chat->set_to_user(chat_.direct_partner());
      // The server delivers a direct message only to its recipient: show our copy ourselves.
      v1::ChatMessage mine;
      mine.set_scope(v1::CHAT_SCOPE_DIRECT);
      mine.set_from_user(self_id_);
      if (const auto* me = avatars_.find(self_id_)) mine.set_from_name(me->name);
      mine.set_text(text);
      mine.set_to_user(chat_.direct_partner());
      chat_.add(mine, self_id_, ctx_.now);
      break;
  }
  ctx_.session->send(std::move(e));
  chat_input_.clear();
}

void RoomScreen::send_status(v1::Status status) {
  v1::Envelope e;
  e.mutable_set_status()->set_status(status);
  ctx_.session->send(std::move(e));
  my_status_ = status;
  status_menu_open_ = false;
}

void RoomScreen::request_online() {
  v1::Envelope e;
  e.mutable_list_online();
  online_request_ = ctx_.session->send(std::move(e));
}

void RoomScreen::locate(std::uint64_t user_id) {
  v1::Envelope e;
  e.mutable_locate()->set_user_id(user_id);
  ctx_.session->send(std::move(e));
}

void RoomScreen::set_chat_focus(bool focus) {
  chat_focus_ = focus;
  if (focus && chat_panel_ == ChatPanel::folded) {
    chat_panel_ = ChatPanel::open;
    layout_ = layout_room(ctx_.width, ctx_.height, chat_panel_);
  }
  if (focus) {
    const SDL_Rect panel = chat_panel_rect();
    SDL_Rect input{panel.x, panel.y + panel.h - 30, panel.w, 30};
    SDL_SetTextInputRect(&input);
    SDL_StartTextInput();
  } else {
    SDL_StopTextInput();
  }
}

void RoomScreen::handle_key(SDL_Keycode key) {
  if (grad_.handle_key(key, where())) return;
  if (handle_voice_key(key)) return;
  switch (key) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      set_chat_focus(true);
      break;
    case SDLK_TAB:
      chat_.select(static_cast<ChatTab>((static_cast<int>(chat_.selected()) + 1) % kChatTabCount));
      break;
    case SDLK_o:
      show_online_ = !show_online_;
      if (show_online_) request_online();
      break;
    case SDLK_EQUALS:
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
      camera_.zoom_by(1.25f);
      break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
      camera_.zoom_by(0.8f);
      break;
    case SDLK_1:
      send_status(v1::STATUS_AVAILABLE);
      break;
    case SDLK_2:
      send_status(v1::STATUS_BUSY);
      break;
    case SDLK_3:
      send_status(v1::STATUS_DO_NOT_DISTURB);
      break;
    case SDLK_c:
      chat_panel_ = chat_panel_ == ChatPanel::open ? ChatPanel::folded : ChatPanel::open;
      break;
    case SDLK_f:
      if (follow_.active()) {
        const bool walking = follow_.mode() == FollowMode::walk;
        follow_.set_mode(walking ? FollowMode::watch : FollowMode::walk);
        if (walking) me_.follow_path({});  // stop where we are; the camera keeps watching
      }
      break;
    case SDLK_ESCAPE:
      status_menu_open_ = false;
      show_online_ = false;
      stop_follow();
      pan_to_.reset();
      break;
    default:
      break;
  }
}

void RoomScreen::handle_click(int x, int y, Uint8 button) {
  if (grad_.handle_click(x, y, where())) return;
  if (handle_voice_click(x, y)) return;
  const SDL_Point p{x, y};
  const SDL_Rect status_button = status_button_rect();
  if (SDL_PointInRect(&p, &status_button)) {
    status_menu_open_ = !status_menu_open_;
    return;
  }
  if (status_menu_open_) {
    for (int i = 0; i < 3; ++i) {
      const SDL_Rect item = status_item_rect(i);
      if (SDL_PointInRect(&p, &item)) send_status(static_cast<v1::Status>(i + 1));
    }
    status_menu_open_ = false;
    return;
  }
  for (int tab = 0; tab < kChatTabCount; ++tab) {
    const SDL_Rect r = chat_tab_rect(tab);
    if (SDL_PointInRect(&p, &r)) {
      chat_.select(static_cast<ChatTab>(tab));
      return;
    }
  }
  const SDL_Rect panel = chat_panel_rect();
  if (SDL_PointInRect(&p, &panel)) {
    set_chat_focus(true);
    return;
  }
  if (follow_.active()) {
    const SDL_Rect stop = follow_stop_rect();
    if (SDL_PointInRect(&p, &stop)) {
      stop_follow();
      return;
    }
  }
  if (show_online_) {
    const SDL_Rect list = online_panel_rect();
    if (SDL_PointInRect(&p, &list)) {
      handle_online_click(x, y, button);
      return;
    }
  }
  set_chat_focus(false);
  if (!layout_.map.contains(x, y)) return;
  // Click-to-walk: a path over the collision layer from where we stand (or are stepping to).
  const world::TilePos target = camera_.tile_at({static_cast<float>(x), static_cast<float>(y)});
  auto path = world::find_path(*map_, me_.tile(), target);
  if (!path.empty()) {
    stop_follow();  // walking by yourself ends following
    pan_to_.reset();
    me_.follow_path(std::move(path));
  }
}

void RoomScreen::handle_event(const SDL_Event& event) {
  if (!chat_focus_ && grad_.handle_event(event)) return;
  if (!chat_focus_ && programme_.handle_event(event)) return;
  if (chat_focus_) {
    switch (chat_input_.handle_event(event)) {
      case FieldAction::submit:
        if (chat_input_.value().empty()) {
          set_chat_focus(false);
        } else {
          send_chat();
        }
        return;
      case FieldAction::cancel:
        set_chat_focus(false);
        return;
      case FieldAction::next:
        handle_key(SDLK_TAB);
        return;
      case FieldAction::none:
        break;
    }
    if (event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT || event.type == SDL_TEXTEDITING) {
      return;
    }
  }
  switch (event.type) {
    case SDL_KEYDOWN:
      handle_key(event.key.keysym.sym);
      break;
    case SDL_MOUSEBUTTONDOWN:
      handle_click(event.button.x, event.button.y, event.button.button);
      break;
    case SDL_MOUSEWHEEL:
      if (event.wheel.y != 0) camera_.zoom_by(event.wheel.y > 0 ? 1.1f : 1.0f / 1.1f);
      break;
    default:
      break;
  }
}

void RoomScreen::walk_input() {
  if (chat_focus_ || programme_.typing() || grad_.typing()) return;
  const Uint8* keys = SDL_GetKeyboardState(nullptr);
  std::optional<world::Direction> d;
  if (keys[SDL_SCANCODE_UP] || keys[SDL_SCANCODE_W]) d = world::Direction::up;
  if (keys[SDL_SCANCODE_DOWN] || keys[SDL_SCANCODE_S]) d = world::Direction::down;
  if (keys[SDL_SCANCODE_LEFT] || keys[SDL_SCANCODE_A]) d = world::Direction::left;
  if (keys[SDL_SCANCODE_RIGHT] || keys[SDL_SCANCODE_D]) d = world::Direction::right;
  if (!d) return;
  stop_follow();
  pan_to_.reset();
  send_move(me_.try_step(*map_, *d));
}

bool RoomScreen::near_me(world::TilePos p) const {
  return world::within_radius(me_.tile(), p, radius_);
}

void RoomScreen::update(double dt) {
  Session& session = *ctx_.session;
  session.update(ctx_.now, [this](const v1::Envelope& e) { on_message(e); });
  if (session.take_joined()) {
    // A resume (or a fresh join after it expired) brings a new snapshot.
    self_id_ = session.joined().user_id();
    programme_.set_self(self_id_, session.joined().role());
    enter(session.joined().room());
    toast("Reconnected.");
  }
  if (session.phase() == SessionPhase::failed) {
    ctx_.screens->replace(std::make_unique<JoinScreen>(ctx_, session.error()));
    return;
  }
  const auto fdt = static_cast<float>(dt);
  if (session.phase() == SessionPhase::in_room) {
    walk_input();
    send_move(me_.update(fdt, *map_));
    run_script();
  }
  avatars_.update(fdt);
  if (auto* self = avatars_.find(self_id_)) {
    // Our own entry is drawn from the prediction; keep the model in step for labels and lists.
    self->tile = me_.tile();
    self->facing = me_.facing();
    self->drawn = me_.drawn();
    self->status = my_status_;
  }
  layout_ = layout_room(ctx_.width, ctx_.height, chat_panel_);
  camera_.set_viewport(layout_.map);
  if (session.phase() == SessionPhase::in_room) update_follow();
  camera_.follow(camera_target(), fdt);
  update_voice();
  while (!toasts_.empty() && toasts_.front().until <= ctx_.now) toasts_.pop_front();
}

bool RoomScreen::settled() const {
  // A trailing "wait:S" holds the run open too (a guest that stays while others take pictures).
  return ctx_.now - entered_at_ > 0.5 && script_step_ >= ctx_.options->script.size() &&
         ctx_.now >= script_wait_until_ && !me_.walking() && !me_.following_path();
}

void RoomScreen::draw() const {
  draw_world();
  draw_hud();
  draw_voice_panel();
  programme_.draw();
}

}  // namespace moim::client::app
