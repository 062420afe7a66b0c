#pragma once
// A token bucket for rate limits: `burst` actions at once, refilled at `per_second`.
// Time comes from the caller so tests drive it without sleeping.
#include <algorithm>
#include <cstdint>

namespace moim::room {

struct RateLimit {
  double per_second = 10.0;
  double burst = 5.0;
};

class TokenBucket {
 public:
  TokenBucket() = default;
  explicit TokenBucket(RateLimit limit) : limit_(limit), tokens_(limit.burst) {}

  // Takes one token if available at `now_ms`.
  bool try_take(std::int64_t now_ms) {
    refill(now_ms);
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

 private:
  void refill(std::int64_t now_ms) {
    if (last_ms_ != 0 && now_ms > last_ms_) {
      const double elapsed_s = static_cast<double>(now_ms - last_ms_) / 1000.0;
      tokens_ = std::min(limit_.burst, tokens_ + elapsed_s * limit_.per_second);
    }
    if (now_ms > last_ms_) last_ms_ = now_ms;
  }

  RateLimit limit_;
  double tokens_ = 0.0;
  std::int64_t last_ms_ = 0;
};

}  // namespace moim::room
