#include "graduation_hud.hpp"

#include <algorithm>
#include <fstream>

namespace moim::client::app {

namespace {

std::string color_name(const v1::GraduationState& s, int index) {
  if (index < 0 || index >= s.palette_size()) return "?";
  return s.palette(index).name();
}

}  // namespace

void GraduationUi::entered(const RoomFeatures& features) {
  active_ = features.has(feature::graduation);
  prompt_.reset();
  if (!active_) return;
  v1::Envelope e;
  e.mutable_get_graduation();
  ctx_.session->send(std::move(e));
}

std::string GraduationUi::key(const char* what) {
  // Unique per action and kept for its retries; the session resends nothing itself, so one key
  // per press is enough to make a double press count once.
  return std::string(what) + "-" + std::to_string(ctx_.session->joined().user_id()) + "-" +
         std::to_string(static_cast<long long>(ctx_.now * 1000)) + "-" + std::to_string(++keys_);
}

bool GraduationUi::on_message(const v1::Envelope& e) {
  switch (e.body_case()) {
    case v1::Envelope::kGraduation:
      state_ = e.graduation();
      return true;
    case v1::Envelope::kCheckedIn:
      toast_(e.checked_in().already()
                 ? "Already checked in as " + e.checked_in().name()
                 : "Welcome, " + e.checked_in().name() + "! You are checked in.");
      return true;
    case v1::Envelope::kOfferMade:
      toast_("Offer sent; waiting for an answer.");
      return true;
    case v1::Envelope::kOfferReceived:
      prompt_ = e.offer_received();
      return true;
    case v1::Envelope::kOfferClosed:
      toast_(e.offer_closed().message().empty() ? "Your offer ended." : e.offer_closed().message());
      return true;
    case v1::Envelope::kSwapDone: {
      const auto& d = e.swap_done();
      if (d.kind() == v1::OFFER_KIND_CARD) {
        toast_("You swapped business cards with " + d.with_name() + ".");
      } else {
        toast_("You got a " + (state_ ? color_name(*state_, d.color_received()) : "new") +
               " sticker from " + d.with_name() + ".");
      }
      return true;
    }
    case v1::Envelope::kRaffleNews:
      news_ = e.raffle_news();
      news_until_ = ctx_.now + (e.raffle_news().seed().empty() ? 6.0 : 20.0);
      return true;
    case v1::Envelope::kCardsExport: {
      const std::string file = "moim-cards.vcf";
      std::ofstream(file, std::ios::binary) << e.cards_export().vcard();
      toast_("Saved your cards to " + file);
      return true;
    }
    default:
      return false;
  }
}

bool GraduationUi::in_zone(const Where& w, world::ZoneKind kind) const {
  return w.map != nullptr && w.map->zone_at(w.me, kind) != nullptr;
}

void GraduationUi::check_in(const Where& w) {
  if (!in_zone(w, world::ZoneKind::checkin)) return toast_("The check-in desk is by the entrance.");
  v1::Envelope e;
  e.mutable_check_in()->set_invite_code(ctx_.session->settings().invite);
  e.mutable_check_in()->set_key(key("checkin"));
  ctx_.session->send(std::move(e));
}

void GraduationUi::pick(std::optional<int> color, const Where& w) {
  if (!in_zone(w, world::ZoneKind::sticker_booth))
    return toast_("Pick a colour at the sticker booth.");
  v1::Envelope e;
  if (color) e.mutable_pick_color()->set_color(*color);
  e.mutable_pick_color()->set_key(key("pick"));
  ctx_.session->send(std::move(e));
}

const AvatarView* GraduationUi::nearest(const Where& w) const {
  const AvatarView* best = nullptr;
  int best_d = 0;
  for (const auto& [id, a] : w.avatars->all()) {
    if (id == w.self) continue;
    const int d = world::distance_sq(a.tile, w.me);
    if (d <= w.radius * w.radius && (!best || d < best_d)) {
      best = &a;
      best_d = d;
    }
  }
  return best;
}

const AvatarView* GraduationUi::named(const Where& w, const std::string& name) const {
  for (const auto& [id, a] : w.avatars->all()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

void GraduationUi::offer(v1::OfferKind kind, const AvatarView* to) {
  if (!to) return toast_("Nobody is near enough; walk up to someone first.");
  v1::Envelope e;
  e.mutable_make_offer()->set_kind(kind);
  e.mutable_make_offer()->set_to_user(to->user_id);
  ctx_.session->send(std::move(e));
}

void GraduationUi::answer(bool accept) {
  if (!prompt_) return;
  v1::Envelope e;
  if (accept) {
    e.mutable_accept_offer()->set_offer_id(prompt_->offer_id());
    e.mutable_accept_offer()->set_key(key("accept"));
  } else {
    e.mutable_decline_offer()->set_offer_id(prompt_->offer_id());
  }
  ctx_.session->send(std::move(e));
  prompt_.reset();
}

std::string card_line(const v1::BusinessCard& card) {
  std::string line = card.company() + " | " + card.role();
  for (const auto& link : card.links()) line += " | " + link;
  return line;
}

v1::BusinessCard card_from_line(const std::string& name, const std::string& line) {
  const std::vector<std::string> parts = split_fields(line, '|');
  v1::BusinessCard card;
  card.set_name(name);
  card.set_company(parts[0]);
  if (parts.size() > 1) card.set_role(parts[1]);
  for (std::size_t i = 2; i < parts.size(); ++i) {
    if (!parts[i].empty()) card.add_links(parts[i]);  // the server checks scheme and count
  }
  return card;
}

void GraduationUi::edit_card() {
  editing_card_ = true;
  card_field_.clear();
  if (state_) card_field_.set_value(card_line(state_->my_card()));
  SDL_StartTextInput();
}

void GraduationUi::submit_card() {
  editing_card_ = false;
  SDL_StopTextInput();
  std::string name = state_ ? state_->my_card().name() : "";
  if (name.empty() && state_) name = state_->roster_name();
  v1::Envelope e;
  *e.mutable_set_card()->mutable_card() = card_from_line(name, card_field_.value());
  ctx_.session->send(std::move(e));  // the refreshed GraduationState shows it; errors toast
}

bool GraduationUi::handle_event(const SDL_Event& event) {
  if (!editing_card_) return false;
  switch (card_field_.handle_event(event)) {
    case FieldAction::submit:
      submit_card();
      return true;
    case FieldAction::cancel:
      editing_card_ = false;
      SDL_StopTextInput();
      return true;
    default:
      break;
  }
  return event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT || event.type == SDL_TEXTEDITING;
}

void GraduationUi::export_cards() {
  v1::Envelope e;
  e.mutable_export_cards();
  ctx_.session->send(std::move(e));
}

bool GraduationUi::handle_key(SDL_Keycode key, const Where& w) {
  if (!active_) return false;
  switch (key) {
    case SDLK_g:
      if (state_ && state_->checked_in() && in_zone(w, world::ZoneKind::sticker_booth)) {
        pick(std::nullopt, w);
      } else {
        check_in(w);
      }
      return true;
    case SDLK_x:
      offer(v1::OFFER_KIND_EXCHANGE, nearest(w));
      return true;
    case SDLK_b:
      offer(v1::OFFER_KIND_CARD, nearest(w));
      return true;
    case SDLK_y:
      answer(true);
      return true;
    case SDLK_n:
      answer(false);
      return true;
    case SDLK_k:
      show_cards_ = !show_cards_;
      return true;
    case SDLK_v:
      export_cards();
      return true;
    case SDLK_e:
      edit_card();
      return true;
    default:
      return false;
  }
}

SDL_Rect GraduationUi::swatch_rect(int index, const SDL_Rect& area) const {
  const int count = state_ ? state_->palette_size() : 0;
  const int total = count * (kSwatch + 36);
  return {area.x + (area.w - total) / 2 + index * (kSwatch + 36) + 18, area.y + 150, kSwatch + 4,
          kSwatch + 4};
}

bool GraduationUi::handle_click(int x, int y, const Where& w) {
  if (!active_ || !state_ || state_->color() >= 0 || !in_zone(w, world::ZoneKind::sticker_booth)) {
    return false;
  }
  for (int i = 0; i < state_->palette_size(); ++i) {
    const SDL_Rect r = swatch_rect(i, w.area);
    const SDL_Point p{x, y};
    if (SDL_PointInRect(&p, &r)) {
      pick(i, w);
      return true;
    }
  }
  return false;
}

bool GraduationUi::script(const std::string& verb, const std::string& arg, const Where& w) {
  if (verb == "checkin") {
    check_in(w);
  } else if (verb == "pick") {
    pick(arg.empty() ? std::nullopt : std::optional<int>(std::atoi(arg.c_str())), w);
  } else if (verb == "offer" || verb == "card") {
    offer(verb == "offer" ? v1::OFFER_KIND_EXCHANGE : v1::OFFER_KIND_CARD, named(w, arg));
  } else if (verb == "accept") {
    answer(true);
  } else if (verb == "cards") {
    show_cards_ = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace moim::client::app
