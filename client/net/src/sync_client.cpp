#include "moim/client/sync_client.hpp"

#include <algorithm>
#include <random>
#include <utility>

namespace moim::client {

namespace net = boost::asio;

namespace {

// 16 random bytes as hex: enough for a test device that only has to differ from the others.
std::string random_device_key() {
  std::random_device source;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (int i = 0; i < 16; ++i) {
    const auto byte = source() & 0xffu;
    key += kHex[byte >> 4];
    key += kHex[byte & 0xfu];
  }
  return key;
}

}  // namespace

SyncClient::SyncClient() : SyncClient(Connection::Options{}) {}

SyncClient::SyncClient(Connection::Options options)
    : work_(net::make_work_guard(io_)),
      options_(std::move(options)),
      thread_([this] { io_.run(); }),
      device_key_(random_device_key()) {}

SyncClient::~SyncClient() {
  if (connection_ && !closed()) close("bye");
  work_.reset();
  io_.stop();
  if (thread_.joinable()) thread_.join();
  connection_.reset();
}

bool SyncClient::wait_until(std::unique_lock<std::mutex>& lock, Clock::time_point deadline,
                            const std::function<bool()>& ready) {
  return changed_.wait_until(lock, deadline, ready);
}

bool SyncClient::connect(const std::string& host, std::uint16_t port,
                         std::chrono::milliseconds timeout) {
  if (connection_) return false;
  Connection::Handlers handlers;
  handlers.on_open = [this] {
    std::lock_guard lock(mutex_);
    open_ = true;
    handshake_done_ = true;
    changed_.notify_all();
  };
  handlers.on_message = [this](v1::Envelope&& envelope) {
    std::lock_guard lock(mutex_);
    inbox_.push_back(std::move(envelope));
    changed_.notify_all();
  };
  handlers.on_close = [this](const CloseInfo& info) {
    std::lock_guard lock(mutex_);
    open_ = false;
    close_info_ = info;
    changed_.notify_all();
  };
  connection_ = Connection::create(io_, std::move(handlers), options_);
  connection_->connect(host, port, timeout);
  std::unique_lock lock(mutex_);
  // The connection enforces `timeout` itself; the margin only guards against a lost callback.
  wait_until(lock, Clock::now() + timeout + std::chrono::seconds(1),
             [this] { return open_ || close_info_.has_value(); });
  return handshake_done_;
}

std::uint32_t SyncClient::send(v1::Envelope envelope) {
  {
    std::lock_guard lock(mutex_);
    if (envelope.request_id() == 0) envelope.set_request_id(next_request_id_++);
  }
  if (connection_) connection_->send(envelope);
  return envelope.request_id();
}

void SyncClient::send_raw(std::string bytes, bool binary) {
  if (connection_) connection_->send_raw(std::move(bytes), binary);
}

std::optional<v1::Envelope> SyncClient::next(std::chrono::milliseconds timeout) {
  return wait_for([](const v1::Envelope&) { return true; }, timeout);
}

std::optional<v1::Envelope> SyncClient::wait_for(
    const std::function<bool(const v1::Envelope&)>& match, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::unique_lock lock(mutex_);
  while (true) {
    while (!inbox_.empty()) {
      v1::Envelope front = std::move(inbox_.front());
      inbox_.pop_front();
      if (match(front)) return front;
    }
    if (close_info_) return std::nullopt;
    if (!wait_until(lock, deadline, [this] { return !inbox_.empty() || close_info_; })) {
      return std::nullopt;
    }
  }
}

std::optional<v1::Envelope> SyncClient::request(v1::Envelope envelope,
                                                std::chrono::milliseconds timeout) {
  const std::uint32_t id = send(std::move(envelope));
  const auto deadline = Clock::now() + timeout;
  std::unique_lock lock(mutex_);
  std::optional<v1::Envelope> answer;
  auto find_answer = [&] {
    auto it = std::find_if(inbox_.begin(), inbox_.end(),
                           [id](const v1::Envelope& e) { return e.request_id() == id; });
    if (it == inbox_.end()) return false;
    answer = std::move(*it);
    inbox_.erase(it);
    return true;
  };
  wait_until(lock, deadline, [&] { return find_answer() || close_info_.has_value(); });
  return answer;
}

std::optional<v1::Envelope> SyncClient::hello_and_join(const std::string& name,
                                                       const std::string& invite,
                                                       const std::string& room) {
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  hello.mutable_hello()->set_client("moim-sync-client/0.1");
  auto welcome = request(std::move(hello));
  if (!welcome || !welcome->has_welcome()) return welcome;
  {
    std::lock_guard lock(mutex_);
    welcome_ = welcome->welcome();
  }
  v1::Envelope join;
  join.mutable_join()->set_display_name(name);
  join.mutable_join()->set_invite_code(invite);
  join.mutable_join()->set_room(room);
  join.mutable_join()->set_device_key(device_key_);
  return request(std::move(join));
}

std::optional<v1::Welcome> SyncClient::welcome() const {
  std::lock_guard lock(mutex_);
  return welcome_;
}

bool SyncClient::closed() const {
  std::lock_guard lock(mutex_);
  return close_info_.has_value();
}

std::optional<CloseInfo> SyncClient::close_info() const {
  std::lock_guard lock(mutex_);
  return close_info_;
}

bool SyncClient::wait_closed(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return wait_until(lock, Clock::now() + timeout, [this] { return close_info_.has_value(); });
}

void SyncClient::close(std::string reason) {
  if (!connection_) return;
  connection_->close(std::move(reason));
  wait_closed(std::chrono::seconds(2));
}

void SyncClient::leave(std::string reason) {
  if (!connection_) return;
  connection_->leave(std::move(reason));
  wait_closed(std::chrono::seconds(2));
}

}  // namespace moim::client
