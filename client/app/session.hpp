#pragma once
// The conversation with the server as the screens see it: connect, Hello, Join (or Resume after a
// drop), then room traffic. Runs on the render thread, fed by the NetworkThread's queue.
//
// Phases are an enum, not flags. After a drop while in a room it reconnects with the resume token
// (backing off 1, 2, 4 s; five tries), so a short network hiccup puts the person back where
// they stood.
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "moim/client/core/join_settings.hpp"
#include "moim/v1/moim.pb.h"
#include "net_thread.hpp"

namespace moim::client::app {

enum class SessionPhase { idle, connecting, greeting, joining, in_room, reconnecting, failed };

class Session {
 public:
  // MOIM_TRACE=1 in the environment logs every envelope to stderr.
  explicit Session(NetworkThread& net);

  // How long connecting (TCP and the WebSocket handshake) and then each answer to Hello and
  // Join may take before the attempt fails with a message; a server that accepts and then says
  // nothing must not leave a person looking at "Joining..." for ever.
  void set_timeout(double seconds) { timeout_ = seconds; }
  // For wss:// servers: a PEM certificate or CA to trust besides the system's.
  void set_ca_file(std::string path) { ca_file_ = std::move(path); }

  // Starts a fresh join. Returns false (and sets error()) if the server address is bad.
  bool start(const JoinSettings& settings, double now);
  // Drains network events; `on_message` gets every envelope the session does not consume
  // (frames, chat, answers to the room's requests, ...). Also drives reconnect timing.
  void update(double now, const std::function<void(const v1::Envelope&)>& on_message);
  // Sends a request; returns its request id (0 when not connected).
  std::uint32_t send(v1::Envelope envelope);
  void leave();

  SessionPhase phase() const { return phase_; }
  // Why the last attempt failed, for people: a wrong code, a full room, a server that is down.
  const std::string& error() const { return error_; }
  // Set when a join or resume succeeded; cleared by the consumer.
  bool take_joined() {
    const bool j = joined_pending_;
    joined_pending_ = false;
    return j;
  }
  const v1::Joined& joined() const { return joined_; }
  const v1::Welcome& welcome() const { return welcome_; }
  const JoinSettings& settings() const { return settings_; }
  std::string status_line(double now) const;

 private:
  void on_open(double now);
  void on_envelope(const v1::Envelope& e, double now,
                   const std::function<void(const v1::Envelope&)>& out);
  void on_closed(const CloseInfo& info, double now);
  void connect_now(double now);
  void fail(std::string message);
  // The phase changes and the clock for the answer timeout starts again.
  void enter(SessionPhase phase, double now);

  NetworkThread& net_;
  std::deque<NetEvent> backlog_;  // events not yet handled, in arrival order
  bool trace_ = false;
  JoinSettings settings_;
  std::string host_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
  std::string ca_file_;
  SessionPhase phase_ = SessionPhase::idle;
  double timeout_ = 10.0;
  double phase_since_ = 0;
  std::string error_;
  std::uint32_t next_request_id_ = 1;
  std::uint32_t hello_id_ = 0;
  std::uint32_t join_id_ = 0;
  bool resuming_ = false;
  std::string resume_token_;
  int reconnect_attempt_ = 0;
  double reconnect_at_ = 0;
  bool joined_pending_ = false;
  v1::Joined joined_;
  v1::Welcome welcome_;
};

// A sentence for an Error a person can act on ("That invite code is not valid.").
std::string explain(const v1::Error& error);

}  // namespace moim::client::app
