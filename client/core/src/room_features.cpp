#include "moim/client/core/room_features.hpp"

#include <algorithm>
#include <charconv>

namespace moim::client {

const RoomFeatures::Entry* RoomFeatures::find(std::string_view name) const {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

std::string_view RoomFeatures::ref(std::string_view name) const {
  const Entry* e = find(name);
  return e == nullptr ? std::string_view() : std::string_view(e->ref);
}

std::optional<std::int64_t> RoomFeatures::id(std::string_view name) const {
  const std::string_view text = ref(name);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0) return std::nullopt;
  return value;
}

RoomFeatures room_features(const v1::RoomSnapshot& snapshot) {
  std::vector<RoomFeatures::Entry> entries;
  entries.reserve(static_cast<std::size_t>(snapshot.features_size()));
  for (const auto& f : snapshot.features()) entries.push_back({f.name(), f.ref()});
  return RoomFeatures(std::move(entries));
}

}  // namespace moim::client
