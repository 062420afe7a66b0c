#include "app/directory.hpp"

#include "store/secret_hash.hpp"

#include <algorithm>

namespace moim::app {

std::optional<PresenceEntry> Directory::sign_in(const Identity& who,
                                                std::shared_ptr<SessionLink> link) {
  std::lock_guard lock(mutex_);
  auto& entry = entries_[who.id];
  std::optional<PresenceEntry> previous;
  if (entry.link) previous = std::move(entry);
  entry = PresenceEntry{who, room::Presence::available, {}, std::move(link)};
  return previous;
}

void Directory::sign_out(store::UserId id, const SessionLink* link) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it != entries_.end() && it->second.link.get() == link) entries_.erase(it);
}

void Directory::set_room(store::UserId id, std::string room) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) it->second.room = std::move(room);
}

void Directory::set_presence(store::UserId id, room::Presence presence) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) it->second.presence = presence;
}

std::optional<PresenceEntry> Directory::find(store::UserId id) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::vector<PresenceEntry> Directory::list(std::size_t limit) const {
  std::lock_guard lock(mutex_);
  std::vector<PresenceEntry> out;
  out.reserve(std::min(limit, entries_.size()));
  for (const auto& [id, entry] : entries_) {
    if (out.size() >= limit) break;
    out.push_back(entry);
  }
  return out;
}

std::vector<std::shared_ptr<SessionLink>> Directory::links() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<SessionLink>> out;
  for (const auto& [id, entry] : entries_) out.push_back(entry.link);
  return out;
}

std::size_t Directory::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void ResumeRegistry::park(const std::string& token, Parked parked, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  drop_expired(now_ms);  // keeps the registry bounded by who left within the grace period
  const auto id = parked.who.id;
  if (auto earlier = by_person_.find(id); earlier != by_person_.end()) erase(earlier->second);
  auto hash = store::sha256_hex(token);
  by_person_[id] = hash;
  parked_[std::move(hash)] = std::move(parked);
}

std::optional<Parked> ResumeRegistry::take(const std::string& token, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  // Keyed by the token's hash: looking up a guess compares hashes, never the token itself.
  const auto hash = store::sha256_hex(token);
  auto it = parked_.find(hash);
  if (it == parked_.end()) return std::nullopt;
  Parked parked = std::move(it->second);
  erase(hash);
  if (parked.expires_at_ms <= now_ms) return std::nullopt;
  return parked;
}

std::optional<Parked> ResumeRegistry::take_person(store::UserId id) {
  std::lock_guard lock(mutex_);
  auto mine = by_person_.find(id);
  if (mine == by_person_.end()) return std::nullopt;
  const std::string hash = std::move(mine->second);
  by_person_.erase(mine);
  auto it = parked_.find(hash);
  if (it == parked_.end()) return std::nullopt;
  Parked parked = std::move(it->second);
  parked_.erase(it);
  return parked;
}

void ResumeRegistry::erase(const std::string& token_hash) {
  auto it = parked_.find(token_hash);
  if (it == parked_.end()) return;
  if (auto mine = by_person_.find(it->second.who.id);
      mine != by_person_.end() && mine->second == token_hash) {
    by_person_.erase(mine);
  }
  parked_.erase(it);
}

void ResumeRegistry::drop_expired(std::int64_t now_ms) {
  std::erase_if(by_person_, [&](const auto& kv) {
    auto it = parked_.find(kv.second);
    return it == parked_.end() || it->second.expires_at_ms <= now_ms;
  });
  std::erase_if(parked_, [now_ms](const auto& kv) { return kv.second.expires_at_ms <= now_ms; });
}

}  // namespace moim::app
