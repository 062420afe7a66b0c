#pragma once
// Rate limits per remote address, across all of its connections: joins, chats and other
// actions each have a token bucket per address. Connections check these as well as their own
// (per-connection) budgets, so one machine cannot get around a limit by opening more
// connections.
//
// Exempt addresses (by default loopback: a reverse proxy that terminates TLS, or the admin's
// own tools) are not limited per address; their connections still are.
//
// Thread-safe (sessions on every strand call it). Memory is bounded: addresses idle long enough
// for their buckets to be full again are forgotten, and the table never holds more than
// `max_addresses` entries.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "room/token_bucket.hpp"

namespace moim::app {

enum class Budget : std::uint8_t { join, chat, action, voice };

struct AddressLimitConfig {
  room::RateLimit join{20.0, 100.0};
  room::RateLimit chat{50.0, 200.0};
  room::RateLimit action{100.0, 300.0};
  room::RateLimit voice{500.0, 1000.0};  // ten speakers' frames from one address
  std::vector<std::string> exempt{"127.0.0.1", "::1"};
  std::size_t max_addresses = 100000;
};

class AddressLimits {
 public:
  explicit AddressLimits(AddressLimitConfig config);

  // Takes one token of `kind` for `address` at `now_ms`; false if the address is over its limit.
  bool try_take(std::string_view address, Budget kind, std::int64_t now_ms);
  std::size_t tracked() const;

 private:
  struct Entry {
    room::TokenBucket join, chat, action, voice;
    std::int64_t last_ms = 0;
  };
  Entry fresh() const;
  void forget_idle(std::int64_t now_ms);

  AddressLimitConfig config_;
  std::int64_t idle_ms_;  // after this long without a request every bucket is full again
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::int64_t last_sweep_ms_ = 0;
};

}  // namespace moim::app
