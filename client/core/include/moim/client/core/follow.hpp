#pragma once
// Following someone from the online list. In `watch` mode the camera keeps them centred; in
// `walk` mode we also walk after them along A* paths, re-planned whenever they have moved, and
// stop beside them rather than on their tile. Following ends when the person leaves the room,
// when we walk by ourselves (keys or a click), or on Esc / the "stop following" button.
//
// Someone out of our area of interest is not in the frames the server sends us, so while they are
// out of sight we ask the server where they are (Locate) about once a second.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "moim/world/geometry.hpp"
#include "moim/world/map.hpp"

namespace moim::client {

enum class FollowMode { watch, walk };

inline constexpr double kFollowLocateInterval = 1.0;  // seconds between Locates while unseen

class Follow {
 public:
  void start(std::uint64_t user_id, std::string name, FollowMode mode);
  void stop();
  bool active() const { return user_id_ != 0; }
  std::uint64_t user_id() const { return user_id_; }
  const std::string& name() const { return name_; }
  FollowMode mode() const { return mode_; }
  void set_mode(FollowMode mode);

  // Where the target stands now: from the avatars we see, or from a Location answer.
  void seen_at(world::TilePos tile);
  std::optional<world::TilePos> last_seen() const { return last_seen_; }
  // Call while the target is not among the avatars we see: true when it is time to send a
  // Locate (the first time at once, then at most once per kFollowLocateInterval).
  bool should_locate(double now);
  // Walk mode: where to plan a path to, when the target has moved since the last plan and we
  // (at `me`) are not already beside them; nullopt otherwise, and always in watch mode.
  std::optional<world::TilePos> walk_goal(world::TilePos me);

 private:
  std::uint64_t user_id_ = 0;
  std::string name_;
  FollowMode mode_ = FollowMode::watch;
  std::optional<world::TilePos> last_seen_;
  std::optional<world::TilePos> planned_for_;
  double next_locate_at_ = 0;
};

// The A* path from `from` to a tile beside `target` (the path to the target without its last
// step); empty when already beside (or on) the target or when it cannot be reached.
std::vector<world::TilePos> path_beside(const world::Map& map, world::TilePos from,
                                        world::TilePos target);

}  // namespace moim::client
