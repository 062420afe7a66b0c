#pragma once
// A lock-free ring for one producer thread and one consumer thread: the SDL audio callback on
// one side and the voice thread on the other. Neither side ever waits: a full ring drops what
// does not fit (the caller counts it), an empty one hands out what it has. Capacity is rounded
// up to a power of two so positions wrap with a mask.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <vector>

namespace moim::client::voice {

template <typename T>
class SpscRing {
 public:
  explicit SpscRing(std::size_t min_capacity) : buffer_(round_up(min_capacity)) {
    mask_ = buffer_.size() - 1;
  }
  SpscRing(const SpscRing&) = delete;
  SpscRing& operator=(const SpscRing&) = delete;

  std::size_t capacity() const { return buffer_.size(); }
  // A snapshot; exact for the calling side's own view.
  std::size_t size() const {
    return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_acquire);
  }

  // Producer only. Returns how many of `count` were written (the rest did not fit).
  std::size_t push(const T* items, std::size_t count) {
    const std::size_t head = head_.load(std::memory_order_relaxed);
    const std::size_t tail = tail_.load(std::memory_order_acquire);
    const std::size_t n = std::min(count, buffer_.size() - (head - tail));
    for (std::size_t i = 0; i < n; ++i) buffer_[(head + i) & mask_] = items[i];
    head_.store(head + n, std::memory_order_release);
    return n;
  }

  // Consumer only. Returns how many were read into `out` (at most `count`).
  std::size_t pop(T* out, std::size_t count) {
    const std::size_t tail = tail_.load(std::memory_order_relaxed);
    const std::size_t head = head_.load(std::memory_order_acquire);
    const std::size_t n = std::min(count, head - tail);
    for (std::size_t i = 0; i < n; ++i) out[i] = buffer_[(tail + i) & mask_];
    tail_.store(tail + n, std::memory_order_release);
    return n;
  }

  // Consumer only: forget everything queued (a capture device that was paused kept recording).
  void clear() { tail_.store(head_.load(std::memory_order_acquire), std::memory_order_release); }

 private:
  static std::size_t round_up(std::size_t n) {
    std::size_t c = 1;
    while (c < n) c <<= 1;
    return c;
  }

  std::vector<T> buffer_;
  std::size_t mask_ = 0;
  // Ever-growing positions; the difference is the fill. Apart so the two sides do not share a
  // cache line.
  alignas(64) std::atomic<std::size_t> head_{0};
  alignas(64) std::atomic<std::size_t> tail_{0};
};

}  // namespace moim::client::voice
