#pragma once
// Limits on what attendees create (study groups, questions): one person may hold only so many,
// and everyone together only so many more, so one person cannot fill the store or make the
// lists everybody reads unusable. The counts are taken inside the store's transaction that
// inserts, so two requests at once cannot both take the last place.
#include <cstddef>
#include <string_view>

#include "core/result.hpp"

namespace moim::programme {

struct Quota {
  int per_person = 0;  // 0: no limit
  int total = 0;       // 0: no limit
};

// Whether one more is allowed when the person already has `mine` and everyone `all`.
// `what` names the things in the message ("study groups", "questions for this session").
Status check_quota(const Quota& quota, int mine, int all, std::string_view what);

// Pages of the lists clients ask for (study groups, talks, questions).
inline constexpr std::size_t kDefaultPageItems = 20;
inline constexpr std::size_t kMaxPageItems = 50;
// An answer stops adding items past this many bytes of text (it always holds at least one), so
// no page of long descriptions or notes is much larger than this.
inline constexpr std::size_t kMaxPageBytes = 64 * 1024;

// A requested page size: 0 is the default, anything above the maximum is the maximum.
std::size_t page_limit(std::size_t requested);

}  // namespace moim::programme
