#include <algorithm>

#include "room/voice.hpp"

namespace moim::room {

void VoiceMix::clear() {
  slots_.clear();
  picks_.clear();
}

void VoiceMix::add(std::uint32_t speaker, const VoiceAudience& audience, std::uint32_t level) {
  const std::uint32_t loudness = std::min<std::uint32_t>(level, 100);
  for (const Hearer& hearer : audience.hearers) {
    Rank rank{0, speaker};
    switch (audience.reach) {
      case VoiceReach::stage:
        break;
      case VoiceReach::area:
        rank.order = 1 + (100 - loudness);
        break;
      case VoiceReach::nearby:
        rank.order = 1 + static_cast<std::uint32_t>(std::max(0, hearer.distance_sq));
        break;
    }
    offer(hearer.id, rank);
  }
}

void VoiceMix::offer(UserId listener, Rank rank) {
  Slot& slot = slots_[listener];
  if (slot.count < kMaxVoicesHeard) {
    slot.ranks[slot.count++] = rank;
    return;
  }
  // Full: the new speaker replaces the one heard last, if it ranks before them.
  auto worst = std::max_element(slot.ranks.begin(), slot.ranks.end());
  if (rank < *worst) *worst = rank;
}

void VoiceMix::finish() {
  picks_.reserve(slots_.size());
  for (auto& [listener, slot] : slots_) {
    Picks& picks = picks_[listener];
    picks.count = slot.count;
    for (std::uint8_t i = 0; i < slot.count; ++i) picks.speakers[i] = slot.ranks[i].speaker;
    std::sort(picks.speakers.begin(), picks.speakers.begin() + slot.count);
  }
  slots_.clear();
}

}  // namespace moim::room
