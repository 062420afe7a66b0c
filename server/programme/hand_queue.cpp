#include "programme/hand_queue.hpp"

#include <algorithm>

namespace moim::programme {

int HandQueue::raise(UserId user, std::string name) {
  auto it = std::find_if(hands_.begin(), hands_.end(),
                         [user](const RaisedHand& h) { return h.user == user; });
  if (it != hands_.end()) return static_cast<int>(it - hands_.begin()) + 1;
  hands_.push_back({user, std::move(name)});
  return static_cast<int>(hands_.size());
}

bool HandQueue::lower(UserId user) {
  return std::erase_if(hands_, [user](const RaisedHand& h) { return h.user == user; }) > 0;
}

Result<RaisedHand> HandQueue::next() {
  if (hands_.empty()) return Error{Errc::hand_queue_empty, "no hands are raised"};
  RaisedHand first = std::move(hands_.front());
  hands_.pop_front();
  return first;
}

}  // namespace moim::programme
