#include "room/chat_ring.hpp"

#include <gtest/gtest.h>

#include "memory_chat_archive.hpp"

namespace moim::room {
namespace {

using testing::MemoryChatArchive;

ChatRecord said(std::string room, std::string text) {
  return {0, std::move(room), 7, "Ana", std::move(text), 1000};
}

std::vector<std::string> texts(const std::deque<ChatRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.text);
  return out;
}

TEST(ChatRing, LoadsTheRoomsNewestOnceOldestFirst) {
  MemoryChatArchive archive;
  for (const char* text : {"a1", "a2", "a3", "a4"})
    ASSERT_TRUE(archive.append_chat(said("a", text)));
  ASSERT_TRUE(archive.append_chat(said("b", "elsewhere")));
  ChatRing ring(archive, "a", 3);
  EXPECT_EQ(texts(ring.recent()), (std::vector<std::string>{"a2", "a3", "a4"}));
  EXPECT_EQ(archive.reads, 1);
}

TEST(ChatRing, AppendWritesThroughAndKeepsOnlyTheNewest) {
  MemoryChatArchive archive;
  ChatRing ring(archive, "a", 2);
  for (const char* text : {"one", "two", "three"}) {
    auto stored = ring.append(said("a", text));
    ASSERT_TRUE(stored.has_value());
    EXPECT_GT(stored->id, 0);
    EXPECT_EQ(ring.recent().back().id, stored->id);
  }
  EXPECT_EQ(texts(ring.recent()), (std::vector<std::string>{"two", "three"}));
  auto archived = archive.recent_chat("a", 10);
  ASSERT_TRUE(archived.has_value());
  EXPECT_EQ(archived->size(), 3u);
  // Reading the ring never went back to the archive: only the load and this check read it.
  EXPECT_EQ(archive.reads, 2);
}

TEST(ChatRing, AMessageTheArchiveRefusedIsNotKept) {
  MemoryChatArchive archive;
  ChatRing ring(archive, "a", 5);
  ASSERT_TRUE(ring.append(said("a", "kept")));
  archive.failing = true;
  auto refused = ring.append(said("a", "lost"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, Errc::internal);
  EXPECT_EQ(texts(ring.recent()), (std::vector<std::string>{"kept"}));
}

TEST(ChatRing, AFailedLoadIsMadeUpForByTheNextMessage) {
  MemoryChatArchive archive;
  ASSERT_TRUE(archive.append_chat(said("a", "before")));
  archive.failing = true;
  ChatRing ring(archive, "a", 5);
  EXPECT_TRUE(ring.recent().empty());
  archive.failing = false;
  ASSERT_TRUE(ring.append(said("a", "after")));
  EXPECT_EQ(texts(ring.recent()), (std::vector<std::string>{"before", "after"}));
}

TEST(ChatRing, ZeroCapacityKeepsNothingButStillArchives) {
  MemoryChatArchive archive;
  ChatRing ring(archive, "a", 0);
  ASSERT_TRUE(ring.append(said("a", "hello")));
  EXPECT_TRUE(ring.recent().empty());
  EXPECT_EQ(archive.recent_chat("a", 10)->size(), 1u);
}

}  // namespace
}  // namespace moim::room
