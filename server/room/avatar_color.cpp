#include <array>

#include "room/room.hpp"

namespace moim::room {

// A stable, pleasant colour per person: a fixed palette picked by a mixed hash of the id, so
// neighbouring ids do not get neighbouring colours.
std::uint32_t avatar_color(UserId id) {
  static constexpr std::array<std::uint32_t, 16> kPalette = {
      0xE57373, 0xF06292, 0xBA68C8, 0x9575CD, 0x7986CB, 0x64B5F6, 0x4FC3F7, 0x4DD0E1,
      0x4DB6AC, 0x81C784, 0xAED581, 0xDCE775, 0xFFD54F, 0xFFB74D, 0xFF8A65, 0xA1887F};
  std::uint64_t x = id * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  return kPalette[x % kPalette.size()];
}

}  // namespace moim::room
