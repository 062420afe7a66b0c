#pragma once
// Graduation day in the client: the check-in desk and the sticker booth (G), offers to swap
// stickers (X) or business cards (B) with the nearest person, the accept/decline prompt (Y/N),
// the HUD of colours held and missing, the card list (K, V exports it as vCard), your own card (E:
// company | role | links) and the raffle announcement. The room screen forwards messages, keys,
// clicks and draw calls; everything the server decides arrives as GraduationState and is only shown
// here.
#include <SDL.h>

#include <functional>
#include <optional>
#include <string>

#include "context.hpp"
#include "moim/client/core/avatars.hpp"
#include "moim/client/core/room_features.hpp"
#include "text_field.hpp"

namespace moim::client::app {

// Your business card as one editable line, "company | role | link | link", and back. The name
// stays the one you have; empty parts are left empty.
std::string card_line(const v1::BusinessCard& card);
v1::BusinessCard card_from_line(const std::string& name, const std::string& line);

class GraduationUi {
 public:
  using Toast = std::function<void(std::string)>;
  // Where we stand, from the room screen.
  struct Where {
    const world::Map* map = nullptr;
    world::TilePos me;
    std::uint64_t self = 0;
    const Avatars* avatars = nullptr;
    int radius = 5;
    SDL_Rect area{0, 32, 1280, 688};  // the map's viewport, where the panels go
  };

  GraduationUi(AppContext& ctx, Toast toast) : ctx_(ctx), toast_(std::move(toast)) {}

  // A room was entered: on a graduation floor (a room with the graduation feature), ask for our
  // state; elsewhere the keys and panels are off.
  void entered(const RoomFeatures& features);
  // True if the message was graduation business (and is handled).
  bool on_message(const v1::Envelope& e);
  bool handle_key(SDL_Keycode key, const Where& w);
  // Typing into the card editor (E); true while it takes the keys.
  bool handle_event(const SDL_Event& event);
  bool typing() const { return editing_card_; }
  bool handle_click(int x, int y, const Where& w);
  // Headless scripts: "checkin", "pick[:N]", "offer:NAME", "card:NAME", "accept".
  bool script(const std::string& verb, const std::string& arg, const Where& w);
  void draw(const Where& w) const;

 private:
  static constexpr int kSwatch = 22;  // a colour's square on the card and at the booth
  void check_in(const Where& w);
  void pick(std::optional<int> color, const Where& w);
  void offer(v1::OfferKind kind, const AvatarView* to);
  void answer(bool accept);
  void export_cards();
  void edit_card();
  void submit_card();
  void draw_card_editor(const SDL_Rect& area) const;
  const AvatarView* nearest(const Where& w) const;
  const AvatarView* named(const Where& w, const std::string& name) const;
  bool in_zone(const Where& w, world::ZoneKind kind) const;
  std::string key(const char* what);
  void draw_card_panel(int x, int y) const;
  void draw_booth(const Where& w) const;
  void draw_prompt(const SDL_Rect& area) const;
  void draw_news(const SDL_Rect& area) const;
  SDL_Rect swatch_rect(int index, const SDL_Rect& area) const;

  AppContext& ctx_;
  Toast toast_;
  bool active_ = false;  // on a graduation floor
  std::optional<v1::GraduationState> state_;
  std::optional<v1::OfferReceived> prompt_;
  std::optional<v1::RaffleNews> news_;
  double news_until_ = 0;
  bool show_cards_ = false;
  bool editing_card_ = false;
  TextField card_field_{400};
  std::uint64_t keys_ = 0;
};

}  // namespace moim::client::app
