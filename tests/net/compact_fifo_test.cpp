#include "net/compact_fifo.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <random>

namespace moim::net {
namespace {

TEST(CompactFifo, FirstInFirstOut) {
  CompactFifo<int> q;
  EXPECT_TRUE(q.empty());
  for (int i = 0; i < 5; ++i) q.push_back(i);
  EXPECT_EQ(q.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(q.front(), i);
    q.pop_front();
  }
  EXPECT_TRUE(q.empty());
}

TEST(CompactFifo, BehavesLikeADequeUnderAnyMixOfPushesAndPops) {
  CompactFifo<int> q;
  std::deque<int> reference;
  std::mt19937 rng(7);
  int next = 0;
  for (int step = 0; step < 20000; ++step) {
    // Bias towards pushing for a while, then towards popping, so the queue both grows into
    // the hundreds and drains; a queue that never drains exercises the prefix compaction.
    const bool grow = (step / 2000) % 2 == 0;
    if (reference.empty() || rng() % 10 < (grow ? 6u : 4u)) {
      q.push_back(next);
      reference.push_back(next++);
    } else {
      ASSERT_EQ(q.front(), reference.front());
      q.pop_front();
      reference.pop_front();
    }
    ASSERT_EQ(q.size(), reference.size());
    ASSERT_EQ(q.empty(), reference.empty());
  }
}

TEST(CompactFifo, APoppedItemIsReleasedAtOnce) {
  CompactFifo<std::shared_ptr<int>> q;
  auto first = std::make_shared<int>(1);
  q.push_back(first);
  q.push_back(std::make_shared<int>(2));
  q.pop_front();
  EXPECT_EQ(first.use_count(), 1);  // only ours: the queue no longer holds it
  EXPECT_EQ(*q.front(), 2);
  q.clear();
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace moim::net
