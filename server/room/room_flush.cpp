// flush(): from "who is dirty" to frames.
//
// The invariant that makes shared frames correct: after each flush, everyone in cell X knows
// exactly the people whose last flushed cell is visible from X, as they were at that flush.
// A frame for X moves the people who stayed visible, upserts those who became visible (or whose
// look changed) and removes those who left. Someone who crossed into a new cell first gets a
// personal diff that turns "what my old cell saw" into "what my new cell saw at the last
// flush", so the shared frame of their new cell then applies to them like to everyone else.
#include <algorithm>

#include "room/room.hpp"

namespace moim::room {

FrameView& Room::frame_for(int cell_index) {
  if (frames_.empty()) frames_.resize(static_cast<std::size_t>(grid_.cell_count()));
  FrameView& frame = frames_[static_cast<std::size_t>(cell_index)];
  if (frame.tick != tick_) {
    frame.tick = tick_;
    frame.moves.clear();
    frame.upserts.clear();
    frame.removed.clear();
    touched_cells_.push_back(cell_index);
  }
  return frame;
}

void Room::flush() {
  if (!dirty()) return;
  ++tick_;
  touched_cells_.clear();
  // In id order every frame lists its moves by id, which keeps their packed id differences
  // to a byte (proto/include/moim/proto/frame_moves.hpp).
  std::sort(dirty_.begin(), dirty_.end());

  // 1. Personal diffs first, computed against everyone's last flushed cell.
  index_dirty_by_flushed_cell();
  for (UserId id : dirty_) {
    const Member& m = members_.at(id);
    const Cell now = grid_.cell_of(m.avatar.pos);
    if (!(now == m.flushed_cell)) send_view_change(m, m.flushed_cell, now);
  }
  // 2. One frame per occupied cell that can see a change.
  for (UserId id : dirty_) add_dirty_to_frames(members_.at(id));
  for (const Departure& d : departed_) add_departure_to_frames(d);
  for (int cell : touched_cells_) {
    const auto& recipients = grid_.members(cell);
    const FrameView& frame = frames_[static_cast<std::size_t>(cell)];
    if (!recipients.empty() && !frame.empty()) sink_.frame(recipients, frame);
  }
  // 3. What was sent is now what observers know.
  for (UserId id : dirty_) {
    Member& m = members_.at(id);
    m.flushed_cell = grid_.cell_of(m.avatar.pos);
    m.moved = m.changed = m.arrived = m.queued = false;
  }
  dirty_.clear();
  departed_.clear();
  for (int cell : dirty_cells_) dirty_by_cell_[static_cast<std::size_t>(cell)].clear();
  dirty_cells_.clear();
}

void Room::index_dirty_by_flushed_cell() {
  if (dirty_by_cell_.empty()) dirty_by_cell_.resize(static_cast<std::size_t>(grid_.cell_count()));
  for (UserId id : dirty_) {
    const int cell = grid_.index_of(members_.at(id).flushed_cell);
    auto& list = dirty_by_cell_[static_cast<std::size_t>(cell)];
    if (list.empty()) dirty_cells_.push_back(cell);
    list.push_back(id);
  }
}

void Room::add_dirty_to_frames(const Member& m) {
  const Cell now = grid_.cell_of(m.avatar.pos);
  const Cell before = m.flushed_cell;
  grid_.visible_cells(now, scratch_cells_);
  for (int x : scratch_cells_) {
    if (grid_.members(x).empty()) continue;
    FrameView& frame = frame_for(x);
    if (m.arrived || m.changed || !grid_.sees(grid_.cell_at(x), before)) {
      frame.upserts.push_back(m.avatar);
    } else if (m.moved) {
      frame.moves.push_back(MoveView{m.avatar.id, m.avatar.pos, m.avatar.facing});
    }
  }
  if (m.arrived || now == before) return;
  grid_.visible_cells(before, scratch_cells_);
  for (int x : scratch_cells_) {
    if (grid_.members(x).empty() || grid_.sees(grid_.cell_at(x), now)) continue;
    frame_for(x).removed.push_back(m.avatar.id);
  }
}

void Room::add_departure_to_frames(const Departure& departure) {
  // Someone who left and came back before this flush is upserted where they now stand; only
  // the cells that cannot see their new place should drop them.
  auto back = members_.find(departure.id);
  const bool returned = back != members_.end();
  const Cell now = returned ? grid_.cell_of(back->second.avatar.pos) : Cell{};
  grid_.visible_cells(departure.cell, scratch_cells_);
  for (int x : scratch_cells_) {
    if (grid_.members(x).empty()) continue;
    if (returned && grid_.sees(grid_.cell_at(x), now)) continue;
    frame_for(x).removed.push_back(departure.id);
  }
}

void Room::send_view_change(const Member& observer, Cell from, Cell to) {
  FrameView diff;
  diff.tick = tick_;
  // Where each person stood at the last flush: their current cell unless they are dirty.
  const auto flushed_cell_of = [&](const Member& o) {
    return o.queued ? o.flushed_cell : grid_.cell_of(o.avatar.pos);
  };
  const auto consider = [&](const Member& o) {
    if (o.avatar.id == observer.avatar.id || o.arrived) return;
    const Cell c = flushed_cell_of(o);
    const bool saw = grid_.sees(from, c);
    const bool sees = grid_.sees(to, c);
    if (sees && !saw) diff.upserts.push_back(o.avatar);
    if (saw && !sees) diff.removed.push_back(o.avatar.id);
  };
  // Only the cells that entered or left the view matter. Non-dirty people sit in the grid at
  // their flushed cell; dirty people are indexed by theirs (index_dirty_by_flushed_cell), so a
  // busy room where everyone moved costs the changed cells, not everyone, per crossing.
  grid_.visible_cells(from, scratch_cells_);
  grid_.visible_cells(to, scratch_cells_b_);
  for (const auto* cells : {&scratch_cells_, &scratch_cells_b_}) {
    for (int x : *cells) {
      const Cell c = grid_.cell_at(x);
      if (grid_.sees(from, c) && grid_.sees(to, c)) continue;
      for (UserId id : grid_.members(x)) {
        const Member& o = members_.at(id);
        if (!o.queued) consider(o);
      }
      for (UserId id : dirty_by_cell_[static_cast<std::size_t>(x)]) consider(members_.at(id));
    }
  }
  for (const Departure& d : departed_) {
    if (members_.contains(d.id)) continue;  // came back: an arrival, upserted by the frames
    if (grid_.sees(from, d.cell) && !grid_.sees(to, d.cell)) diff.removed.push_back(d.id);
  }
  if (diff.empty()) return;
  const UserId to_whom[] = {observer.avatar.id};
  sink_.frame(to_whom, diff);
}

}  // namespace moim::room
