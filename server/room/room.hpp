#pragma once
// One room: the people in it, where they stand, and the rules for moving and talking.
// Plain C++ driven by method calls, single-threaded by contract: in the server a room lives on
// its own strand (app/room_host.hpp) and nothing else touches it. Time is passed in.
//
// Moves are applied at once and remembered as dirty; flush() turns everything dirty into one
// frame per occupied AOI cell (position updates coalesce: only the latest counts). Chat and
// answers are emitted immediately, in order.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "moim/world/map.hpp"
#include "room/aoi_grid.hpp"
#include "room/chat_archive.hpp"
#include "room/chat_ring.hpp"
#include "room/room_sink.hpp"
#include "room/token_bucket.hpp"
#include "room/types.hpp"
#include "room/voice.hpp"

namespace moim::room {

struct RoomConfig {
  int capacity = 500;        // hosts and admins may enter a full room
  int proximity_radius = 5;  // tiles, Euclidean, inclusive
  int aoi_cell_tiles = 8;    // see aoi_grid.hpp
  int aoi_radius_cells = 2;  // a person sees (2r+1)² cells
  std::size_t chat_history = 50;
  RateLimit move_rate{12.0, 6.0};  // steps per second; walking is 8 tiles/s in the client
  RateLimit chat_rate{2.0, 8.0};   // messages per second, burst
};

class Room {
 public:
  // Reads the room's recent chat from `archive` here, once; later room chat is written through.
  Room(std::string id, std::shared_ptr<const world::Map> map, RoomConfig config,
       ChatArchive& archive, RoomSink& sink);

  const std::string& id() const { return id_; }
  const world::Map& map() const { return *map_; }
  std::size_t size() const { return members_.size(); }
  bool contains(UserId id) const { return members_.contains(id); }
  std::optional<AvatarView> find(UserId id) const;
  // Whether flush() has anything to send.
  bool dirty() const { return !dirty_.empty() || !departed_.empty(); }

  // Admits someone and answers with a snapshot, or with room_full. The caller makes sure the
  // person is in no other room, and takes a held avatar away (leave) before any arrival other
  // than their resume.
  Status admit(const Arrival& arrival, std::uint32_t request_id);
  // Removes someone; returns their avatar as it was (for resume), or nullopt if absent.
  std::optional<AvatarView> leave(UserId id, LeaveReason reason);

  // Someone's connection dropped: their avatar stays where it stood, marked reconnecting (those
  // who see it get the change in the next frame), until they come back (admit with
  // ArrivalKind::resume takes it back in place: no removal, no new arrival) or `until_ms` passes
  // (expire_held removes it). Meanwhile they hear no chat and still count towards capacity, so
  // their place is kept. Returns the avatar as it was before, or nullopt if absent.
  std::optional<AvatarView> hold(UserId id, std::int64_t until_ms);
  bool held(UserId id) const;
  // Removes everyone held whose time ran out by `now_ms`; returns who was removed.
  std::vector<UserId> expire_held(std::int64_t now_ms);
  // When the earliest hold runs out; nullopt if nobody is held.
  std::optional<std::int64_t> next_hold_end() const;

  void move(UserId id, const MoveIntent& intent, std::int64_t now_ms);
  void chat(UserId id, std::uint32_t request_id, const ChatIntent& intent, std::int64_t now_ms);
  // A direct message routed here from any room (the sender's room validated it).
  void deliver_direct(const ChatView& chat);
  void set_presence(UserId id, std::uint32_t request_id, Presence presence);
  void set_muted(UserId id, std::int64_t until_ms);  // -1 lifts the mute
  std::int64_t muted_until(UserId id) const;         // -1 when not muted or absent

  // Puts someone on a walkable tile of the first zone of `kind` (a host giving the stage):
  // others see them move in the next frame. Returns where they stand now, for whoever moved them
  // to tell them. no_such_user if absent, no_such_room if the map has no walkable tile in such a
  // zone.
  Result<MoveView> place_in_zone(UserId id, world::ZoneKind kind);
  // Changes what someone wears; everyone who can see them gets the new look in the next frame.
  void set_look(UserId id, const Look& look);
  // Whether someone in this room stands in a zone of `kind` (e.g. the check-in desk).
  bool in_zone(UserId id, world::ZoneKind kind) const;

  // Emits the frames for everything that changed since the last flush.
  void flush();

  // Who can hear `speaker` talk now (room/voice.hpp says where voice reaches): fills `out`, or
  // returns false when nobody can (absent, away, or in a quiet zone). room_voice.cpp.
  bool voice_audience(UserId speaker, VoiceAudience& out) const;

 private:
  struct Member {
    AvatarView avatar;
    TokenBucket move_budget;
    TokenBucket chat_budget;
    std::int64_t muted_until_ms = -1;
    Cell flushed_cell;     // the cell observers were last told about
    bool moved = false;    // position changed since the last flush
    bool changed = false;  // appearance changed: send a full upsert
    bool arrived = false;  // new since the last flush
    bool queued = false;   // listed in dirty_
    const world::Zone* private_zone = nullptr;
    bool on_stage = false;
    bool in_quiet = false;
    std::uint32_t last_seq = 0;      // of the last move asked for, echoed by server-made moves
    std::int64_t held_until_ms = 0;  // > 0 while their connection is away (hold)
  };
  struct Departure {
    UserId id;
    Cell cell;
  };

  Member* member(UserId id);
  void place(Member& m, TilePos pos);
  void mark_dirty(Member& m);
  void update_zones(Member& m);
  TilePos arrival_position(const Arrival& arrival) const;
  SnapshotView snapshot_for(const Member& m) const;
  void take_back(Member& m, const Arrival& arrival, std::uint32_t request_id);
  void reject_move(Member& m, std::uint32_t seq, Errc code, std::string why);
  void take_portal(Member& m, const world::Zone& portal);
  bool is_muted(const Member& m, std::int64_t now_ms) const;

  // room_chat.cpp
  std::vector<UserId> nearby_recipients(const Member& sender) const;
  std::vector<UserId> zone_recipients(const world::Zone& zone) const;
  std::vector<UserId> everyone() const;

  // room_flush.cpp
  void send_view_change(const Member& observer, Cell from, Cell to);
  void add_dirty_to_frames(const Member& m);
  void index_dirty_by_flushed_cell();
  void add_departure_to_frames(const Departure& departure);
  FrameView& frame_for(int cell_index);

  std::string id_;
  std::shared_ptr<const world::Map> map_;
  RoomConfig config_;
  ChatRing chat_;  // the room chat a newcomer's snapshot shows
  RoomSink& sink_;
  AoiGrid grid_;
  std::unordered_map<UserId, Member> members_;
  std::vector<UserId> dirty_;
  std::vector<Departure> departed_;
  std::vector<UserId> held_;  // few at a time: those whose connection dropped recently
  std::uint64_t tick_ = 0;    // numbers the frames flush() emits
  std::uint32_t arrivals_ = 0;
  mutable std::vector<int> scratch_cells_;
  std::vector<int> scratch_cells_b_;
  std::vector<FrameView> frames_;  // per cell, reused between flushes
  std::vector<int> touched_cells_;
  // During a flush: the dirty people by the cell observers last saw them in, so that a personal
  // diff looks only at the cells entering or leaving a view (not at every dirty person).
  std::vector<std::vector<UserId>> dirty_by_cell_;
  std::vector<int> dirty_cells_;
};

std::uint32_t avatar_color(UserId id);

}  // namespace moim::room
