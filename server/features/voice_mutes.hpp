#pragma once
// Whose voice a host has muted, in every room at once (MuteVoice). Every room's voice feature
// reads it on its own strand when it forwards frames, so a mute takes effect at the next flush
// wherever the person stands; a host's request writes it from the strand of the host's room.
// Thread-safe. Separate from chat mutes (Moderate MUTE), which the rooms already carry and the
// voice feature honours as well.
#include <mutex>
#include <unordered_set>

#include "core/ids.hpp"

namespace moim::features {

class VoiceMutes {
 public:
  void set(UserId user, bool muted) {
    std::lock_guard lock(mutex_);
    if (muted) {
      muted_.insert(user);
    } else {
      muted_.erase(user);
    }
  }
  bool muted(UserId user) const {
    std::lock_guard lock(mutex_);
    return muted_.contains(user);
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_set<UserId> muted_;
};

}  // namespace moim::features
