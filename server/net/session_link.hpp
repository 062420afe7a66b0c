#pragma once
// What the rest of the server may do to a connection: hand it bytes to send, tell it which room
// it is in, close it. Every method is thread-safe and returns at once; the session does the I/O
// on its own strand. Room hosts hold links, never sessions, so a room cannot reach into I/O.
#include <cstdint>
#include <memory>
#include <string>

#include "net/close_codes.hpp"
#include "store/store.hpp"

namespace moim::app {
class RoomHost;
}

namespace moim::net {

using SharedBytes = std::shared_ptr<const std::string>;

class SessionLink {
 public:
  virtual ~SessionLink() = default;
  // Queues one encoded Envelope. If the queue is over its limit the session is closed as a
  // slow consumer and the bytes are dropped.
  virtual void deliver(SharedBytes bytes) = 0;
  // Records the room that is admitting this person. Returns false if the connection is already
  // closing: the room must not admit it (else a dropped connection would leave a ghost behind).
  virtual bool attach(std::shared_ptr<app::RoomHost> room) = 0;
  // Admission was refused for good: the connection is in no room and may try to join again.
  virtual void detach() = 0;
  // Sends what is queued, then closes with this code and reason.
  virtual void close(CloseCode code, std::string reason) = 0;
  // The token this person can come back with after a dropped connection.
  virtual std::string resume_token() const = 0;
};

}  // namespace moim::net
