#pragma once
// Proximity voice, as rules: who can hear a speaker (Room::voice_audience) and which speakers
// each listener hears at once (VoiceMix). The server forwards voice frames it never decodes; these
// rules pick the listeners. Plain C++: the voice feature (server/features/voice_feature.hpp)
// drives them on the room's strand once per flush, for the people who spoke since the last one.
//
// Who hears whom mirrors nearby chat (room_chat.cpp):
// - on a stage zone, a speaker reaches everyone in the room (reach stage), wherever they stand;
// - inside a private area, a speaker reaches the people in the same area and nobody else
//   (reach area), and someone inside hears only their area (and the stage);
// - in a quiet zone nobody speaks or hears nearby voice (the stage still reaches them);
// - otherwise a speaker reaches whoever stands within the proximity radius (Euclidean, inclusive,
//   5 tiles by default: world::within_radius) outside private areas and quiet zones (reach nearby).
// A held avatar (the connection dropped) hears nothing. Nobody hears themselves.
#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/ids.hpp"

namespace moim::room {

enum class VoiceReach : std::uint8_t { nearby = 1, area = 2, stage = 3 };

// Someone who can hear a speaker, and the squared distance between them in tiles.
struct Hearer {
  UserId id = 0;
  int distance_sq = 0;
};

// Who can hear one speaker now, and why.
struct VoiceAudience {
  VoiceReach reach = VoiceReach::nearby;
  std::vector<Hearer> hearers;
};

// A listener hears at most this many speakers at once: more voices than that is noise.
inline constexpr std::size_t kMaxVoicesHeard = 8;

// Picks, for every listener, the speakers they hear in one flush: stage speakers first, then the
// nearest (by distance) or, in a private area, the loudest (by the level the speaker's client
// measured), at most kMaxVoicesHeard. Speakers are numbered by the caller (0, 1, ... in the
// order it adds them); ties go to the lower number, so the same input always picks the same.
class VoiceMix {
 public:
  struct Picks {
    std::array<std::uint32_t, kMaxVoicesHeard> speakers{};  // the caller's numbers, ascending
    std::uint8_t count = 0;
    std::span<const std::uint32_t> view() const { return {speakers.data(), count}; }
  };

  // Forgets the last flush's picks (keeps the memory).
  void clear();
  // Speaker number `speaker` reaches `audience`; `level` is 0 (silence) to 100.
  void add(std::uint32_t speaker, const VoiceAudience& audience, std::uint32_t level);
  // Every listener who hears someone, and whom. Sorted by speaker number once finish() ran.
  const std::unordered_map<UserId, Picks>& picks() const { return picks_; }
  // Puts each listener's speakers in ascending order (call once after the last add).
  void finish();

 private:
  // Lower is heard first: the stage, then the nearest or loudest, then the lower number.
  struct Rank {
    std::uint32_t order = 0;  // 0: stage; else 1 + distance² or 1 + (100 - level)
    std::uint32_t speaker = 0;
    friend bool operator<(const Rank& a, const Rank& b) {
      return a.order != b.order ? a.order < b.order : a.speaker < b.speaker;
    }
  };
  struct Slot {
    std::array<Rank, kMaxVoicesHeard> ranks{};
    std::uint8_t count = 0;
  };
  void offer(UserId listener, Rank rank);

  std::unordered_map<UserId, Slot> slots_;
  std::unordered_map<UserId, Picks> picks_;
};

}  // namespace moim::room
