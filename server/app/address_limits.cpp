#include "app/address_limits.hpp"

#include <algorithm>
#include <cmath>

namespace moim::app {

namespace {

std::int64_t refill_ms(const room::RateLimit& limit) {
  if (limit.per_second <= 0.0) return 3'600'000;
  return static_cast<std::int64_t>(std::ceil(limit.burst / limit.per_second * 1000.0));
}

}  // namespace

AddressLimits::AddressLimits(AddressLimitConfig config)
    : config_(std::move(config)),
      idle_ms_(
          std::max({refill_ms(config_.join), refill_ms(config_.chat), refill_ms(config_.action),
                    refill_ms(config_.voice), std::int64_t{1000}})) {}

AddressLimits::Entry AddressLimits::fresh() const {
  return {room::TokenBucket(config_.join), room::TokenBucket(config_.chat),
          room::TokenBucket(config_.action), room::TokenBucket(config_.voice), 0};
}

bool AddressLimits::try_take(std::string_view address, Budget kind, std::int64_t now_ms) {
  if (std::find(config_.exempt.begin(), config_.exempt.end(), address) != config_.exempt.end()) {
    return true;
  }
  std::lock_guard lock(mutex_);
  // A full table is swept at most once a second, so a flood of addresses costs no more.
  const auto sweep_every = entries_.size() >= config_.max_addresses ? std::int64_t{1000} : idle_ms_;
  if (now_ms - last_sweep_ms_ >= sweep_every) forget_idle(now_ms);
  auto it = entries_.find(std::string(address));
  if (it == entries_.end()) {
    if (entries_.size() >= config_.max_addresses) return false;  // flooded with addresses
    it = entries_.emplace(std::string(address), fresh()).first;
  }
  Entry& entry = it->second;
  entry.last_ms = now_ms;
  switch (kind) {
    case Budget::join:
      return entry.join.try_take(now_ms);
    case Budget::chat:
      return entry.chat.try_take(now_ms);
    case Budget::action:
      return entry.action.try_take(now_ms);
    case Budget::voice:
      return entry.voice.try_take(now_ms);
  }
  return false;
}

std::size_t AddressLimits::tracked() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void AddressLimits::forget_idle(std::int64_t now_ms) {
  last_sweep_ms_ = now_ms;
  std::erase_if(entries_,
                [&](const auto& item) { return now_ms - item.second.last_ms >= idle_ms_; });
}

}  // namespace moim::app
