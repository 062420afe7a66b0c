#pragma once
// Ids that several parts of the server share. A person's id is the store's row id, but the rules
// (rooms, the programme, graduation) only pass it around, so it lives here and not in the store.
#include <cstdint>

namespace moim {

using UserId = std::uint64_t;

}  // namespace moim
