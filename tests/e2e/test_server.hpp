#pragma once
// A real moim server on an ephemeral loopback port with a real SQLite file in a fresh temporary
// directory and the shipped maps, plus helpers to join and walk real WebSocket clients.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <random>

#include "boot/server.hpp"
#include "core/secret_hash.hpp"
#include "moim/client/sync_client.hpp"
#include "moim/world/map.hpp"
#include "moim/world/pathfind.hpp"

namespace moim::e2e {

using client::SyncClient;
using std::chrono_literals::operator""ms;
using std::chrono_literals::operator""s;

inline std::filesystem::path fresh_dir() {
  static std::mt19937_64 rng(std::random_device{}());
  auto dir = std::filesystem::temp_directory_path() / ("moim-e2e-" + std::to_string(rng()));
  std::filesystem::create_directories(dir);
  return dir;
}

class TestServer {
 public:
  explicit TestServer(std::function<void(ServerConfig&)> tweak = {}) : dir_(fresh_dir()) {
    config_.port = 0;
    config_.data_dir = dir_;
    config_.maps_dir = MOIM_SOURCE_MAPS_DIR;
    config_.dev = true;
    config_.threads = 2;
    config_.room.move_rate = {200.0, 200.0};  // tests walk fast; rate limits have own tests
    if (tweak) tweak(config_);
    start();
  }
  ~TestServer() {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void start() {
    server_ = std::make_unique<app::Server>(config_);
    server_->start();
    config_.port = server_->port();  // a restart comes back on the same port
  }
  void restart() {
    server_->stop();
    server_->wait();
    server_.reset();
    start();
  }
  std::uint16_t port() const { return config_.port; }
  app::Server& server() { return *server_; }
  const ServerConfig& config() const { return config_; }

  // A new host-API bearer token with `role` (or `token` when given), stored as the admin CLI
  // would. The store refuses an attendee's token, but a database from before that rule may hold
  // one: such a row is written into the file directly, as that database would have it.
  std::string host_token(store::Role role = store::Role::host, std::string token = "") {
    if (token.empty()) token = random_token(24).value();
    if (store::may_hold_token(role)) {
      EXPECT_TRUE(server_->store().create_host_token(token, role, "test"));
    } else {
      insert_raw_host_token(token, role);
    }
    return token;
  }

  std::unique_ptr<SyncClient> connect() {
    auto c = std::make_unique<SyncClient>();
    EXPECT_TRUE(c->connect("127.0.0.1", port()));
    return c;
  }
  // Connects, says hello and joins; fails the test unless Joined comes back.
  std::unique_ptr<SyncClient> join(const std::string& name, const std::string& room = "",
                                   v1::Joined* joined = nullptr) {
    auto c = connect();
    auto reply = c->hello_and_join(name, "", room);
    EXPECT_TRUE(reply && reply->has_joined())
        << name << " did not join: " << (reply ? reply->DebugString() : "timeout");
    if (joined && reply) *joined = reply->joined();
    return c;
  }

 private:
  void insert_raw_host_token(const std::string& token, store::Role role) {
    sqlite3* raw = nullptr;
    const auto file = config_.database_path().string();
    ASSERT_EQ(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
    sqlite3_busy_timeout(raw, 5000);
    const auto sql = "INSERT INTO host_tokens (token_hash, role, label, created_at_ms) VALUES ('" +
                     sha256_hex(token) + "', " + std::to_string(static_cast<int>(role)) +
                     ", 'older database', 0)";
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(raw);
  }

  std::filesystem::path dir_;
  ServerConfig config_;
  std::unique_ptr<app::Server> server_;
};

inline const world::Map& shipped_map(const std::string& id) {
  static const auto maps = world::MapSet::load_dir(MOIM_SOURCE_MAPS_DIR);
  return *maps.find(id);
}

inline v1::Envelope move_to(world::TilePos p, std::uint32_t seq = 0) {
  v1::Envelope e;
  e.mutable_move()->set_x(p.x);
  e.mutable_move()->set_y(p.y);
  e.mutable_move()->set_seq(seq);
  return e;
}

inline v1::Envelope chat(v1::ChatScope scope, const std::string& text, std::uint64_t to = 0) {
  v1::Envelope e;
  e.mutable_send_chat()->set_scope(scope);
  e.mutable_send_chat()->set_text(text);
  e.mutable_send_chat()->set_to_user(to);
  return e;
}

// A request the room answers after everything sent before it: a barrier for moves.
inline void sync_with_room(SyncClient& c) {
  v1::Envelope e;
  e.mutable_set_status()->set_status(v1::STATUS_AVAILABLE);
  auto reply = c.request(e);
  ASSERT_TRUE(reply && reply->has_ack()) << (reply ? reply->DebugString() : "timeout");
}

// Walks along a path found on the map; returns where the walker ends.
inline world::TilePos walk(SyncClient& c, const world::Map& map, world::TilePos from,
                           world::TilePos to) {
  auto path = world::find_path(map, from, to);
  EXPECT_FALSE(path.empty() && !(from == to)) << "no path";
  for (auto step : path) c.send(move_to(step));
  sync_with_room(c);
  return path.empty() ? from : path.back();
}

inline world::TilePos position(const v1::Joined& joined) {
  return {joined.room().you().x(), joined.room().you().y()};
}

// A walkable tile at least `min_distance` tiles from `from` that can be reached from it.
inline world::TilePos far_tile(const world::Map& map, world::TilePos from, int min_distance) {
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x < map.width(); ++x) {
      const world::TilePos p{x, y};
      if (!map.walkable(p) || world::within_radius(from, p, min_distance)) continue;
      if (map.zone_at(p, world::ZoneKind::portal) ||
          map.zone_at(p, world::ZoneKind::private_area) || map.zone_at(p, world::ZoneKind::quiet) ||
          map.zone_at(p, world::ZoneKind::stage)) {
        continue;
      }
      if (!world::find_path(map, from, p).empty()) return p;
    }
  }
  ADD_FAILURE() << "no far tile";
  return from;
}

// Whether an envelope is a chat message with this text.
inline std::function<bool(const v1::Envelope&)> chat_with(const std::string& text) {
  return [text](const v1::Envelope& e) { return e.has_chat() && e.chat().text() == text; };
}

}  // namespace moim::e2e
