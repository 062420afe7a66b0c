#include "room/chat_ring.hpp"

#include <utility>

namespace moim::room {

ChatRing::ChatRing(ChatArchive& archive, std::string room, std::size_t capacity)
    : archive_(archive), room_(std::move(room)), capacity_(capacity) {
  load();
}

bool ChatRing::load() {
  auto recent = archive_.recent_chat(room_, capacity_);
  if (!recent) return false;
  records_.assign(std::make_move_iterator(recent->begin()), std::make_move_iterator(recent->end()));
  loaded_ = true;
  return true;
}

Result<ChatRecord> ChatRing::append(ChatRecord record) {
  auto stored = archive_.append_chat(std::move(record));
  if (!stored) return stored;
  // A ring that never loaded reads the archive now, which already holds this record.
  if (!loaded_ && load()) return stored;
  if (capacity_ == 0) return stored;
  if (records_.size() == capacity_) records_.pop_front();
  records_.push_back(*stored);
  return stored;
}

}  // namespace moim::room
