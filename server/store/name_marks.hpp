#pragma once
// Distinguishing marks for display names on a shared invite code: when two people (two devices)
// ask for the same name, the later one is shown as "김민지 (2)". Plain functions on UTF-8 text,
// so they are tested without a database.
#include <cstddef>
#include <string>
#include <string_view>

namespace moim::store {

// How far "name (n)" counts before a join is refused with "pick another name".
inline constexpr int kMaxNameMarks = 999;

// `name` with the mark " (n)", its start cut (at a code point boundary) so that the whole stays
// within `max_chars` code points. Precondition: `name` is valid UTF-8, n >= 2.
inline std::string marked_name(std::string_view name, int n, std::size_t max_chars) {
  const std::string mark = " (" + std::to_string(n) + ")";
  const std::size_t keep = max_chars > mark.size() ? max_chars - mark.size() : 0;
  std::size_t chars = 0;
  std::size_t end = 0;
  for (; end < name.size(); ++end) {
    const bool lead = (static_cast<unsigned char>(name[end]) & 0xC0) != 0x80;
    if (lead && chars++ == keep) break;
  }
  return std::string(name.substr(0, end)) + mark;
}

// Whether `current` is `wanted` with some mark, as marked_name makes it.
inline bool is_marked_form(std::string_view current, std::string_view wanted,
                           std::size_t max_chars) {
  const auto open = current.rfind(" (");
  if (open == std::string_view::npos || !current.ends_with(')')) return false;
  const std::string_view digits = current.substr(open + 2, current.size() - open - 3);
  if (digits.empty() || digits.size() > 3 || digits.front() == '0') return false;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 2 && marked_name(wanted, n, max_chars) == current;
}

}  // namespace moim::store
