#include "dispatch_world.hpp"

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdlib>

#include "app/hub.hpp"
#include "app/programme_service.hpp"
#include "app/study_rooms.hpp"
#include "features/graduation_feature.hpp"
#include "features/stage_feature.hpp"
#include "features/study_group_feature.hpp"
#include "moim/proto/envelope.hpp"
#include "net/proto_encoder.hpp"
#include "net/session_core.hpp"
#include "store_snapshot.hpp"
#include "world_setup.hpp"

namespace moim::fuzz {

namespace {

namespace asio = boost::asio;

// What every connection of one input shares: where to post, and who hears what it is sent.
struct Wire {
  asio::io_context& io;
  const Observer& observer;
  std::size_t sent = 0;
};

// A connection without a socket: what the server sends is checked and counted, a close ends
// the connection the way WsSession::finish does.
class FuzzSession : public std::enable_shared_from_this<FuzzSession>, public net::SessionCore {
 public:
  FuzzSession(app::Hub& hub, app::ProgrammeService& programme, Wire& wire, std::uint8_t connection)
      : SessionCore(hub, programme, "192.0.2.1"), wire_(wire), connection_(connection) {
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
    auto* envelope = std::get_if<v1::Envelope>(&decoded);
    if (envelope == nullptr) std::abort();
    ++wire_.sent;
    if (wire_.observer) wire_.observer(connection_, *envelope);
  }
  bool attach(std::shared_ptr<app::RoomHost> room) override {
    if (closing_) return false;
    room_ = std::move(room);
    return true;
  }
  void detach() override {
    room_.reset();
    asio::post(wire_.io, [self = shared_from_this()] { self->back_to_authenticating(); });
  }
  void close(app::CloseCode code, std::string) override {
    if (closing_) return;
    closing_ = true;
    asio::post(wire_.io, [self = shared_from_this(), code] {
      self->phase_ = Phase::closing;
      auto room = std::move(self->room_);
      self->signed_out(code, room);
    });
  }

 private:
  std::shared_ptr<app::SessionLink> link() override { return shared_from_this(); }
  std::shared_ptr<app::RoomHost> current_room() const override { return room_; }

  Wire& wire_;
  std::uint8_t connection_;
  std::shared_ptr<app::RoomHost> room_;
  bool closing_ = false;
};

std::chrono::milliseconds wall_clock() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch());
}

// The prepared database, built on first use and kept for the life of the process.
StoreSnapshot& prepared() {
  static StoreSnapshot db;
  static const bool ready = [] {
    prepare_world(db, wall_clock());
    db.take();
    return true;
  }();
  (void)ready;
  return db;
}

// One input's server: the prepared database, and a hub, services, features and io_context of
// its own (built as app/server.cpp builds them), so timers and queues left by an earlier input
// are gone.
class World {
 public:
  World(StoreSnapshot& db, const Observer& observer)
      : db_(db),
        wire_{io_, observer},
        graduation_(db.store().graduation(), graduation::GameRules{}, 1),
        study_rooms_(db.store().programme()),
        features_(make_features(db.store(), graduation_)),
        hub_(io_, config_,
             app::HubParts{db.store(), shipped_maps(), metrics_, encoder_, graduation_, features_,
                           study_rooms_, directory_}),
        programme_(io_, hub_,
                   app::ProgrammeParts{db.store().programme(), directory_, encoder_, config_}) {
    for (std::uint8_t i = 0; i < kConnections; ++i) sessions_[i] = fresh(i);
  }
  ~World() {
    for (auto& s : sessions_) s->drop();
    drain();
    db_.restore();
  }
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  void message(std::uint8_t connection, std::string_view bytes) {
    sessions_[connection % kConnections]->receive(bytes);
    drain();
  }
  void drop(std::uint8_t connection) {
    auto& s = sessions_[connection % kConnections];
    s->drop();
    drain();
    s = fresh(connection % kConnections);
  }
  // What the programme's timer does every few seconds: remind those who RSVP'd to sessions on
  // now (run once per input, so reminders are reached without waiting).
  void tick() {
    programme_.send_due_reminders();
    drain();
  }
  std::size_t sent() const { return wire_.sent; }

 private:
  static app::FeatureRegistry make_features(store::Store& store, graduation::Service& graduation) {
    app::FeatureRegistry features;
    features::add_graduation(features, graduation);
    features.add("study-group", features::study_group_factory(store.programme()));
    features.add("stage", features::stage_factory());
    return features;
  }
  std::shared_ptr<FuzzSession> fresh(std::uint8_t i) {
    return std::make_shared<FuzzSession>(hub_, programme_, wire_, i);
  }
  void drain() {
    do {
      io_.restart();
    } while (io_.poll() > 0);
  }

  StoreSnapshot& db_;
  asio::io_context io_;
  Wire wire_;
  ServerConfig config_ = fuzz_config();
  Metrics metrics_;
  net::ProtoEncoder encoder_;
  graduation::Service graduation_;
  app::StudyRooms study_rooms_;
  app::FeatureRegistry features_;
  app::Directory directory_;
  app::Hub hub_;
  app::ProgrammeService programme_;
  std::array<std::shared_ptr<FuzzSession>, kConnections> sessions_;
};

}  // namespace

std::string device_key(std::string_view name) {
  return "fuzz-device-" + std::string(name);
}

const world::MapSet& shipped_maps() {
  static const auto maps = [] {
    // Every hub copies each map it is given. The load generator's 200x200 bigmap would cost
    // more per input than everything else (it holds no rules the lobby does not), so the fuzz
    // world leaves it out.
    const auto all = world::MapSet::load_dir(MOIM_SOURCE_MAPS_DIR);
    world::MapSet some;
    for (const auto& id : all.ids()) {
      if (id != kLeftOutMap) some.add(*all.find(id));
    }
    return some;
  }();
  return maps;
}

std::size_t run_dispatch(const std::uint8_t* data, std::size_t size, const Observer& observer) {
  World world(prepared(), observer);
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
  world.tick();
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
