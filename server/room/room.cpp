#include "room/room.hpp"

#include <algorithm>

namespace moim::room {

Room::Room(std::string id, std::shared_ptr<const world::Map> map, RoomConfig config,
           ChatArchive& archive, RoomSink& sink)
    : id_(std::move(id)),
      map_(std::move(map)),
      config_(config),
      chat_(archive, id_, config_.chat_history),
      sink_(sink),
      grid_(map_->width(), map_->height(), config.aoi_cell_tiles, config.aoi_radius_cells) {}

std::optional<AvatarView> Room::find(UserId id) const {
  auto it = members_.find(id);
  if (it == members_.end()) return std::nullopt;
  return it->second.avatar;
}

Room::Member* Room::member(UserId id) {
  auto it = members_.find(id);
  return it == members_.end() ? nullptr : &it->second;
}

Status Room::admit(const Arrival& arrival, std::uint32_t request_id) {
  const UserId id = arrival.avatar.id;
  if (Member* back = member(id);
      back && arrival.kind == ArrivalKind::resume && back->held_until_ms != 0) {
    take_back(*back, arrival, request_id);
    return ok();
  }
  if (members_.contains(id)) return Error{Errc::already_joined, "already in this room"};
  const bool staff = arrival.avatar.role != Role::attendee;
  if (!staff && static_cast<int>(members_.size()) >= config_.capacity) {
    return Error{Errc::room_full,
                 "room '" + id_ + "' is full (" + std::to_string(config_.capacity) + " people)"};
  }
  Member m;
  m.avatar = arrival.avatar;
  m.avatar.reconnecting = false;
  m.move_budget = TokenBucket(config_.move_rate);
  m.chat_budget = TokenBucket(config_.chat_rate);
  m.muted_until_ms = arrival.muted_until_ms;
  m.avatar.pos = arrival_position(arrival);
  m.flushed_cell = grid_.cell_of(m.avatar.pos);
  m.arrived = true;
  update_zones(m);
  auto [it, inserted] = members_.emplace(id, std::move(m));
  grid_.insert(id, it->second.avatar.pos);
  mark_dirty(it->second);
  sink_.snapshot(id, request_id, arrival.kind, snapshot_for(it->second));
  return ok();
}

void Room::take_back(Member& m, const Arrival& arrival, std::uint32_t request_id) {
  std::erase(held_, m.avatar.id);
  m.held_until_ms = 0;
  m.avatar.reconnecting = false;
  m.avatar.look = arrival.avatar.look;  // what they wear may have changed meanwhile
  m.muted_until_ms = arrival.muted_until_ms;
  m.changed = true;
  mark_dirty(m);
  sink_.snapshot(m.avatar.id, request_id, arrival.kind, snapshot_for(m));
}

std::optional<AvatarView> Room::hold(UserId id, std::int64_t until_ms) {
  Member* m = member(id);
  if (!m) return std::nullopt;
  AvatarView was = m->avatar;
  if (m->held_until_ms == 0) held_.push_back(id);
  m->held_until_ms = until_ms;
  m->avatar.reconnecting = true;
  m->changed = true;
  mark_dirty(*m);
  return was;
}

bool Room::held(UserId id) const {
  auto it = members_.find(id);
  return it != members_.end() && it->second.held_until_ms != 0;
}

std::vector<UserId> Room::expire_held(std::int64_t now_ms) {
  std::vector<UserId> gone;
  for (UserId id : held_) {
    if (members_.at(id).held_until_ms <= now_ms) gone.push_back(id);
  }
  for (UserId id : gone) leave(id, LeaveReason::disconnected);
  return gone;
}

std::optional<std::int64_t> Room::next_hold_end() const {
  std::optional<std::int64_t> first;
  for (UserId id : held_) {
    const std::int64_t until = members_.at(id).held_until_ms;
    if (!first || until < *first) first = until;
  }
  return first;
}

TilePos Room::arrival_position(const Arrival& arrival) const {
  if (arrival.place && map_->walkable(*arrival.place)) return *arrival.place;
  // Spread arrivals over the spawn zone so people do not stack on one tile.
  return map_->spawn_point(arrival.spawn,
                           arrivals_ + static_cast<std::uint32_t>(arrival.avatar.id));
}

std::optional<AvatarView> Room::leave(UserId id, LeaveReason reason) {
  auto it = members_.find(id);
  if (it == members_.end()) return std::nullopt;
  (void)reason;  // every reason looks the same to the others: the avatar disappears
  AvatarView avatar = it->second.avatar;
  avatar.reconnecting = false;  // as they will be if they come back
  grid_.remove(id, avatar.pos);
  // Observers only ever learned about the cell of the last flush; a newcomer who never got
  // flushed is still announced as removed, which clients ignore if they did not know them.
  departed_.push_back({id, it->second.flushed_cell});
  if (it->second.queued) std::erase(dirty_, id);
  if (it->second.held_until_ms != 0) std::erase(held_, id);
  members_.erase(it);
  return avatar;
}

void Room::place(Member& m, TilePos pos) {
  grid_.move(m.avatar.id, m.avatar.pos, pos);
  m.avatar.pos = pos;
  m.moved = true;
  mark_dirty(m);
  update_zones(m);
}

void Room::mark_dirty(Member& m) {
  if (m.queued) return;
  m.queued = true;
  dirty_.push_back(m.avatar.id);
}

void Room::update_zones(Member& m) {
  m.private_zone = map_->zone_at(m.avatar.pos, world::ZoneKind::private_area);
  m.on_stage = map_->zone_at(m.avatar.pos, world::ZoneKind::stage) != nullptr;
  m.in_quiet = map_->zone_at(m.avatar.pos, world::ZoneKind::quiet) != nullptr;
}

void Room::move(UserId id, const MoveIntent& intent, std::int64_t now_ms) {
  Member* m = member(id);
  if (!m) return;  // a move that raced a portal or a kick: nothing to answer
  m->last_seq = intent.seq;
  if (intent.to == m->avatar.pos) {
    if (m->avatar.facing != intent.facing) {
      m->avatar.facing = intent.facing;
      m->moved = true;
      mark_dirty(*m);
    }
    return;
  }
  if (!world::is_step(m->avatar.pos, intent.to)) {
    return reject_move(*m, intent.seq, Errc::move_blocked, "not a neighbouring tile");
  }
  if (!map_->walkable(intent.to)) {
    return reject_move(*m, intent.seq, Errc::move_blocked, "blocked");
  }
  if (!m->move_budget.try_take(now_ms)) {
    return reject_move(*m, intent.seq, Errc::move_too_fast, "faster than walking");
  }
  m->avatar.facing = intent.facing;
  place(*m, intent.to);
  if (const auto* portal = map_->zone_at(intent.to, world::ZoneKind::portal)) {
    take_portal(*m, *portal);
  }
}

void Room::reject_move(Member& m, std::uint32_t seq, Errc code, std::string why) {
  sink_.move_rejected(m.avatar.id, MoveView{m.avatar.id, m.avatar.pos, m.avatar.facing}, seq,
                      Error{code, std::move(why)});
}

void Room::take_portal(Member& m, const world::Zone& portal) {
  if (portal.target_room.empty()) return;
  const AvatarView avatar = m.avatar;
  const std::int64_t muted = m.muted_until_ms;
  leave(avatar.id, LeaveReason::portal);
  sink_.portal(avatar, muted, portal.target_room, portal.target_spawn);
}

void Room::set_presence(UserId id, std::uint32_t request_id, Presence presence) {
  Member* m = member(id);
  if (!m) return;
  if (m->avatar.presence != presence) {
    m->avatar.presence = presence;
    m->changed = true;
    mark_dirty(*m);
  }
  sink_.ack(id, request_id);
}

void Room::set_muted(UserId id, std::int64_t until_ms) {
  if (Member* m = member(id)) m->muted_until_ms = until_ms;
}

std::int64_t Room::muted_until(UserId id) const {
  auto it = members_.find(id);
  return it == members_.end() ? -1 : it->second.muted_until_ms;
}

Result<MoveView> Room::place_in_zone(UserId id, world::ZoneKind kind) {
  Member* m = member(id);
  if (!m) return Error{Errc::no_such_user, "that person is not in this room"};
  for (const auto& zone : map_->zones()) {
    if (zone.kind != kind) continue;
    // From the middle of the zone outwards, so a speaker stands centre stage.
    const TilePos centre{zone.area.x + zone.area.w / 2, zone.area.y + zone.area.h / 2};
    std::optional<TilePos> best;
    for (int y = zone.area.y; y < zone.area.y + zone.area.h; ++y) {
      for (int x = zone.area.x; x < zone.area.x + zone.area.w; ++x) {
        const TilePos p{x, y};
        if (!map_->walkable(p)) continue;
        if (!best || world::distance_sq(p, centre) < world::distance_sq(*best, centre)) best = p;
      }
    }
    if (!best) continue;
    if (*best != m->avatar.pos) place(*m, *best);
    return MoveView{id, m->avatar.pos, m->avatar.facing};
  }
  return Error{Errc::no_such_room, "this room has no such place"};
}

void Room::set_look(UserId id, const Look& look) {
  Member* m = member(id);
  if (!m || m->avatar.look == look) return;
  m->avatar.look = look;
  m->changed = true;
  mark_dirty(*m);
}

bool Room::in_zone(UserId id, world::ZoneKind kind) const {
  auto it = members_.find(id);
  return it != members_.end() && map_->zone_at(it->second.avatar.pos, kind) != nullptr;
}

bool Room::is_muted(const Member& m, std::int64_t now_ms) const {
  return m.muted_until_ms == 0 || m.muted_until_ms > now_ms;
}

SnapshotView Room::snapshot_for(const Member& m) const {
  SnapshotView snap;
  snap.room = id_;
  snap.map = map_->id();
  snap.you = m.avatar;
  grid_.visible_cells(grid_.cell_of(m.avatar.pos), scratch_cells_);
  for (int cell : scratch_cells_) {
    for (UserId other : grid_.members(cell)) snap.avatars.push_back(members_.at(other).avatar);
  }
  for (const auto& record : chat_.recent()) {
    snap.history.push_back(ChatView{record.id, ChatScope::room, record.user_id, record.display_name,
                                    record.text, record.sent_at_ms, 0, id_});
  }
  return snap;
}

}  // namespace moim::room
