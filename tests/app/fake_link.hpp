#pragma once
// A SessionLink with no connection behind it: it keeps every message it is handed, the room it
// was attached to and how it was closed, for tests of the hub and the room hosts.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/session_link.hpp"

namespace moim::app::test {

class FakeLink final : public SessionLink {
 public:
  explicit FakeLink(std::string resume_token = "resume-token") : token_(std::move(resume_token)) {}

  void deliver(SharedBytes bytes) override {
    std::lock_guard lock(mutex_);
    received_.push_back(*bytes);
  }
  bool attach(std::shared_ptr<RoomHost> room) override {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    room_ = std::move(room);
    return true;
  }
  void detach() override {
    std::lock_guard lock(mutex_);
    room_.reset();
  }
  void close(CloseCode code, std::string reason) override {
    std::lock_guard lock(mutex_);
    closed_ = code;
    close_reason_ = std::move(reason);
  }
  std::string resume_token() const override { return token_; }

  std::vector<std::string> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  // True if some message received so far starts with `prefix`.
  bool got(const std::string& prefix) const {
    std::lock_guard lock(mutex_);
    for (const auto& message : received_) {
      if (message.starts_with(prefix)) return true;
    }
    return false;
  }
  std::optional<CloseCode> closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
  }
  std::shared_ptr<RoomHost> room() const {
    std::lock_guard lock(mutex_);
    return room_;
  }

 private:
  mutable std::mutex mutex_;
  std::string token_;
  std::vector<std::string> received_;
  std::shared_ptr<RoomHost> room_;
  std::optional<CloseCode> closed_;
  std::string close_reason_;
};

}  // namespace moim::app::test
