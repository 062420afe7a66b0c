#include "boot/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "api/routes.hpp"
#include "app/programme_service.hpp"
#include "features/graduation_feature.hpp"
#include "features/stage_feature.hpp"
#include "features/study_group_feature.hpp"
#include "features/voice_feature.hpp"
#include "moim/tls/context.hpp"
#include "net/listener.hpp"
#include "programme/programme_store.hpp"
#include "store/sqlite_store.hpp"

namespace moim::app {

namespace asio = boost::asio;

namespace {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

Server::Server(ServerConfig config)
    : config_(std::move(config)),
      store_(store::open_sqlite_store(config_.database_path())),
      maps_(world::MapSet::load_dir(config_.maps_dir)) {
  if (!maps_.find(config_.lobby)) {
    throw std::runtime_error("the lobby room '" + config_.lobby + "' is not among the maps in " +
                             config_.maps_dir.string());
  }
  if (config_.tls()) {
    if (config_.tls_cert.empty() || config_.tls_key.empty()) {
      throw std::runtime_error("TLS needs both a certificate (--tls-cert) and its key (--tls-key)");
    }
    tls_ = tls::server_context(config_.tls_cert, config_.tls_key);
  }
  graduation_ = std::make_unique<graduation::Service>(
      store_->graduation(),
      graduation::GameRules{config_.room.proximity_radius, config_.graduation_offer_ttl.count()},
      static_cast<std::uint64_t>(now_ms()) * 1000);  // offer ids never repeat across restarts
  features::add_graduation(features_, *graduation_);
  // The programme's room features and rooms: before the hub, which opens rooms with them.
  study_rooms_ = std::make_unique<StudyRooms>(store_->programme());
  features_.add("study-group", features::study_group_factory(store_->programme()));
  features_.add("stage", features::stage_factory());
  // Voice in every room, as chat is: no map has to name it (docs/voice.md).
  features_.add_everywhere("voice", features::voice_factory(voice_mutes_, metrics_));
  hub_ = std::make_unique<Hub>(io_, config_,
                               HubParts{*store_, maps_, metrics_, encoder_, *graduation_, features_,
                                        *study_rooms_, directory_});
  programme_ = std::make_unique<ProgrammeService>(
      io_, *hub_, ProgrammeParts{store_->programme(), directory_, encoder_, config_});
  api_ = std::make_unique<api::Router>(*store_);
  api::register_routes(*api_, {*hub_, *store_, *graduation_, *programme_, config_});
  // Visits a crash left open are closed uncounted (see ProgrammeStore::close_open_visits).
  if (auto closed = store_->programme().close_open_visits(); !closed) {
    throw std::runtime_error("programme store: " + closed.error().message);
  }
}

Server::~Server() {
  if (!threads_.empty()) {
    stop();
    wait();
  }
}

void Server::start() {
  const auto address = asio::ip::make_address(config_.bind_address);
  const net::HttpParts parts{*hub_, *programme_, *api_, config_, metrics_, tls_.get()};
  listener_ =
      std::make_shared<net::Listener>(io_, asio::ip::tcp::endpoint{address, config_.port}, parts);
  port_ = listener_->local_endpoint().port();
  listener_->run();
  programme_->start(config_.programme_tick);
  const int count =
      config_.threads > 0 ? config_.threads : static_cast<int>(std::thread::hardware_concurrency());
  for (int i = 0; i < std::max(1, count); ++i) {
    threads_.emplace_back([this] { io_.run(); });
  }
  spdlog::info("moim-server listening on {}://{}:{}/ws  (rooms: {}; store: {}{})",
               tls_ ? "wss" : "ws", config_.bind_address, port_, fmt::join(maps_.ids(), ", "),
               config_.database_path().string(), config_.dev ? "; dev mode: guests may join" : "");
}

void Server::stop() {
  if (threads_.empty() || io_.stopped()) return;
  spdlog::info("shutting down: closing connections");
  listener_->stop();
  programme_->stop();
  hub_->shutdown();
  // Give close handshakes and queued writes a moment, then stop whatever is left.
  auto timer = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(1500));
  timer->async_wait([this, timer](boost::system::error_code) { io_.stop(); });
}

void Server::wait() {
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

}  // namespace moim::app
