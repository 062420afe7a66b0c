#pragma once
// A room feature: something a room offers beyond walking and chat (graduation day's desk and
// booth, a study group's timer and attendance, the hall's stage). A map names its features in
// its "features" property ("graduation", "stage", ...); when the hub opens a room it asks the
// FeatureRegistry for each, and the RoomHost keeps them and tells them, on the room's strand,
// who entered and left, and hands them the requests addressed to them. The snapshot lists a
// room's features (name and ref), so a client knows what a room offers without parsing its id.
//
// docs/architecture.md has a worked example: the smallest feature, end to end.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/feature_request.hpp"
#include "app/identity.hpp"
#include "app/session_link.hpp"
#include "core/result.hpp"
#include "room/types.hpp"

namespace moim::room {
class Room;
}

namespace moim::app {

class Encoder;

// How the snapshot names a feature: `ref` is what the client needs to use it in this room (a
// study group's id), empty if nothing.
struct FeatureTag {
  std::string name;
  std::string ref;
};

// What a feature may do, from the room's strand (RoomHost implements it).
class FeatureRoom {
 public:
  virtual const std::string& id() const = 0;
  // The room's rules: who stands where, zones, looks. Only on the strand.
  virtual room::Room& room() = 0;
  virtual const Encoder& encoder() const = 0;
  virtual std::int64_t now_ms() const = 0;
  // Sends `bytes` to one person in the room (nothing if they are not here).
  virtual void send(room::UserId to, const SharedBytes& bytes) = 0;
  // Sends `bytes` to everyone in the room.
  virtual void send_all(const SharedBytes& bytes) = 0;
  // Sends voice `bytes` to each of `to` through their voice queue (SessionLink::deliver_voice):
  // late voice is dropped there, never queued ahead of movement or chat.
  virtual void send_voice(std::span<const room::UserId> to, const SharedBytes& bytes) = 0;
  // Asks for a flush (RoomFeature::flush) as soon as the room's flush interval allows.
  virtual void request_flush() = 0;

 protected:
  ~FeatureRoom() = default;
};

class RoomFeature {
 public:
  virtual ~RoomFeature() = default;
  virtual FeatureTag tag() const = 0;
  // The person was admitted (or left) the room: after the room's own rules ran.
  virtual void entered(FeatureRoom& /*room*/, const Identity& /*who*/) {}
  virtual void left(FeatureRoom& /*room*/, room::UserId /*who*/) {}
  // A request for this feature from someone in the room. False if it is not this feature's
  // (the host then tries the next feature, and answers an error if none takes it).
  virtual bool handle(FeatureRoom& /*room*/, const Identity& /*who*/, std::uint32_t /*request_id*/,
                      const FeatureRequest& /*request*/) {
    return false;
  }
  // The room flushes (after its own frames) because a feature asked for it with
  // FeatureRoom::request_flush: send what was batched since the last flush.
  virtual void flush(FeatureRoom& /*room*/) {}
};

// The features the server knows, by the name maps use. A factory may decline a room (null):
// the study-group feature only applies to rooms that belong to a group.
class FeatureRegistry {
 public:
  using Factory = std::function<std::unique_ptr<RoomFeature>(const std::string& room_id)>;

  void add(std::string name, Factory factory) { factories_[std::move(name)] = std::move(factory); }
  // A feature every room has, whatever its map lists (voice: people talk everywhere, as they
  // chat everywhere).
  void add_everywhere(std::string name, Factory factory) {
    everywhere_.push_back(name);
    add(std::move(name), std::move(factory));
  }
  // The features for room `room_id` whose map lists `names`; unknown names are skipped (a map
  // made for a newer server still opens).
  std::vector<std::unique_ptr<RoomFeature>> make(const std::string& room_id,
                                                 const std::vector<std::string>& names) const {
    std::vector<std::unique_ptr<RoomFeature>> out;
    for (const auto& name : names) {
      auto it = factories_.find(name);
      if (it == factories_.end()) continue;
      if (auto feature = it->second(room_id)) out.push_back(std::move(feature));
    }
    for (const auto& name : everywhere_) {
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;  // listed too
      if (auto feature = factories_.at(name)(room_id)) out.push_back(std::move(feature));
    }
    return out;
  }

 private:
  std::map<std::string, Factory, std::less<>> factories_;
  std::vector<std::string> everywhere_;
};

}  // namespace moim::app
