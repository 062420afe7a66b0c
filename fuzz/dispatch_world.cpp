#include "dispatch_world.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <cstdlib>

#include "app/hub.hpp"
#include "moim/proto/envelope.hpp"
#include "net/session_core.hpp"
#include "store/sqlite_store.hpp"

namespace moim::fuzz {

namespace {

namespace asio = boost::asio;

// A connection without a socket: what the server sends is checked and counted, a close ends
// the connection the way WsSession::finish does.
class FuzzSession : public std::enable_shared_from_this<FuzzSession>, public net::SessionCore {
 public:
  FuzzSession(app::Hub& hub, asio::io_context& io, std::size_t& sent)
      : SessionCore(hub, "192.0.2.1"), io_(io), sent_(sent) {
    phase_ = Phase::greeting;  // the WebSocket handshake is done
  }

  void receive(std::string_view bytes) {
    if (!closing_) on_message(bytes);
  }
  // The connection ends, as if the peer had gone away.
  void drop() { close(app::CloseCode::normal, "gone"); }

  void deliver(app::SharedBytes bytes) override {
    // Whatever the server sends must be a well-formed envelope a client can decode.
    auto decoded = proto::decode_envelope(*bytes, proto::kMaxServerMessageBytes);
    if (std::holds_alternative<proto::DecodeError>(decoded)) std::abort();
    ++sent_;
  }
  bool attach(std::shared_ptr<app::RoomHost> room) override {
    if (closing_) return false;
    room_ = std::move(room);
    return true;
  }
  void detach() override {
    room_.reset();
    asio::post(io_, [self = shared_from_this()] { self->back_to_authenticating(); });
  }
  void close(app::CloseCode code, std::string) override {
    if (closing_) return;
    closing_ = true;
    asio::post(io_, [self = shared_from_this(), code] {
      self->phase_ = Phase::closing;
      auto room = std::move(self->room_);
      self->signed_out(code, room);
    });
  }

 private:
  std::shared_ptr<app::SessionLink> link() override { return shared_from_this(); }
  std::shared_ptr<app::RoomHost> current_room() const override { return room_; }

  asio::io_context& io_;
  std::size_t& sent_;
  std::shared_ptr<app::RoomHost> room_;
  bool closing_ = false;
};

const world::MapSet& shipped_maps() {
  static const auto maps = world::MapSet::load_dir(MOIM_SOURCE_MAPS_DIR);
  return maps;
}

ServerConfig fuzz_config() {
  ServerConfig config;
  config.dev = true;
  config.flush_min = std::chrono::milliseconds(0);  // flushes run at the next drain
  config.room.move_rate = {1000.0, 1000.0};         // let inputs walk far
  return config;
}

class World {
 public:
  World() : store_(store::open_sqlite_store(":memory:")) {
    if (!store_->create_invite(kHostInvite, store::Role::host, 0, "fuzz") ||
        !store_->create_invite(kAttendeeInvite, store::Role::attendee, 0, "fuzz")) {
      std::abort();
    }
    hub_ = std::make_unique<app::Hub>(io_, fuzz_config(), *store_, shipped_maps(), metrics_);
    for (auto& s : sessions_) s = fresh();
  }
  ~World() {
    for (auto& s : sessions_) s->drop();
    drain();
  }

  void message(std::uint8_t connection, std::string_view bytes) {
    sessions_[connection % kConnections]->receive(bytes);
    drain();
  }
  void drop(std::uint8_t connection) {
    auto& s = sessions_[connection % kConnections];
    s->drop();
    drain();
    s = fresh();
  }
  std::size_t sent() const { return sent_; }

 private:
  std::shared_ptr<FuzzSession> fresh() { return std::make_shared<FuzzSession>(*hub_, io_, sent_); }
  void drain() {
    do {
      io_.restart();
    } while (io_.poll() > 0);
  }

  asio::io_context io_;
  Metrics metrics_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<app::Hub> hub_;
  std::array<std::shared_ptr<FuzzSession>, kConnections> sessions_;
  std::size_t sent_ = 0;
};

}  // namespace

std::size_t run_dispatch(const std::uint8_t* data, std::size_t size) {
  World world;
  std::size_t at = 0;
  while (at < size) {
    const std::uint8_t control = data[at++];
    if (control & 0x80) {
      world.drop(control & 0x03);
      continue;
    }
    if (size - at < 2) break;
    std::size_t length = (std::size_t{data[at]} << 8) | data[at + 1];
    at += 2;
    length = std::min(length, size - at);
    world.message(control & 0x03,
                  std::string_view(reinterpret_cast<const char*>(data + at), length));
    at += length;
  }
  return world.sent();
}

void add_message(std::string& input, std::uint8_t connection, std::string_view message) {
  input.push_back(static_cast<char>(connection & 0x03));
  input.push_back(static_cast<char>((message.size() >> 8) & 0xff));
  input.push_back(static_cast<char>(message.size() & 0xff));
  input.append(message);
}

void add_drop(std::string& input, std::uint8_t connection) {
  input.push_back(static_cast<char>(0x80 | (connection & 0x03)));
}

}  // namespace moim::fuzz
