#pragma once
// A room's recent chat in memory: what a newcomer's snapshot shows. Loaded from the archive once,
// when the room is built, and written through on every message, so it always holds the newest
// `capacity` records the archive holds for the room, and reading it never touches the archive.
//
// If the first load fails (the store is unreachable), the ring starts empty and loads again on
// the next message that the archive accepts; until then newcomers see no history, as they would
// have if the store could not be read at their arrival.
#include <cstddef>
#include <deque>
#include <string>

#include "core/result.hpp"
#include "room/chat_archive.hpp"

namespace moim::room {

class ChatRing {
 public:
  ChatRing(ChatArchive& archive, std::string room, std::size_t capacity);

  // Archives `record` first; only a record the archive kept is kept here (with its id). On error
  // nothing changes.
  Result<ChatRecord> append(ChatRecord record);
  // Oldest first, at most `capacity`.
  const std::deque<ChatRecord>& recent() const { return records_; }

 private:
  bool load();

  ChatArchive& archive_;
  std::string room_;
  std::size_t capacity_;
  std::deque<ChatRecord> records_;
  bool loaded_ = false;
};

}  // namespace moim::room
