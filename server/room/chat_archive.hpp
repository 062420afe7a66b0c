#pragma once
// The port through which a room keeps its chat history: the room declares what it needs and the
// store implements it (store::Store is a ChatArchive), so room logic includes nothing of the
// store and its tests need no database. A room reads the archive once, when it is built, and
// then writes through it (chat_ring.hpp); admitting someone never waits on it.
//
// Implementations are thread-safe: rooms on different strands call one archive concurrently.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace moim::room {

struct ChatRecord {
  std::int64_t id = 0;  // assigned by the archive
  std::string room;
  UserId user_id = 0;
  std::string display_name;
  std::string text;
  std::int64_t sent_at_ms = 0;  // UTC
};

class ChatArchive {
 public:
  virtual ~ChatArchive() = default;

  // Keeps `record` for good (written before it returns) and answers it with its id assigned.
  virtual Result<ChatRecord> append_chat(ChatRecord record) = 0;
  // The newest `limit` records of `room`, oldest first.
  virtual Result<std::vector<ChatRecord>> recent_chat(std::string_view room, std::size_t limit) = 0;
};

}  // namespace moim::room
