#include "net_thread.hpp"

#include <utility>

namespace moim::client::app {

NetworkThread::NetworkThread()
    : work_(boost::asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}

NetworkThread::~NetworkThread() {
  {
    std::lock_guard lock(mutex_);
    if (connection_) connection_->leave("client exit");  // others see them go at once
  }
  work_.reset();
  // Give the close handshake a moment; a server that does not answer must not hold us up.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

void NetworkThread::connect(const std::string& host, std::uint16_t port,
                            std::chrono::milliseconds timeout, Connection::Options options) {
  std::lock_guard lock(mutex_);
  if (connection_) connection_->close("reconnecting");
  const std::uint64_t generation = ++generation_;
  // Handlers run on the network thread; each checks that its connection is still the current
  // one before queueing, so a late close of an old connection cannot confuse the new one.
  auto push = [this, generation](NetEvent event) {
    std::lock_guard inner(mutex_);
    if (generation == generation_) events_.push_back(std::move(event));
  };
  Connection::Handlers handlers;
  handlers.on_open = [push] { push(NetOpened{}); };
  handlers.on_message = [push, inbox = voice_inbox_](v1::Envelope&& e) {
    if (inbox && inbox->offer(e)) return;
    push(std::move(e));
  };
  handlers.on_close = [push](const CloseInfo& info) { push(NetClosed{info}); };
  connection_ = Connection::create(io_, std::move(handlers), std::move(options));
  connection_->connect(host, port, timeout);
}

void NetworkThread::send(const v1::Envelope& envelope) {
  std::lock_guard lock(mutex_);
  if (connection_) connection_->send(envelope);
}

void NetworkThread::set_voice_inbox(std::shared_ptr<VoiceInbox> inbox) {
  std::lock_guard lock(mutex_);
  voice_inbox_ = std::move(inbox);
}

void NetworkThread::send_voice(const v1::Envelope& envelope) {
  std::lock_guard lock(mutex_);
  if (connection_ && connection_->is_open()) connection_->send_voice(envelope);
}

void NetworkThread::close(std::string reason) {
  std::lock_guard lock(mutex_);
  if (connection_) connection_->leave(std::move(reason));
  ++generation_;
  connection_.reset();
}

std::vector<NetEvent> NetworkThread::poll() {
  std::lock_guard lock(mutex_);
  std::vector<NetEvent> out(std::make_move_iterator(events_.begin()),
                            std::make_move_iterator(events_.end()));
  events_.clear();
  return out;
}

}  // namespace moim::client::app
