#include "join_screen.hpp"

#include "moim/proto/text.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

namespace {

constexpr const char* kLabels[] = {"Server", "Name (이름)", "Invite code", "Room (optional)"};
constexpr int kFormWidth = 460;
constexpr int kFieldHeight = 34;
constexpr int kRowHeight = 62;

}  // namespace

JoinScreen::JoinScreen(AppContext& ctx, std::string message)
    : ctx_(ctx), message_(std::move(message)) {
  const JoinSettings& s = ctx.options->join;
  fields_[server].set_value(s.server);
  fields_[name].set_value(s.name);
  fields_[invite].set_value(s.invite);
  fields_[room].set_value(s.room);
  if (!s.name.empty()) focus_ = invite;
  if (ctx.options->autojoin && message_.empty()) submit();
}

SDL_Rect JoinScreen::field_box(int index) const {
  const int x = (ctx_.width - kFormWidth) / 2;
  const int y = ctx_.height / 2 - 170 + index * kRowHeight + 22;
  return {x, y, kFormWidth, kFieldHeight};
}

SDL_Rect JoinScreen::button_box() const {
  const SDL_Rect last = field_box(count - 1);
  return {last.x, last.y + kRowHeight, kFormWidth, 40};
}

void JoinScreen::submit() {
  JoinSettings s;
  s.server = fields_[server].value();
  s.name = fields_[name].value();
  s.invite = fields_[invite].value();
  s.room = fields_[room].value();
  s.device_key = ctx_.options->join.device_key;  // made at start-up if the file had none
  // Refuse here what the server would refuse, with the same rule, before any network trip.
  if (const auto problem = proto::check_display_name(s.name); problem != proto::TextProblem::ok) {
    message_ = std::string("Name: ") + proto::describe(problem);
    focus_ = name;
    return;
  }
  if (ctx_.options->settings_file) save_join_settings(*ctx_.options->settings_file, s);
  message_.clear();
  started_ = ctx_.session->start(s, ctx_.now);
}

void JoinScreen::handle_event(const SDL_Event& event) {
  if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT) {
    const SDL_Point p{event.button.x, event.button.y};
    for (int i = 0; i < count; ++i) {
      const SDL_Rect box = field_box(i);
      if (SDL_PointInRect(&p, &box)) focus_ = i;
    }
    const SDL_Rect button = button_box();
    if (SDL_PointInRect(&p, &button)) submit();
    return;
  }
  switch (fields_[static_cast<std::size_t>(focus_)].handle_event(event)) {
    case FieldAction::submit:
      submit();
      break;
    case FieldAction::next:
      focus_ = (focus_ + ((SDL_GetModState() & KMOD_SHIFT) != 0 ? count - 1 : 1)) % count;
      break;
    case FieldAction::cancel:
    case FieldAction::none:
      break;
  }
}

void JoinScreen::update(double) {
  Session& session = *ctx_.session;
  session.update(ctx_.now, [](const v1::Envelope&) {});
  if (session.take_joined()) {
    ctx_.screens->replace(std::make_unique<RoomScreen>(ctx_));
    return;
  }
  if (started_ && session.phase() == SessionPhase::failed) {
    message_ = session.error();
    started_ = false;
  }
}

bool JoinScreen::settled() const {
  return !message_.empty();
}

void JoinScreen::draw() const {
  SDL_Renderer* r = ctx_.renderer;
  Text& text = *ctx_.text;
  set_color(r, {22, 24, 34, 255});
  SDL_RenderClear(r);
  const SDL_Rect first = field_box(0);
  text.draw("moim 모임", first.x, first.y - 80, {240, 240, 250, 255}, FontSize::large);
  text.draw("Join a gathering", first.x, first.y - 50, {150, 155, 175, 255}, FontSize::small);
  for (int i = 0; i < count; ++i) {
    const SDL_Rect box = field_box(i);
    text.draw(kLabels[i], box.x, box.y - 20, {170, 175, 195, 255}, FontSize::small);
    fields_[static_cast<std::size_t>(i)].draw(text, r, box, i == focus_, ctx_.now);
  }
  const SDL_Rect button = button_box();
  const bool busy =
      ctx_.session->phase() != SessionPhase::idle && ctx_.session->phase() != SessionPhase::failed;
  set_color(r, busy ? SDL_Color{60, 70, 100, 255} : SDL_Color{70, 110, 220, 255});
  SDL_RenderFillRect(r, &button);
  const std::string label = busy ? "Connecting..." : "Join (Enter)";
  const auto size = text.measure(label);
  text.draw(label, button.x + (button.w - size.w) / 2, button.y + (button.h - size.h) / 2,
            {255, 255, 255, 255});
  const std::string status = busy ? ctx_.session->status_line(ctx_.now) : message_;
  if (!status.empty()) {
    const SDL_Color color = busy ? SDL_Color{170, 175, 195, 255} : SDL_Color{255, 120, 110, 255};
    // Long messages wrap at the form's width.
    std::string rest = status;
    int y = button.y + button.h + 16;
    while (!rest.empty() && y < ctx_.height) {
      std::size_t n = text.fit(rest, kFormWidth);
      if (n == 0) n = rest.size();
      text.draw(rest.substr(0, n), button.x, y, color);
      rest.erase(0, n);
      y += text.line_height();
    }
  }
  text.draw("Tab: next field   Enter: join", first.x, ctx_.height - 30, {110, 115, 135, 255},
            FontSize::small);
}

}  // namespace moim::client::app
