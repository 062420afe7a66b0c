#pragma once
// Who is online, in which room, through which connection. Shared by every strand, so each call
// takes the directory's own short lock; it holds no room state, only where to find people.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/identity.hpp"
#include "app/session_link.hpp"
#include "room/types.hpp"

namespace moim::app {

struct PresenceEntry {
  Identity who;
  room::Presence presence = room::Presence::available;
  std::string room;  // empty while between rooms
  std::shared_ptr<SessionLink> link;
};

class Directory {
 public:
  // Signs a connection in. Returns the entry of the same person's earlier connection, if there
  // was one: the caller closes it as replaced and takes it out of its room.
  std::optional<PresenceEntry> sign_in(const Identity& who, std::shared_ptr<SessionLink> link);
  // Signs out, but only if `link` is still the person's current connection.
  void sign_out(store::UserId id, const SessionLink* link);
  void set_room(store::UserId id, std::string room);
  void set_presence(store::UserId id, room::Presence presence);
  std::optional<PresenceEntry> find(store::UserId id) const;
  std::vector<PresenceEntry> list(std::size_t limit) const;
  std::vector<std::shared_ptr<SessionLink>> links() const;
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<store::UserId, PresenceEntry> entries_;
};

// Where people who lost their connection stood, kept for the grace period under their resume
// token (their avatar meanwhile stays in that room, shown as reconnecting). take() hands the
// place back once; take_person() finds it by who it is, for a fresh join or a ban, whose room
// must then drop the held avatar. At most one entry per person.
struct Parked {
  Identity who;
  std::string room;
  room::AvatarView avatar;
  std::int64_t expires_at_ms = 0;
};

class ResumeRegistry {
 public:
  void park(const std::string& token, Parked parked, std::int64_t now_ms);
  std::optional<Parked> take(const std::string& token, std::int64_t now_ms);
  // Even if expired: the avatar may not have been removed yet.
  std::optional<Parked> take_person(store::UserId id);

 private:
  void drop_expired(std::int64_t now_ms);
  void erase(const std::string& token_hash);
  std::mutex mutex_;
  std::unordered_map<std::string, Parked> parked_;            // by the token's hash
  std::unordered_map<store::UserId, std::string> by_person_;  // the person's token hash
};

}  // namespace moim::app
