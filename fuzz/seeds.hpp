#pragma once
// The seed corpora, as data: one valid message of each kind a client sends (envelope target)
// and conversations of them from up to four connections in the prepared world (dispatch target;
// see dispatch_world.hpp for the cast and the ids they aim at). make_seeds writes them out, and
// seed_coverage_test checks that every request a client may send is among them.
#include <string>
#include <vector>

namespace moim::fuzz {

struct Seed {
  std::string name;
  std::string bytes;
};

std::vector<Seed> envelope_seeds();
std::vector<Seed> dispatch_seeds();

}  // namespace moim::fuzz
