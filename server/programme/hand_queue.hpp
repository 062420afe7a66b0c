#pragma once
// The raise-hand queue of a live session: people raise a hand in order, may lower it, and the
// host gives the floor to whoever is first. Kept in memory by the hall for the session: a hand
// raised is a moment, not a record.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace moim::programme {

struct RaisedHand {
  UserId user = 0;
  std::string name;
};

class HandQueue {
 public:
  // Returns the 1-based place in the queue; raising again keeps the earlier place.
  int raise(UserId user, std::string name);
  // True if the hand was up.
  bool lower(UserId user);
  // The first hand, taken off the queue; hand_queue_empty when nobody waits.
  Result<RaisedHand> next();
  const std::deque<RaisedHand>& hands() const { return hands_; }
  std::size_t size() const { return hands_.size(); }

 private:
  std::deque<RaisedHand> hands_;
};

}  // namespace moim::programme
