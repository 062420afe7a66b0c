// GraduationUi drawing: the sticker card HUD, the booth picker, the offer prompt, the card list
// and the raffle banner. Reads state only.
#include <algorithm>
#include <chrono>

#include "graduation_hud.hpp"

namespace moim::client::app {

namespace {

void panel(SDL_Renderer* r, const SDL_Rect& rect, Uint8 alpha = 215) {
  set_color(r, {20, 22, 32, alpha});
  SDL_RenderFillRect(r, &rect);
  set_color(r, {90, 94, 120, 255});
  SDL_RenderDrawRect(r, &rect);
}

const SDL_Color kText{235, 235, 245, 255};
const SDL_Color kGold{255, 214, 110, 255};

}  // namespace

void GraduationUi::draw(const Where& w) const {
  if (!active_) return;
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  // The sticker card: one swatch per colour, filled when held, an outline when still missing.
  SDL_Rect box{w.area.x + 8, w.area.y + 8, 300, state_ && state_->checked_in() ? 100 : 56};
  panel(r, box);
  int y = box.y + 6;
  if (!state_ || !state_->checked_in()) {
    text.draw("Graduation day", box.x + 10, y, kGold, FontSize::small);
    text.draw("Check in at the desk by the entrance: G", box.x + 10, y + 24, kText,
              FontSize::small);
  } else {
    const auto& s = *state_;
    const std::string title =
        s.complete() ? "Sticker card complete!" : "Sticker card · " + s.roster_name();
    text.draw(title, box.x + 10, y, s.complete() ? kGold : kText, FontSize::small);
    y += 24;
    int x = box.x + 10;
    for (int i = 0; i < s.palette_size(); ++i) {
      SDL_Rect sw{x, y, kSwatch, kSwatch};
      const bool held = std::find(s.held().begin(), s.held().end(), i) != s.held().end();
      set_color(r, rgb(s.palette(i).rgb()));
      if (held) {
        SDL_RenderFillRect(r, &sw);
      } else {
        SDL_RenderDrawRect(r, &sw);
        SDL_Rect inner{sw.x + 1, sw.y + 1, sw.w - 2, sw.h - 2};
        SDL_RenderDrawRect(r, &inner);
      }
      if (i == s.color()) {  // your own colour: a white frame
        set_color(r, {255, 255, 255, 255});
        SDL_Rect mine{sw.x - 3, sw.y - 3, sw.w + 6, sw.h + 6};
        SDL_RenderDrawRect(r, &mine);
      }
      x += kSwatch + 8;
    }
    y += 28;
    std::string line = s.color() < 0 ? "Pick a colour at the sticker booth (G)"
                                     : std::to_string(s.held_size()) + "/" +
                                           std::to_string(s.palette_size()) + " colours · met " +
                                           std::to_string(s.people_met()) + " · tickets " +
                                           std::to_string(s.raffle_tickets());
    text.draw(line, box.x + 10, y - 4, kText, FontSize::small);
    text.draw("X: stickers  B: swap cards  K: cards  E: my card", box.x + 10, y + 18,
              {170, 175, 195, 255}, FontSize::small);
  }
  draw_booth(w);
  if (show_cards_) draw_card_panel(w.area.x + w.area.w - 300, w.area.y + 200);
  draw_prompt(w.area);
  draw_news(w.area);
  if (editing_card_) draw_card_editor(w.area);
}

void GraduationUi::draw_card_editor(const SDL_Rect& area) const {
  const SDL_Rect box{area.x + (area.w - 560) / 2, area.y + area.h - 110, 560, 90};
  panel(ctx_.renderer, box);
  ctx_.text->draw("Your card: company | role | link | link  (Enter saves, Esc cancels)", box.x + 10,
                  box.y + 8, kText, FontSize::small);
  card_field_.draw(*ctx_.text, ctx_.renderer, {box.x + 10, box.y + 40, box.w - 20, 30}, true,
                   ctx_.now);
}

void GraduationUi::draw_booth(const Where& w) const {
  if (!state_ || !state_->checked_in() || state_->color() >= 0 ||
      !in_zone(w, world::ZoneKind::sticker_booth)) {
    return;
  }
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const auto& s = *state_;
  const SDL_Rect first = swatch_rect(0, w.area);
  const SDL_Rect last = swatch_rect(s.palette_size() - 1, w.area);
  SDL_Rect box{first.x - 26, first.y - 40, last.x + last.w - first.x + 52, 100};
  panel(r, box, 235);
  text.draw("Sticker booth — click a colour, or G for the suggested one", box.x + 10, box.y + 8,
            kGold, FontSize::small);
  for (int i = 0; i < s.palette_size(); ++i) {
    const SDL_Rect sw = swatch_rect(i, w.area);
    set_color(r, rgb(s.palette(i).rgb()));
    SDL_RenderFillRect(r, &sw);
    if (i == s.suggested()) {
      set_color(r, {255, 255, 255, 255});
      SDL_Rect ring{sw.x - 3, sw.y - 3, sw.w + 6, sw.h + 6};
      SDL_RenderDrawRect(r, &ring);
    }
    text.draw(s.palette(i).name() + " " + std::to_string(s.palette(i).picked()), sw.x - 12,
              sw.y + sw.h + 4, kText, FontSize::small);
  }
}

void GraduationUi::draw_card_panel(int x, int y) const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const int n = state_ ? state_->cards_size() : 0;
  SDL_Rect box{x, y, 290, 36 + std::max(1, n) * 40};
  panel(r, box, 230);
  text.draw("Business cards (V: save as vCard)", box.x + 10, box.y + 8, kGold, FontSize::small);
  if (n == 0) {
    text.draw("None yet: stand near someone and press B", box.x + 10, box.y + 34, kText,
              FontSize::small);
    return;
  }
  int cy = box.y + 32;
  for (const auto& card : state_->cards()) {
    text.draw(card.name() + (card.company().empty() ? "" : " · " + card.company()), box.x + 10, cy,
              kText, FontSize::small);
    std::string sub = card.role();
    if (card.links_size() > 0) sub += (sub.empty() ? "" : " · ") + card.links(0);
    text.draw(sub, box.x + 10, cy + 17, {170, 175, 195, 255}, FontSize::small);
    cy += 40;
  }
}

void GraduationUi::draw_prompt(const SDL_Rect& area) const {
  // Offers expire on the server after a minute; hide the prompt then (clocks roughly agree).
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  if (!prompt_ || prompt_->expires_at_ms() <= now_ms) return;
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const auto& p = *prompt_;
  std::string what = p.kind() == v1::OFFER_KIND_CARD ? "swap business cards" : "exchange stickers";
  if (p.kind() == v1::OFFER_KIND_EXCHANGE && state_ && p.from_color() >= 0 &&
      p.from_color() < state_->palette_size()) {
    what += " (" + state_->palette(p.from_color()).name() + ")";
  }
  const std::string line = p.from_name() + " wants to " + what + " —  Y: accept   N: decline";
  const auto size = text.measure(line);
  SDL_Rect box{area.x + (area.w - size.w) / 2 - 20, area.y + area.h - 130, size.w + 40,
               size.h + 24};
  panel(r, box, 240);
  if (p.kind() == v1::OFFER_KIND_EXCHANGE && state_ && p.from_color() >= 0 &&
      p.from_color() < state_->palette_size()) {
    set_color(r, rgb(state_->palette(p.from_color()).rgb()));
    SDL_Rect stripe{box.x, box.y, 6, box.h};
    SDL_RenderFillRect(r, &stripe);
  }
  text.draw(line, box.x + 20, box.y + 12, kText);
}

void GraduationUi::draw_news(const SDL_Rect& area) const {
  if (!news_ || ctx_.now > news_until_) return;
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  const auto& n = *news_;
  std::string line;
  if (n.seed().empty()) {
    line = "Raffle #" + std::to_string(n.raffle_id()) + " is open · commitment " +
           n.commitment().substr(0, 16) + "…";
  } else {
    line = "Raffle #" + std::to_string(n.raffle_id()) + " winners: ";
    for (int i = 0; i < n.winners_size(); ++i) line += (i ? ", " : "") + n.winners(i).name();
  }
  const auto size = text.measure(line, FontSize::large);
  SDL_Rect box{area.x + (area.w - size.w) / 2 - 24, area.y + 12, size.w + 48, size.h + 20};
  panel(r, box, 245);
  set_color(r, kGold);
  SDL_RenderDrawRect(r, &box);
  text.draw(line, box.x + 24, box.y + 10, kGold, FontSize::large);
}

}  // namespace moim::client::app
