#pragma once
// A stack of screens (after SuperTux's ScreenManager): the top one gets events, update() runs at
// a fixed step and changes state, draw() only reads it. Changes to the stack requested during an
// update are applied between frames, so a screen never destroys itself mid-call.
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>

namespace moim::client::app {

class Screen {
 public:
  virtual ~Screen() = default;
  virtual void handle_event(const SDL_Event& event) = 0;
  virtual void update(double dt) = 0;
  virtual void draw() const = 0;
  // True once there is something worth a screenshot (the room is drawn, or an error shows).
  virtual bool settled() const { return false; }
  // Why this screen could not do its job (a join that failed), for the exit code and the log of
  // a headless run; empty when all is well.
  virtual std::string problem() const { return {}; }
};

class ScreenStack {
 public:
  void push(std::unique_ptr<Screen> screen) { pending_.push_back({Op::push, std::move(screen)}); }
  void pop() { pending_.push_back({Op::pop, nullptr}); }
  void replace(std::unique_ptr<Screen> screen) {
    pending_.push_back({Op::pop, nullptr});
    pending_.push_back({Op::push, std::move(screen)});
  }
  void apply_pending() {
    for (auto& change : pending_) {
      if (change.op == Op::pop) {
        if (!screens_.empty()) screens_.pop_back();
      } else {
        screens_.push_back(std::move(change.screen));
      }
    }
    pending_.clear();
  }
  Screen* top() const { return screens_.empty() ? nullptr : screens_.back().get(); }
  bool empty() const { return screens_.empty() && pending_.empty(); }

 private:
  enum class Op { push, pop };
  struct Change {
    Op op;
    std::unique_ptr<Screen> screen;
  };
  std::vector<std::unique_ptr<Screen>> screens_;
  std::vector<Change> pending_;
};

}  // namespace moim::client::app
