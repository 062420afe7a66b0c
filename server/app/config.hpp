#pragma once
// Everything the server can be told at start-up. Filled from flags and an optional config file
// (app/config.cpp); plain data, so tests build one directly.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "app/address_limits.hpp"
#include "room/room.hpp"

namespace moim {

// What attendees may create in the study rooms and the hall, each as a limit per person and a
// limit in total (0: none), so one person cannot fill the lists everybody reads. Hosts have no
// per-person limit on study groups.
struct ProgrammeLimits {
  int groups_per_person = 3;        // study groups one person leads at once
  int groups_total = 1000;          // study groups on the server
  int questions_per_person = 20;    // questions one person asks per session
  int questions_per_session = 500;  // questions one session holds
};

struct ServerConfig {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 7700;  // 0: pick a free port (tests)
  std::filesystem::path data_dir = "var";
  std::filesystem::path database;  // empty: <data_dir>/moim.db
  std::filesystem::path maps_dir = "maps";
  std::string lobby = "lobby";
  bool dev = false;  // guests may join without an invite code
  int threads = 0;   // 0: one per core
  std::string time_zone = "Asia/Seoul";
  std::string server_name = "moim";

  room::RoomConfig room;
  // A room flushes as soon as something changed, but no sooner than this after its last flush.
  std::chrono::milliseconds flush_min{10};
  // Messages one room may hand to its sessions per second. Every flush sends one message per
  // recipient, so a room of thousands waits recipients / fanout_per_second between flushes
  // (more moves per frame, fewer frames); rooms of up to a few hundred still flush every
  // flush_min. See RoomHost::flush_interval().
  double fanout_per_second = 100000.0;
  std::chrono::seconds resume_grace{60};
  std::chrono::milliseconds graduation_offer_ttl{60000};  // a sticker/card offer expires
  std::chrono::seconds hello_timeout{10};                 // from connect to a successful join
  std::size_t send_queue_bytes = 4 * 1024 * 1024;         // past this a client is too slow: closed
  // Per connection, all messages together: room for a speaker's 50 voice frames a second on top
  // of walking (room.move_rate), chat and pings.
  double messages_per_second = 100.0;
  double messages_burst = 200.0;
  // Per connection, beyond the room's own per-person limits on moves and chat (room.*_rate):
  room::RateLimit join_rate{1.0, 5.0};     // Join and Resume attempts
  room::RateLimit action_rate{5.0, 20.0};  // SetStatus, ListOnline, Locate, Moderate
  // Voice frames: 50 a second (one per 20 ms) and a burst of half a second, for a client that
  // sends in clumps. Frames past it are dropped, answered rate_limited at most once a second.
  room::RateLimit voice_rate{50.0, 25.0};
  // Per remote address, all of its connections together.
  app::AddressLimitConfig address_limits;
  // Transport timeouts: a WebSocket with no frame and no pong for idle_timeout is dropped
  // (half-open connections end here); an HTTP request must arrive whole within http_timeout
  // (slow-loris handshakes end here).
  std::chrono::milliseconds idle_timeout{30000};
  std::chrono::milliseconds http_timeout{10000};
  // How often the server looks for programme sessions that have started (to remind RSVPs).
  std::chrono::milliseconds programme_tick{5000};
  ProgrammeLimits programme_limits;
  // TLS on the same port (wss:// and https://) when both are set: a PEM certificate chain and
  // its private key. Plain connections to a TLS port get a 400 and are closed.
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
  // When set, GET /metrics needs `Authorization: Bearer <metrics_token>`; empty: /metrics is
  // open to whoever reaches the port (fine on the default loopback bind).
  std::string metrics_token;

  bool tls() const { return !tls_cert.empty() || !tls_key.empty(); }

  std::filesystem::path database_path() const {
    return database.empty() ? data_dir / "moim.db" : database;
  }
};

}  // namespace moim
