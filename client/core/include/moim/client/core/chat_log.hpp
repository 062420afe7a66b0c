#pragma once
// Chat as the panel shows it: three tabs (nearby, room, direct) with unread counts, and the
// bubbles drawn over the heads of people who just spoke nearby.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

#include "moim/v1/moim.pb.h"

namespace moim::client {

enum class ChatTab { nearby = 0, room = 1, direct = 2 };
inline constexpr int kChatTabCount = 3;

// Lines kept per tab; older ones scroll away for good.
inline constexpr std::size_t kMaxLinesPerTab = 200;
inline constexpr double kBubbleSeconds = 6.0;

struct ChatLine {
  std::uint64_t id = 0;
  v1::ChatScope scope = v1::CHAT_SCOPE_NEARBY;
  std::uint64_t from_user = 0;
  std::string from_name;
  std::string text;
  std::int64_t sent_at_ms = 0;
  std::uint64_t to_user = 0;
};

struct Bubble {
  std::string text;
  double expires_at = 0;  // seconds on the caller's clock
};

// Nearby, private-area and stage messages all belong to the nearby tab: they are what the people
// around you (or on stage) say.
ChatTab tab_for(v1::ChatScope scope);
const char* tab_label(ChatTab tab);

class ChatLog {
 public:
  // A delivered message. Counts as unread unless its tab is the selected one or we sent it.
  void add(const v1::ChatMessage& message, std::uint64_t self_id, double now);
  // Room history from a snapshot: shown, never unread, no bubbles.
  void add_history(const google::protobuf::RepeatedPtrField<v1::ChatMessage>& history);
  void clear();

  const std::deque<ChatLine>& lines(ChatTab tab) const { return tabs_[index(tab)].lines; }
  int unread(ChatTab tab) const { return tabs_[index(tab)].unread; }
  void select(ChatTab tab);
  ChatTab selected() const { return selected_; }

  // Whom the direct tab writes to: the last person we exchanged a direct message with, or the
  // one picked in the online list.
  std::uint64_t direct_partner() const { return direct_partner_; }
  const std::string& direct_partner_name() const { return direct_partner_name_; }
  void set_direct_partner(std::uint64_t user_id, std::string name);

  // The bubble over `user_id`, or nullptr if none is showing at `now`.
  const Bubble* bubble_for(std::uint64_t user_id, double now) const;

 private:
  struct Tab {
    std::deque<ChatLine> lines;
    int unread = 0;
  };
  static std::size_t index(ChatTab tab) { return static_cast<std::size_t>(tab); }
  void push(ChatTab tab, ChatLine line);

  Tab tabs_[kChatTabCount];
  ChatTab selected_ = ChatTab::nearby;
  std::uint64_t direct_partner_ = 0;
  std::string direct_partner_name_;
  std::unordered_map<std::uint64_t, Bubble> bubbles_;
};

}  // namespace moim::client
