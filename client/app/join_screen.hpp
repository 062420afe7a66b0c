#pragma once
// The first screen: server, name, invite code (and an optional room), remembered between runs.
// Shows why a join failed in words a person can act on.
#include <array>

#include "context.hpp"
#include "text_field.hpp"

namespace moim::client::app {

class JoinScreen : public Screen {
 public:
  // `message`: shown under the form, e.g. why the last session ended.
  JoinScreen(AppContext& ctx, std::string message = {});
  void handle_event(const SDL_Event& event) override;
  void update(double dt) override;
  void draw() const override;
  bool settled() const override;
  std::string problem() const override { return message_; }

 private:
  enum Field { server = 0, name, invite, room, count };
  void submit();
  SDL_Rect field_box(int index) const;
  SDL_Rect button_box() const;

  AppContext& ctx_;
  std::array<TextField, count> fields_;
  int focus_ = name;
  std::string message_;
  bool started_ = false;
};

}  // namespace moim::client::app
