// Proximity voice end to end with real clients and no sound card: three moim-client processes in
// headless mode on SDL's disk audio driver (SDL_DISKAUDIOFILEIN is the microphone, a raw file;
// SDL_DISKAUDIOFILE the loudspeaker). A stands 2 tiles to the right of B and speaks (clicks, then
// a phrase from espeak-ng) with push-to-talk held; C stands 10 tiles from A. B's loudspeaker must
// carry A's voice, louder on the right; C's must stay silent. B and C have no microphone file,
// so they also show that a client without a microphone still listens.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>

#include "moim/world/pathfind.hpp"
#include "test_server.hpp"
#include "voice_signals_e2e.hpp"

namespace moim::e2e {
namespace {

namespace vf = voice_files;

struct Row {
  world::TilePos b;  // listener
  world::TilePos a;  // speaker, 2 tiles right of B
  world::TilePos c;  // 10 tiles right of A
};

bool plain(const world::Map& map, world::TilePos p) {
  using K = world::ZoneKind;
  if (!map.walkable(p)) return false;
  for (const K k : {K::private_area, K::quiet, K::stage, K::portal}) {
    if (map.zone_at(p, k) != nullptr) return false;
  }
  return true;
}

// Three spots on one row of open floor, reachable from the spawn.
std::optional<Row> find_row(const world::Map& map) {
  const auto spawn = map.spawn_point();
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x + 12 < map.width(); ++x) {
      const Row row{{x, y}, {x + 2, y}, {x + 12, y}};
      if (!plain(map, row.a) || !plain(map, row.b) || !plain(map, row.c)) continue;
      if (world::find_path(map, spawn, row.a).empty() ||
          world::find_path(map, spawn, row.b).empty() ||
          world::find_path(map, spawn, row.c).empty()) {
        continue;
      }
      return row;
    }
  }
  return std::nullopt;
}

std::string client(std::uint16_t port, const std::string& name, world::TilePos at,
                   const std::string& script, const std::filesystem::path& in,
                   const std::filesystem::path& out) {
  return "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILEIN='" + in.string() + "' SDL_DISKAUDIOFILE='" +
         out.string() + "' MOIM_VOICE_CLOCK='" + out.string() + ".stats' " + MOIM_CLIENT_EXE +
         " --headless --server ws://127.0.0.1:" + std::to_string(port) + " --name " + name +
         " --room lobby --frames 5 --script goto:" + std::to_string(at.x) + "," +
         std::to_string(at.y) + " " + script + " > '" + out.string() + ".log' 2>&1";
}

// "sent N" or "received N" from a client's voice stats file (MOIM_VOICE_CLOCK).
long stat(const std::filesystem::path& out, const std::string& what) {
  std::ifstream in(out.string() + ".stats");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == what && in >> value) return value;
    in.ignore(1 << 10, '\n');
  }
  return -1;
}

struct Energy {
  double left = 0;
  double right = 0;
  int peak = 0;
};

Energy stereo_energy(const std::vector<std::int16_t>& pcm) {
  Energy e;
  for (std::size_t i = 0; i + 1 < pcm.size(); i += 2) {
    e.left += static_cast<double>(pcm[i]) * pcm[i];
    e.right += static_cast<double>(pcm[i + 1]) * pcm[i + 1];
    e.peak = std::max(
        {e.peak, std::abs(static_cast<int>(pcm[i])), std::abs(static_cast<int>(pcm[i + 1]))});
  }
  return e;
}

TEST(VoiceEndToEnd, TwoTilesAwayHearsOnTheRightTenTilesAwayHearsNothing) {
  TestServer server;
  const auto map = world::Map::load(std::filesystem::path(MOIM_SOURCE_MAPS_DIR) / "lobby.tmj");
  const auto row = find_row(map);
  ASSERT_TRUE(row) << "no open row of 13 tiles in the lobby";
  const auto dir = fresh_dir();

  // A's microphone: 5 s of silence (join, walk), three clicks half a second apart, the phrase.
  std::vector<std::int16_t> mic(static_cast<std::size_t>(5 * vf::kRate), 0);
  for (int k = 0; k < 3; ++k)
    vf::add_click(mic, mic.size() + static_cast<std::size_t>(k * vf::kRate / 2));
  mic.resize(mic.size() + vf::kRate / 2, 0);
  const auto phrase = vf::spoken(dir, "hello everyone, welcome to the study room");
  ASSERT_FALSE(phrase.empty()) << "espeak-ng and sox make the phrase";
  mic.insert(mic.end(), phrase.begin(), phrase.end());
  mic.resize(mic.size() + vf::kRate, 0);
  const double seconds = static_cast<double>(mic.size()) / vf::kRate;
  vf::write_raw(dir / "a-in.raw", mic);
  // Scripts start once in the room (a few seconds in), and a headless run ends after 20 s.
  const std::string talk_for = "wait:" + std::to_string(static_cast<int>(seconds) - 2);
  const std::string listen_for = "wait:" + std::to_string(static_cast<int>(seconds) - 1);

  const auto port = server.port();
  const auto none = dir / "no-microphone.raw";  // does not exist: B and C listen only
  auto a = std::async(std::launch::async, [&] {
    return std::system(
        client(port, "Alice", row->a, "talk:on " + talk_for, dir / "a-in.raw", dir / "a-out.raw")
            .c_str());
  });
  auto b = std::async(std::launch::async, [&] {
    return std::system(client(port, "Bob", row->b, listen_for, none, dir / "b-out.raw").c_str());
  });
  auto c = std::async(std::launch::async, [&] {
    return std::system(client(port, "Carol", row->c, listen_for, none, dir / "c-out.raw").c_str());
  });
  EXPECT_EQ(a.get(), 0) << "see " << dir / "a-out.raw.log";
  EXPECT_EQ(b.get(), 0) << "see " << dir / "b-out.raw.log";
  EXPECT_EQ(c.get(), 0) << "see " << dir / "c-out.raw.log";

  const auto heard = stereo_energy(vf::read_raw(dir / "b-out.raw"));
  const auto far = stereo_energy(vf::read_raw(dir / "c-out.raw"));
  const double b_seconds =
      static_cast<double>(vf::read_raw(dir / "b-out.raw").size()) / 2 / vf::kRate;
  EXPECT_GT(b_seconds, seconds - 3) << "B's loudspeaker ran for the whole talk";
  // At least a second of -30 dBFS speech on the right.
  EXPECT_GT(heard.right, 1.0 * vf::kRate * std::pow(32768.0 * 0.0316, 2))
      << "B hears A (peak " << heard.peak << ")";
  EXPECT_GT(heard.right, 2.0 * heard.left) << "A stands on B's right";
  EXPECT_GT(stat(dir / "a-out.raw", "sent"), 50) << "A sent her voice";
  EXPECT_GT(stat(dir / "b-out.raw", "received"), 50) << "B received it";
  EXPECT_EQ(stat(dir / "c-out.raw", "received"), 0) << "C, 10 tiles away, receives no voice frame";
  EXPECT_EQ(far.peak, 0) << "C hears nothing";
  const auto b_log = dir / "b-out.raw.log";
  std::ifstream log(b_log);
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("moim-client:"), std::string::npos) << text;
}

}  // namespace
}  // namespace moim::e2e
