// Writes the seed corpora (fuzz/seeds.hpp) into two directories, one file per seed.
//   make_seeds <envelope corpus dir> <dispatch corpus dir>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "seeds.hpp"

namespace {

void write_all(const std::filesystem::path& dir, const std::vector<moim::fuzz::Seed>& seeds) {
  std::filesystem::create_directories(dir);
  for (const auto& seed : seeds) std::ofstream(dir / seed.name, std::ios::binary) << seed.bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds <envelope corpus dir> <dispatch corpus dir>\n";
    return 2;
  }
  write_all(argv[1], moim::fuzz::envelope_seeds());
  write_all(argv[2], moim::fuzz::dispatch_seeds());
  return 0;
}
