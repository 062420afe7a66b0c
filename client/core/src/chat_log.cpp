#include "moim/client/core/chat_log.hpp"

#include <utility>

namespace moim::client {

ChatTab tab_for(v1::ChatScope scope) {
  switch (scope) {
    case v1::CHAT_SCOPE_ROOM:
      return ChatTab::room;
    case v1::CHAT_SCOPE_DIRECT:
      return ChatTab::direct;
    default:
      return ChatTab::nearby;
  }
}

const char* tab_label(ChatTab tab) {
  switch (tab) {
    case ChatTab::nearby:
      return "Nearby";
    case ChatTab::room:
      return "Room";
    case ChatTab::direct:
      return "Direct";
  }
  return "";
}

namespace {

ChatLine to_line(const v1::ChatMessage& m) {
  return {m.id(), m.scope(), m.from_user(), m.from_name(), m.text(), m.sent_at_ms(), m.to_user()};
}

}  // namespace

void ChatLog::push(ChatTab tab, ChatLine line) {
  auto& lines = tabs_[index(tab)].lines;
  lines.push_back(std::move(line));
  while (lines.size() > kMaxLinesPerTab) lines.pop_front();
}

void ChatLog::add(const v1::ChatMessage& message, std::uint64_t self_id, double now) {
  const ChatTab tab = tab_for(message.scope());
  const bool mine = message.from_user() == self_id;
  if (tab == ChatTab::direct) {
    if (mine) {
      direct_partner_ = message.to_user();
    } else {
      direct_partner_ = message.from_user();
      direct_partner_name_ = message.from_name();
    }
  }
  if (tab == ChatTab::nearby) {
    bubbles_[message.from_user()] = Bubble{message.text(), now + kBubbleSeconds};
  }
  push(tab, to_line(message));
  if (!mine && tab != selected_) ++tabs_[index(tab)].unread;
}

void ChatLog::add_history(const google::protobuf::RepeatedPtrField<v1::ChatMessage>& history) {
  for (const auto& m : history) push(tab_for(m.scope()), to_line(m));
}

void ChatLog::clear() {
  for (auto& tab : tabs_) tab = {};
  bubbles_.clear();
}

void ChatLog::select(ChatTab tab) {
  selected_ = tab;
  tabs_[index(tab)].unread = 0;
}

void ChatLog::set_direct_partner(std::uint64_t user_id, std::string name) {
  direct_partner_ = user_id;
  direct_partner_name_ = std::move(name);
}

const Bubble* ChatLog::bubble_for(std::uint64_t user_id, double now) const {
  auto it = bubbles_.find(user_id);
  if (it == bubbles_.end() || it->second.expires_at <= now) return nullptr;
  return &it->second;
}

}  // namespace moim::client
