#pragma once
// A FIFO that holds no memory while it has never been used and little once drained.
// std::deque allocates a map and a 512-byte node when it is constructed and keeps them; one per
// connection, that was more than half a KiB for each of tens of thousands of idle connections.
// Here the items live in a vector read from `head_`; the consumed prefix is dropped whenever
// the queue drains, or once it is at least half of the vector, so a queue that never quite
// drains does not grow either.
#include <cstddef>
#include <utility>
#include <vector>

namespace moim::net {

template <typename T>
class CompactFifo {
 public:
  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }
  T& front() { return items_[head_]; }
  void push_back(T item) { items_.push_back(std::move(item)); }
  void pop_front() {
    items_[head_++] = T{};  // let go of the item now, not when the prefix is dropped
    if (head_ == items_.size()) {
      items_.clear();
      head_ = 0;
      if (items_.capacity() > kKeepCapacity) items_.shrink_to_fit();
    } else if (head_ >= kKeepCapacity && 2 * head_ >= items_.size()) {
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }
  void clear() {
    items_.clear();
    items_.shrink_to_fit();
    head_ = 0;
  }

 private:
  static constexpr std::size_t kKeepCapacity = 16;
  std::vector<T> items_;
  std::size_t head_ = 0;
};

}  // namespace moim::net
