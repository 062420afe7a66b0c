#pragma once
// The four scenarios, each a sequence of the same steps: start or attach to the server, join the
// bots (at a bounded concurrency), let them walk, open a measured window, close everyone.
#include "options.hpp"
#include "report.hpp"

namespace moim::loadgen {

// Runs one scenario to the end; throws std::runtime_error when the server cannot be reached.
Result run_scenario(const Options& options);

}  // namespace moim::loadgen
