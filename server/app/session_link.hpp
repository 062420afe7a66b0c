#pragma once
// What the hub and the rooms may do to a connection: hand it bytes to send, tell it which room
// it is in, close it. Every method is thread-safe and returns at once; the session does the I/O
// on its own strand. Room hosts hold links, never sessions, so a room cannot reach into I/O.
//
// The interface lives here, in app, and net implements it (net::SessionCore), the way RoomSink
// lets a Room speak without knowing the host: app never includes a net header.
#include <cstdint>
#include <memory>
#include <string>

#include "app/close_codes.hpp"

namespace moim::app {

class RoomHost;

// One message encoded once (app/encoder.hpp), shared by every link it is handed to.
using SharedBytes = std::shared_ptr<const std::string>;

class SessionLink {
 public:
  virtual ~SessionLink() = default;
  // Queues one encoded message. If the queue is over its limit the session is closed as a
  // slow consumer and the bytes are dropped.
  virtual void deliver(SharedBytes bytes) = 0;
  // Queues one encoded voice message in the connection's own small voice queue, which drops its
  // oldest message when full and is written only when nothing else waits: voice never delays
  // movement or chat, and a listener who cannot keep up loses old voice, not the connection.
  // A link without a voice queue treats voice as any message.
  virtual void deliver_voice(SharedBytes bytes) { deliver(std::move(bytes)); }
  // Records the room that is admitting this person. Returns false if the connection is already
  // closing: the room must not admit it (else a dropped connection would leave a ghost behind).
  virtual bool attach(std::shared_ptr<RoomHost> room) = 0;
  // Admission was refused for good: the connection is in no room and may try to join again.
  virtual void detach() = 0;
  // Sends what is queued, then closes with this code and reason.
  virtual void close(CloseCode code, std::string reason) = 0;
  // The token this person can come back with after a dropped connection.
  virtual std::string resume_token() const = 0;
};

}  // namespace moim::app
