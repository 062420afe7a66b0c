#pragma once
// A ChatArchive in memory for room tests: it really keeps what it is given and answers from it,
// as the SQLite store does (ids from 1 in append order, newest `limit` oldest first). It counts
// its reads, so a test can tell whether a room went back to the archive, and can be switched to
// failing, as a store whose disk is gone.
#include <algorithm>
#include <string_view>
#include <vector>

#include "room/chat_archive.hpp"

namespace moim::room::testing {

class MemoryChatArchive final : public ChatArchive {
 public:
  Result<ChatRecord> append_chat(ChatRecord record) override {
    if (failing) return Error{Errc::internal, "archive unavailable"};
    record.id = static_cast<std::int64_t>(records_.size()) + 1;
    records_.push_back(record);
    return record;
  }

  Result<std::vector<ChatRecord>> recent_chat(std::string_view room, std::size_t limit) override {
    ++reads;
    if (failing) return Error{Errc::internal, "archive unavailable"};
    std::vector<ChatRecord> out;
    for (auto it = records_.rbegin(); it != records_.rend() && out.size() < limit; ++it) {
      if (it->room == room) out.push_back(*it);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  int reads = 0;
  bool failing = false;

 private:
  std::vector<ChatRecord> records_;
};

}  // namespace moim::room::testing
