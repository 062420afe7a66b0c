#pragma once
// Everyone the server lets us see, with a smooth render position between server positions.
//
// The server sends whole tiles at up to 20 frames a second; drawing those directly makes people
// jump. Each avatar glides from where it is drawn now towards its newest server tile at walking
// speed, and snaps when the gap is too large to be a walk (a portal, a correction, a join).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "moim/v1/moim.pb.h"
#include "moim/world/geometry.hpp"

namespace moim::client {

// A position in tile units with a fraction: (2.5, 3) is halfway between tiles 2 and 3.
struct TileVec {
  float x = 0;
  float y = 0;
};

inline constexpr float kWalkTilesPerSecond = 8.0f;
// Farther than this from the drawn position, a new server position is a jump, not a walk.
inline constexpr float kSnapDistanceTiles = 4.0f;

world::Direction from_proto(v1::Direction d);
v1::Direction to_proto(world::Direction d);

struct AvatarView {
  std::uint64_t user_id = 0;
  std::string name;
  v1::Status status = v1::STATUS_AVAILABLE;
  v1::Role role = v1::ROLE_ATTENDEE;
  std::uint32_t color = 0xffffff;  // 0xRRGGBB
  v1::Look look;                   // graduation day: cap and gown, ribbon, medal
  world::TilePos tile;             // the latest server position
  world::Direction facing = world::Direction::down;
  TileVec drawn;        // where it is drawn now
  float walk_time = 0;  // seconds spent walking, drives the animation frame
  bool walking = false;
  bool reconnecting = false;  // their connection dropped; the server holds their place
};

class Avatars {
 public:
  // Replaces everything (a room snapshot).
  void reset(const google::protobuf::RepeatedPtrField<v1::Avatar>& avatars);
  // Applies a Frame in its documented order: upserts, then moves, then removals. Entries for
  // `skip_moves_of` (ourselves, predicted locally) are upserted but their moves are ignored.
  void apply(const v1::Frame& frame, std::uint64_t skip_moves_of);
  void upsert(const v1::Avatar& avatar);
  void move(std::uint64_t user_id, world::TilePos tile, world::Direction facing);
  void remove(std::uint64_t user_id);
  // Advances every glide by dt seconds.
  void update(float dt);

  const AvatarView* find(std::uint64_t user_id) const;
  AvatarView* find(std::uint64_t user_id);
  const std::unordered_map<std::uint64_t, AvatarView>& all() const { return avatars_; }
  // Draw order: back to front (by drawn y, then id), so nearer people overlap farther ones.
  std::vector<const AvatarView*> draw_order() const;
  std::size_t size() const { return avatars_.size(); }

 private:
  std::unordered_map<std::uint64_t, AvatarView> avatars_;
};

}  // namespace moim::client
