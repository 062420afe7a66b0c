#include "app/directory.hpp"

#include "store/secret_hash.hpp"

#include <algorithm>

namespace moim::app {

std::optional<PresenceEntry> Directory::sign_in(const Identity& who,
                                                std::shared_ptr<net::SessionLink> link) {
  std::lock_guard lock(mutex_);
  auto& entry = entries_[who.id];
  std::optional<PresenceEntry> previous;
  if (entry.link) previous = std::move(entry);
  entry = PresenceEntry{who, room::Presence::available, {}, std::move(link)};
  return previous;
}

void Directory::sign_out(store::UserId id, const net::SessionLink* link) {
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

std::vector<std::shared_ptr<net::SessionLink>> Directory::links() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<net::SessionLink>> out;
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
  parked_[store::sha256_hex(token)] = std::move(parked);
}

std::optional<Parked> ResumeRegistry::take(const std::string& token, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  // Keyed by the token's hash: looking up a guess compares hashes, never the token itself.
  auto it = parked_.find(store::sha256_hex(token));
  if (it == parked_.end()) return std::nullopt;
  Parked parked = std::move(it->second);
  parked_.erase(it);
  if (parked.expires_at_ms <= now_ms) return std::nullopt;
  return parked;
}

void ResumeRegistry::drop_expired(std::int64_t now_ms) {
  std::erase_if(parked_, [now_ms](const auto& kv) { return kv.second.expires_at_ms <= now_ms; });
}

}  // namespace moim::app
