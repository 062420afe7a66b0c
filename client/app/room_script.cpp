// RoomScreen: scripted actions for headless runs (--script), so tests and the README screenshot
// can walk and talk without a person: "goto:X,Y" walks a path there, "say:TEXT" says TEXT nearby,
// "room:TEXT" says it to the room, "wait:SECONDS" pauses, "zoom:F" sets the zoom,
// "follow:NAME" / "walkafter:NAME" follow someone in view as the online list's buttons do,
// "chat:fold" folds the chat sidebar away, "talk:on" / "talk:off" hold and release push-to-talk,
// "openmic:on" / "openmic:off" switch the open microphone, "voice:panel" opens the voice panel;
// graduation steps ("checkin", "pick[:N]", "offer:NAME", "card:NAME", "accept", "cards")
// are in graduation_hud.cpp. With MOIM_SCRIPT_TRACE set, each step's start time goes to stderr.
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "moim/world/pathfind.hpp"
#include "room_screen.hpp"

namespace moim::client::app {

void RoomScreen::run_script() {
  const auto& script = ctx_.options->script;
  // Each step starts when the previous walk has finished and any wait has passed; the first
  // waits a moment for the first frames of the people around us.
  if (script_step_ >= script.size() || me_.walking() || me_.following_path()) return;
  if (ctx_.now < script_wait_until_ || ctx_.now - entered_at_ < 0.3) return;
  const std::string& step = script[script_step_++];
  if (std::getenv("MOIM_SCRIPT_TRACE") != nullptr) {
    // For hand-run benchmarks: when each step started, on the machine's monotonic clock.
    std::cerr << "script " << step << ' '
              << std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now().time_since_epoch())
                     .count()
              << std::endl;
  }
  const auto colon = step.find(':');
  const std::string verb = step.substr(0, colon);
  const std::string arg = colon == std::string::npos ? std::string() : step.substr(colon + 1);
  if (verb == "goto") {
    int x = 0;
    int y = 0;
    const auto comma = arg.find(',');
    if (comma == std::string::npos) return;
    std::from_chars(arg.data(), arg.data() + comma, x);
    std::from_chars(arg.data() + comma + 1, arg.data() + arg.size(), y);
    me_.follow_path(world::find_path(*map_, me_.tile(), {x, y}));
  } else if (verb == "say" || verb == "room") {
    chat_.select(verb == "say" ? ChatTab::nearby : ChatTab::room);
    chat_input_.set_value(arg);
    send_chat();
    script_wait_until_ = ctx_.now + 0.3;  // let the echo come back before the next step
  } else if (verb == "wait") {
    script_wait_until_ = ctx_.now + std::atof(arg.c_str());
  } else if (verb == "zoom") {
    camera_.set_zoom(static_cast<float>(std::atof(arg.c_str())));
  } else if (verb == "follow" || verb == "walkafter") {
    for (const auto& [id, a] : avatars_.all()) {
      if (a.name != arg || id == self_id_) continue;
      v1::OnlineEntry entry;
      entry.set_user_id(id);
      entry.set_display_name(a.name);
      entry.set_room(room_);
      start_follow(entry, verb == "follow" ? FollowMode::watch : FollowMode::walk);
    }
  } else if (verb == "talk") {
    script_talk_ = arg == "on";  // push-to-talk held (on) or released (off)
  } else if (verb == "openmic" && ctx_.voice != nullptr) {
    ctx_.voice->set_mode(arg == "on" ? voice::TalkMode::open_mic : voice::TalkMode::push_to_talk);
  } else if (verb == "voice" && arg == "panel") {
    show_voice_ = true;
  } else if (verb == "chat" && arg == "fold") {
    chat_panel_ = ChatPanel::folded;
  } else if (grad_.script(verb, arg, where())) {
    script_wait_until_ = ctx_.now + 0.3;  // graduation steps: let the answer come back
  }
}

}  // namespace moim::client::app
