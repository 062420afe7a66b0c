#pragma once
// What the room you are in offers beyond walking and chat, as its snapshot (Joined.room,
// RoomEntered.room) lists it: the graduation floors' desk and booth, a study group's focus timer,
// the hall's stage and raised hands. The client shows a feature's controls only when the room
// lists it, and learns what it needs to use it (a study group's id) from the feature's ref; it
// never reads meaning into a room's id, so a map can add a feature to any room.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moim/v1/moim.pb.h"

namespace moim::client {

// The names the server uses (a map's "features" property).
namespace feature {
inline constexpr std::string_view graduation = "graduation";
inline constexpr std::string_view study_group = "study-group";  // ref: the group's id
inline constexpr std::string_view stage = "stage";
}  // namespace feature

class RoomFeatures {
 public:
  struct Entry {
    std::string name;
    std::string ref;
  };

  RoomFeatures() = default;
  explicit RoomFeatures(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  bool has(std::string_view name) const { return find(name) != nullptr; }
  // The feature's ref: empty when the room lacks the feature or the server sent none.
  std::string_view ref(std::string_view name) const;
  // The ref read as a positive id (a study group's), or nullopt when the room lacks the feature
  // or its ref is not one: a client that cannot tell which group shows nothing of it.
  std::optional<std::int64_t> id(std::string_view name) const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  const Entry* find(std::string_view name) const;

  std::vector<Entry> entries_;
};

// The features a room snapshot lists.
RoomFeatures room_features(const v1::RoomSnapshot& snapshot);

}  // namespace moim::client
