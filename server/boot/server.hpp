#pragma once
// The whole server in one object: store, maps, hub, listener and the threads that run them.
// main() and the end-to-end tests both use it, so tests exercise exactly what ships. This is
// where the parts are built and handed to each other: nothing below it looks anything up.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "api/router.hpp"
#include "app/config.hpp"
#include "app/directory.hpp"
#include "app/hub.hpp"
#include "app/metrics.hpp"
#include "app/study_rooms.hpp"
#include "features/voice_mutes.hpp"
#include "graduation/service.hpp"
#include "moim/world/map.hpp"
#include "net/proto_encoder.hpp"
#include "store/store.hpp"

namespace moim::net {
class Listener;
}

namespace moim::app {

class ProgrammeService;

class Server {
 public:
  // Opens the store, loads the maps and the TLS certificate (if configured); throws with a clear
  // message if any of them fails.
  explicit Server(ServerConfig config);
  ~Server();

  // Binds and starts serving on config.threads threads; returns at once.
  void start();
  // Closes every connection with a close reason, lets queued writes drain, then stops.
  void stop();
  // Blocks until the server has stopped.
  void wait();
  std::uint16_t port() const { return port_; }
  Hub& hub() { return *hub_; }
  store::Store& store() { return *store_; }
  // The host API (/api/...), with every route registered (api/routes.cpp).
  const api::Router& api() const { return *api_; }
  Metrics& metrics() { return metrics_; }
  ProgrammeService& programme() { return *programme_; }

 private:
  ServerConfig config_;
  Metrics metrics_;
  std::unique_ptr<store::Store> store_;
  world::MapSet maps_;
  std::unique_ptr<boost::asio::ssl::context> tls_;  // null: plain ws:// and http://; outlives io_
  boost::asio::io_context io_;
  net::ProtoEncoder encoder_;
  FeatureRegistry features_;
  features::VoiceMutes voice_mutes_;  // whose voice hosts muted, in every room
  std::unique_ptr<graduation::Service> graduation_;
  std::unique_ptr<StudyRooms> study_rooms_;  // which study rooms exist, who may enter them
  Directory directory_;                      // who is online and where
  std::unique_ptr<Hub> hub_;
  std::unique_ptr<api::Router> api_;
  std::unique_ptr<ProgrammeService> programme_;
  std::shared_ptr<net::Listener> listener_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
};

}  // namespace moim::app
