#pragma once
// Prepares the dispatch fuzzer's world in a fresh store: the cast, the study group, the hall's
// sessions, a question, the graduation roster with known codes and an open raffle (the ids and
// names are in dispatch_world.hpp). Aborts if anything does not come out as declared there, so
// seeds never silently aim at ids that do not exist.
#include <chrono>

#include "app/config.hpp"
#include "store_snapshot.hpp"

namespace moim::fuzz {

// The configuration every fuzz world runs with.
ServerConfig fuzz_config();

void prepare_world(StoreSnapshot& db, std::chrono::milliseconds now);

}  // namespace moim::fuzz
