// Who can hear a speaker's voice (room/voice.hpp): the same places as nearby chat
// (room_chat.cpp), with the distances the voice mix needs to pick the nearest.
#include "room/room.hpp"

namespace moim::room {

bool Room::voice_audience(UserId speaker, VoiceAudience& out) const {
  out.hearers.clear();
  auto it = members_.find(speaker);
  if (it == members_.end()) return false;
  const Member& m = it->second;
  if (m.held_until_ms != 0) return false;
  const TilePos at = m.avatar.pos;
  const auto hear = [&](UserId other, const Member& o) {
    if (other != speaker && o.held_until_ms == 0) {
      out.hearers.push_back({other, world::distance_sq(at, o.avatar.pos)});
    }
  };
  if (m.on_stage) {
    out.reach = VoiceReach::stage;
    out.hearers.reserve(members_.size());
    for (const auto& [other, o] : members_) hear(other, o);
    return true;
  }
  if (m.private_zone) {
    out.reach = VoiceReach::area;
    grid_.cells_overlapping(m.private_zone->area, scratch_cells_);
    for (int cell : scratch_cells_) {
      for (UserId other : grid_.members(cell)) {
        const Member& o = members_.at(other);
        if (o.private_zone == m.private_zone) hear(other, o);
      }
    }
    return true;
  }
  if (m.in_quiet) return false;
  out.reach = VoiceReach::nearby;
  const int r = config_.proximity_radius;
  grid_.cells_overlapping({at.x - r, at.y - r, 2 * r + 1, 2 * r + 1}, scratch_cells_);
  for (int cell : scratch_cells_) {
    for (UserId other : grid_.members(cell)) {
      const Member& o = members_.at(other);
      if (o.private_zone || o.in_quiet) continue;  // they hear only their area, or nothing
      if (world::within_radius(at, o.avatar.pos, r)) hear(other, o);
    }
  }
  return true;
}

}  // namespace moim::room
