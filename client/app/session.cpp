#include "session.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "moim/client/server_address.hpp"

namespace moim::client::app {

namespace {

constexpr int kMaxReconnectAttempts = 5;

}  // namespace

std::string explain(const v1::Error& error) {
  switch (error.code()) {
    case v1::ERROR_CODE_INVALID_INVITE:
      return "That invite code is not valid (or has been used up).";
    case v1::ERROR_CODE_ROOM_FULL:
      return "That room is full. Try again later or pick another room.";
    case v1::ERROR_CODE_UNSUPPORTED_VERSION:
      return "This client speaks a different protocol version than the server. Please update.";
    case v1::ERROR_CODE_INVALID_NAME:
      return "That name cannot be used: " + error.message();
    case v1::ERROR_CODE_NO_SUCH_ROOM:
      return "There is no such room.";
    case v1::ERROR_CODE_BANNED:
      return "You are banned from this server: " + error.message();
    default:
      return error.message().empty() ? std::string("The server refused the request.")
                                     : error.message();
  }
}

Session::Session(NetworkThread& net) : net_(net) {
  const char* trace = std::getenv("MOIM_TRACE");
  trace_ = trace != nullptr && *trace != '\0' && *trace != '0';
}

bool Session::start(const JoinSettings& settings, double now) {
  const auto address = parse_server_address(settings.server);
  if (!address) {
    fail("\"" + settings.server +
         "\" is not a server address (use ws://host:port or wss://host:port).");
    return false;
  }
  settings_ = settings;
  host_ = address->host;
  port_ = address->port;
  tls_ = address->tls;
  resume_token_.clear();
  backlog_.clear();
  resuming_ = false;
  reconnect_attempt_ = 0;
  error_.clear();
  connect_now(now);
  return true;
}

void Session::enter(SessionPhase phase, double now) {
  phase_ = phase;
  phase_since_ = now;
}

void Session::connect_now(double now) {
  enter(SessionPhase::connecting, now);
  Connection::Options options;
  options.tls = tls_;
  options.ca_file = ca_file_;
  net_.connect(host_, port_, std::chrono::milliseconds(static_cast<int>(timeout_ * 1000.0)),
               std::move(options));
}

void Session::fail(std::string message) {
  phase_ = SessionPhase::failed;
  error_ = std::move(message);
  net_.close("giving up");
}

std::uint32_t Session::send(v1::Envelope envelope) {
  if (phase_ != SessionPhase::in_room && phase_ != SessionPhase::greeting &&
      phase_ != SessionPhase::joining) {
    return 0;
  }
  if (envelope.request_id() == 0) envelope.set_request_id(next_request_id_++);
  if (trace_) std::cerr << "moim-client: -> " << envelope.ShortDebugString() << '\n';
  net_.send(envelope);
  return envelope.request_id();
}

void Session::leave() {
  net_.close("bye");
  phase_ = SessionPhase::idle;
}

void Session::on_open(double now) {
  enter(SessionPhase::greeting, now);
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  hello.mutable_hello()->set_client("moim-client/0.1");
  hello_id_ = send(std::move(hello));
}

void Session::on_envelope(const v1::Envelope& e, double now,
                          const std::function<void(const v1::Envelope&)>& out) {
  if (phase_ == SessionPhase::greeting && e.request_id() == hello_id_) {
    if (e.has_error()) return fail(explain(e.error()));
    if (!e.has_welcome())
      return fail("The server answered the greeting with something unexpected.");
    welcome_ = e.welcome();
    enter(SessionPhase::joining, now);
    v1::Envelope next;
    if (resuming_) {
      next.mutable_resume()->set_resume_token(resume_token_);
    } else {
      next.mutable_join()->set_display_name(settings_.name);
      next.mutable_join()->set_invite_code(settings_.invite);
      next.mutable_join()->set_room(settings_.room);
      next.mutable_join()->set_device_key(settings_.device_key);
    }
    join_id_ = send(std::move(next));
    return;
  }
  if (phase_ == SessionPhase::joining && e.request_id() == join_id_) {
    if (e.has_error()) {
      if (resuming_ && e.error().code() == v1::ERROR_CODE_RESUME_EXPIRED) {
        // The grace period ended: come back as a new arrival with the same name and code.
        resuming_ = false;
        v1::Envelope join;
        join.mutable_join()->set_display_name(settings_.name);
        join.mutable_join()->set_invite_code(settings_.invite);
        join.mutable_join()->set_room(settings_.room);
        join.mutable_join()->set_device_key(settings_.device_key);
        join_id_ = send(std::move(join));
        return;
      }
      return fail(explain(e.error()));
    }
    if (!e.has_joined()) return fail("The server answered the join with something unexpected.");
    joined_ = e.joined();
    resume_token_ = joined_.resume_token();
    reconnect_attempt_ = 0;
    enter(SessionPhase::in_room, now);
    joined_pending_ = true;
    return;
  }
  if (phase_ == SessionPhase::in_room) out(e);
}

void Session::on_closed(const CloseInfo& info, double now) {
  const std::string why = describe(info);
  if (phase_ == SessionPhase::in_room || phase_ == SessionPhase::reconnecting ||
      (resuming_ && phase_ != SessionPhase::failed)) {
    // A close with a reason from the server (kicked, banned, too slow) is final; a dropped
    // transport is worth another try.
    const bool transport_drop = !info.error.empty() || info.code == 1006;
    if (transport_drop && !resume_token_.empty() && reconnect_attempt_ < kMaxReconnectAttempts) {
      enter(SessionPhase::reconnecting, now);
      resuming_ = true;
      error_ = why;
      reconnect_at_ = now + std::pow(2.0, reconnect_attempt_);
      ++reconnect_attempt_;
      return;
    }
    return fail("Disconnected: " + why);
  }
  if (phase_ == SessionPhase::connecting) {
    return fail("Cannot reach the server at " + settings_.server + " (" + why + ").");
  }
  if (phase_ == SessionPhase::greeting || phase_ == SessionPhase::joining) {
    return fail("The server closed the connection while joining: " + why);
  }
}

void Session::update(double now, const std::function<void(const v1::Envelope&)>& on_message) {
  for (auto& event : net_.poll()) backlog_.push_back(std::move(event));
  while (!backlog_.empty()) {
    NetEvent event = std::move(backlog_.front());
    backlog_.pop_front();
    if (std::holds_alternative<NetOpened>(event)) {
      on_open(now);
    } else if (auto* e = std::get_if<v1::Envelope>(&event)) {
      if (trace_) std::cerr << "moim-client: <- " << e->ShortDebugString() << '\n';
      on_envelope(*e, now, on_message);
    } else if (auto* c = std::get_if<NetClosed>(&event)) {
      on_closed(c->info, now);
    }
    // What follows a Joined (the first frames) belongs to the screen that takes the join over,
    // which calls update() next; the current caller's handler may not be that screen.
    if (joined_pending_) break;
  }
  if (phase_ == SessionPhase::reconnecting && now >= reconnect_at_) connect_now(now);
  // The connection enforces its own timeout for connecting; this one is for the answers.
  if ((phase_ == SessionPhase::greeting || phase_ == SessionPhase::joining) &&
      now - phase_since_ > timeout_) {
    const int seconds = static_cast<int>(std::lround(timeout_));
    fail("The server at " + settings_.server + " accepted the connection but did not answer " +
         (phase_ == SessionPhase::greeting ? "the greeting" : "the join") + " within " +
         std::to_string(seconds) + " s.");
  }
}

std::string Session::status_line(double now) const {
  switch (phase_) {
    case SessionPhase::idle:
      return "";
    case SessionPhase::connecting:
      return resuming_ ? "Reconnecting..." : "Connecting to " + settings_.server + "...";
    case SessionPhase::greeting:
    case SessionPhase::joining:
      return resuming_ ? "Resuming your session..." : "Joining...";
    case SessionPhase::in_room:
      return "";
    case SessionPhase::reconnecting: {
      const int seconds = static_cast<int>(std::max(0.0, std::ceil(reconnect_at_ - now)));
      return "Connection lost (" + error_ + "). Reconnecting in " + std::to_string(seconds) +
             " s...";
    }
    case SessionPhase::failed:
      return error_;
  }
  return "";
}

}  // namespace moim::client::app
