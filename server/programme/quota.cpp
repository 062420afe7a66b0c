#include "programme/quota.hpp"

#include <algorithm>
#include <string>

namespace moim::programme {

Status check_quota(const Quota& quota, int mine, int all, std::string_view what) {
  if (quota.per_person > 0 && mine >= quota.per_person) {
    return Error{Errc::limit_reached, "you already have " + std::to_string(mine) + " " +
                                          std::string(what) + ", the most one person may have"};
  }
  if (quota.total > 0 && all >= quota.total) {
    return Error{Errc::limit_reached, "there are already " + std::to_string(all) + " " +
                                          std::string(what) + ", the most this server holds"};
  }
  return ok();
}

std::size_t page_limit(std::size_t requested) {
  return requested == 0 ? kDefaultPageItems : std::min(requested, kMaxPageItems);
}

}  // namespace moim::programme
