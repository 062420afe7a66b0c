#include "programme_panel.hpp"

#include <chrono>

namespace moim::client::app {

namespace {

constexpr SDL_Color kText{230, 232, 240, 255};
constexpr SDL_Color kDim{160, 165, 185, 255};
constexpr SDL_Color kAccent{255, 214, 102, 255};
constexpr SDL_Color kButton{60, 66, 96, 255};

std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SDL_Rect sdl(const PixelRect& p) {
  return {p.x, p.y, p.w, p.h};
}

void fill(SDL_Renderer* r, const PixelRect& rect, SDL_Color c) {
  const SDL_Rect s = sdl(rect);
  set_color(r, c);
  SDL_RenderFillRect(r, &s);
}

SDL_Color box_color(PanelPart part) {
  switch (part) {
    case PanelPart::reminder:
      return {90, 60, 20, 235};
    case PanelPart::panel:
      return {20, 22, 32, 225};
    default:
      return {20, 22, 32, 220};
  }
}

SDL_Color tone_color(PanelTone tone) {
  switch (tone) {
    case PanelTone::dim:
      return kDim;
    case PanelTone::accent:
      return kAccent;
    default:
      return kText;
  }
}

FontSize font_size(PanelFont font) {
  return font == PanelFont::small ? FontSize::small : FontSize::normal;
}

}  // namespace

ProgrammePanel::ProgrammePanel(AppContext& ctx, Toast toast)
    : ctx_(ctx),
      model_([&ctx](v1::Envelope e) { return ctx.session->send(std::move(e)); }, std::move(toast),
             {system_now_ms, [&ctx] { return ctx.now; }}) {
  update();
}

void ProgrammePanel::sync_field() {
  if (model_.field_generation() == field_seen_) return;
  field_seen_ = model_.field_generation();
  input_.clear();
  if (model_.field() == PanelField::search) input_.set_value(model_.query());
  if (model_.field() == PanelField::none) {
    SDL_StopTextInput();
  } else {
    SDL_StartTextInput();
  }
}

void ProgrammePanel::update() {
  model_.set_time_zone(ctx_.session->welcome().time_zone());
  model_.layout(ctx_.width, ctx_.height);
}

bool ProgrammePanel::handle_event(const SDL_Event& event) {
  bool used = false;
  if (typing()) {
    switch (input_.handle_event(event)) {
      case FieldAction::submit:
        model_.submit(input_.value());
        used = true;
        break;
      case FieldAction::cancel:
        model_.cancel_field();
        used = true;
        break;
      default:
        used = event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT ||
               event.type == SDL_TEXTEDITING;
        break;
    }
  }
  if (!used && event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_F2) {
    model_.toggle();
    used = true;
  }
  if (!used && event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT) {
    used = model_.click(event.button.x, event.button.y);
  }
  if (used) {
    sync_field();
    update();  // the frame drawn next shows what the event changed
  }
  return used;
}

void ProgrammePanel::draw_part(PanelPart part) const {
  const PanelLayout& l = model_.laid_out();
  for (const auto& b : l.boxes) {
    if (b.part == part) fill(ctx_.renderer, b.rect, box_color(part));
  }
  for (const auto& t : l.texts) {
    if (t.part != part) continue;
    const FontSize size = font_size(t.font);
    const std::string shown =
        t.fit > 0 ? t.text.substr(0, ctx_.text->fit(t.text, t.fit, size)) : t.text;
    ctx_.text->draw(shown, t.x, t.y, tone_color(t.tone), size);
  }
  for (const auto& b : l.buttons) {
    if (b.part != part) continue;
    fill(ctx_.renderer, b.rect, kButton);
    ctx_.text->draw(b.label, b.rect.x + 6, b.rect.y + 2, kText, FontSize::small);
  }
}

void ProgrammePanel::draw() const {
  for (const PanelPart part : {PanelPart::toggle, PanelPart::timer, PanelPart::hall,
                               PanelPart::reminder, PanelPart::panel}) {
    draw_part(part);
  }
  if (const auto& box = model_.laid_out().input) {
    input_.draw(*ctx_.text, ctx_.renderer, sdl(*box), true, ctx_.now);
  }
}

}  // namespace moim::client::app
