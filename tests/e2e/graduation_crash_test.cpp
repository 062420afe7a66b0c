// Nothing is lost: hundreds of concurrent sticker exchanges from real clients against the real
// moim-server process, `kill -9` in the middle, a restart on the same SQLite file. Every
// exchange a client saw acknowledged must be there, none doubled, and retried requests (same
// key) must not add any.
#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "graduation_helpers.hpp"
#include "http_client.hpp"
#include "server_process.hpp"

namespace moim::e2e {
namespace {

using Pair = std::pair<std::uint64_t, std::uint64_t>;

constexpr int kGuests = 40;

// Runs a shell command to completion and returns what it printed on stdout, without the end of
// line (the admin CLI prints a token).
std::string run_capture(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::vector<Pair> stored_exchanges(const std::filesystem::path& db_file) {
  sqlite3* raw = nullptr;
  sqlite3_open_v2(db_file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(raw, "SELECT user_a, user_b FROM grad_exchanges", -1, &stmt, nullptr);
  std::vector<Pair> out;
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    out.emplace_back(sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1));
  }
  sqlite3_finalize(stmt);
  return out;
}

// The real binary allows a burst of a few steps only (--move-rate sets the rate, not the
// burst), so the walk is paced a little above the allowed rate.
world::TilePos paced_walk(SyncClient& c, const world::Map& map, world::TilePos from,
                          world::TilePos to) {
  const auto path = world::find_path(map, from, to);
  for (auto step : path) {
    c.send(move_to(step));
    std::this_thread::sleep_for(std::chrono::milliseconds(4));
  }
  sync_with_room(c);
  return path.empty() ? from : path.back();
}

struct Shared {
  std::mutex mutex;
  std::set<Pair> acked;  // SwapDone seen by the acceptor
  std::map<std::uint64_t, std::vector<std::pair<std::uint64_t, std::string>>>
      sent;  // user → (offer, key)
  std::atomic<int> errors{0};
};

struct Guest {
  std::unique_ptr<SyncClient> client;
  std::uint64_t id = 0;
  std::string name;
  std::string code;
  world::TilePos pos;
};

// One guest's share of the exchanges: offer to `targets` (a few at a time) and accept every
// offer that comes in, until everything is answered or the server is gone.
void play(Guest& g, const std::vector<std::uint64_t>& targets, Shared& shared) {
  std::size_t next = 0;
  int outstanding = 0;
  std::map<std::uint32_t, Pair> accepts;  // request id → pair
  int idle = 0;
  while (!g.client->closed() && idle < 3) {
    while (outstanding < 6 && next < targets.size()) {
      g.client->send(grad::offer(targets[next++]));
      ++outstanding;
    }
    auto e = g.client->next(std::chrono::seconds(1));
    if (!e) {
      ++idle;
      continue;
    }
    idle = 0;
    if (e->has_offer_received()) {
      const auto from = e->offer_received().from_user();
      const std::string key = "acc-" + std::to_string(from) + "-" + std::to_string(g.id);
      const auto rid = g.client->send(grad::accept(e->offer_received().offer_id(), key));
      accepts[rid] = {std::min(from, g.id), std::max(from, g.id)};
      std::lock_guard lock(shared.mutex);
      shared.sent[g.id].emplace_back(e->offer_received().offer_id(), key);
    } else if (e->has_swap_done()) {
      if (auto it = accepts.find(e->request_id()); it != accepts.end()) {
        std::lock_guard lock(shared.mutex);
        shared.acked.insert(it->second);
      } else {
        --outstanding;  // an offer of ours was accepted
      }
    } else if (e->has_error()) {
      ++shared.errors;
      if (!accepts.contains(e->request_id())) --outstanding;
    }
  }
}

TEST(GraduationCrash, KilledMidExchangeLosesNothingAndDoublesNothing) {
  const auto dir = fresh_dir();
  const std::string binary = MOIM_SERVER_BINARY;
  const std::string data = dir.string();
  const std::string token =
      run_capture(binary + " --data-dir " + data + " create-host-token 2>/dev/null");
  ASSERT_FALSE(token.empty());
  const std::vector<std::string> options = {"--move-rate", "500",       "--messages-per-second",
                                            "2000",        "--threads", "2"};
  std::optional<ServerProcess> server;
  server.emplace(dir, options);
  std::uint16_t port = server->port();
  ASSERT_NE(port, 0);

  std::string csv = "name,email,cohort\n";
  for (int i = 0; i < kGuests; ++i) {
    csv += "졸업생" + std::to_string(i) + ",g" + std::to_string(i) + "@x.io,c\n";
  }
  auto imported = http_request(port, "POST", "/api/roster", csv, token, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto codes = imported.json()["codes"];
  ASSERT_EQ(codes.size(), static_cast<std::size_t>(kGuests));

  // Everyone arrives, checks in at the desk and picks the booth's suggestion.
  const auto& floor = shipped_map("graduation-1f");
  const auto desk = grad::zone_tile(floor, world::ZoneKind::checkin, 3);
  const auto booth = grad::zone_tile(floor, world::ZoneKind::sticker_booth, 20);
  std::vector<Guest> guests(kGuests);
  std::vector<int> colors(kGuests);
  for (int i = 0; i < kGuests; ++i) {
    auto& g = guests[static_cast<std::size_t>(i)];
    g.name = codes[static_cast<std::size_t>(i)]["name"].get<std::string>();
    g.code = codes[static_cast<std::size_t>(i)]["invite_code"].get<std::string>();
    g.client = std::make_unique<SyncClient>();
    ASSERT_TRUE(g.client->connect("127.0.0.1", port));
    auto joined = g.client->hello_and_join(g.name, g.code, "graduation-1f");
    ASSERT_TRUE(joined && joined->has_joined());
    g.id = joined->joined().user_id();
    g.pos = paced_walk(*g.client, floor, position(joined->joined()), desk);
    auto in = g.client->request(grad::check_in(g.code, 0, "in"));
    ASSERT_TRUE(in && in->has_checked_in()) << (in ? in->DebugString() : "timeout");
    g.pos = paced_walk(*g.client, floor, g.pos, booth);
    ASSERT_TRUE(g.client->request(grad::pick(std::nullopt, "pick"))->has_ack());
    auto state = g.client->wait_for(
        [](const v1::Envelope& e) { return e.has_graduation() && e.graduation().color() >= 0; });
    ASSERT_TRUE(state);
    colors[static_cast<std::size_t>(i)] = state->graduation().color();
  }
  // Every pair of different colours exchanges once; the offer alternates between the two.
  std::vector<std::vector<std::uint64_t>> targets(kGuests);
  std::size_t pairs = 0;
  for (int i = 0; i < kGuests; ++i) {
    for (int j = i + 1; j < kGuests; ++j) {
      if (colors[static_cast<std::size_t>(i)] == colors[static_cast<std::size_t>(j)]) continue;
      const int from = (i + j) % 2 ? i : j;
      const int to = from == i ? j : i;
      targets[static_cast<std::size_t>(from)].push_back(guests[static_cast<std::size_t>(to)].id);
      ++pairs;
    }
  }
  ASSERT_GT(pairs, 300u);

  Shared shared;
  std::vector<std::thread> players;
  for (int i = 0; i < kGuests; ++i) {
    players.emplace_back([&, i] {
      play(guests[static_cast<std::size_t>(i)], targets[static_cast<std::size_t>(i)], shared);
    });
  }
  // Kill the server once about a third of the exchanges are acknowledged.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    std::size_t acked = 0;
    {
      std::lock_guard lock(shared.mutex);
      acked = shared.acked.size();
    }
    if (acked >= pairs / 3 || std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  server->kill(SIGKILL);
  for (auto& t : players) t.join();
  const std::set<Pair> acked = shared.acked;
  std::size_t accepts_sent = 0;
  for (const auto& [user, list] : shared.sent) accepts_sent += list.size();
  std::printf(
      "[ graduation crash ] guests %d, pairs %zu, accepts sent %zu, acknowledged %zu "
      "before kill -9, errors %d\n",
      kGuests, pairs, accepts_sent, acked.size(), shared.errors.load());
  ASSERT_GT(acked.size(), 100u);
  ASSERT_LT(acked.size(), pairs) << "the kill came after everything was done";

  // Restart on the same file: every acknowledged exchange is there, none twice.
  server.emplace(dir, options);
  port = server->port();
  ASSERT_NE(port, 0);
  auto stored = stored_exchanges(dir / "moim.db");
  const std::set<Pair> unique(stored.begin(), stored.end());
  EXPECT_EQ(unique.size(), stored.size()) << "an exchange is stored twice";
  for (const auto& p : acked) EXPECT_TRUE(unique.contains(p)) << p.first << "-" << p.second;
  EXPECT_GE(stored.size(), acked.size());
  std::printf(
      "[ graduation crash ] stored after restart %zu (acknowledged %zu; the rest were "
      "written but their answer was lost in the kill)\n",
      stored.size(), acked.size());

  // Clients retry every accept they sent, with the same keys: nothing new is written, and
  // each written one answers with its exchange.
  std::size_t replayed = 0;
  for (auto& g : guests) {
    SyncClient again;
    ASSERT_TRUE(again.connect("127.0.0.1", port));
    ASSERT_TRUE(again.hello_and_join(g.name, g.code, "graduation-1f")->has_joined());
    for (const auto& [offer, key] : shared.sent[g.id]) {
      auto reply = again.request(grad::accept(offer, key));
      ASSERT_TRUE(reply);
      if (reply->has_swap_done()) {
        ++replayed;
      } else {
        EXPECT_EQ(grad::error_of(reply), v1::ERROR_CODE_NO_SUCH_OFFER);  // never written
      }
    }
  }
  EXPECT_EQ(replayed, stored.size());
  EXPECT_EQ(stored_exchanges(dir / "moim.db").size(), stored.size());
  server->kill(SIGKILL);
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace moim::e2e
