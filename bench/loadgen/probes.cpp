#include "probes.hpp"

#include <boost/asio/post.hpp>

#include "moim/proto/frame_moves.hpp"

namespace moim::loadgen {

namespace asio = boost::asio;

ProbeSet::ProbeSet(const Terrain& terrain, Samples& latency, Counters& counters)
    : terrain_(terrain),
      latency_(latency),
      counters_(counters),
      work_(asio::make_work_guard(io_)),
      ticker_(io_) {
  // One thread for the probes' connections and their 10 Hz ticker.
  thread_ = std::thread([this] { io_.run(); });
  tick();
}

ProbeSet::~ProbeSet() {
  stop();
  asio::post(io_, [this] { ticker_.cancel(); });
  work_.reset();
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

int ProbeSet::join(int count, const std::string& host, std::uint16_t port, const std::string& room,
                   std::chrono::milliseconds timeout) {
  for (int i = 0; i < count; ++i) {
    auto probe = std::make_unique<Probe>();
    probe->index = i;
    Probe* p = probe.get();
    client::Connection::Handlers handlers;
    handlers.on_open = [p, room] {
      v1::Envelope hello;
      hello.set_request_id(1);
      hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
      hello.mutable_hello()->set_client("moim-loadgen-probe/0.1");
      p->connection->send(hello);
      v1::Envelope join;  // the server answers Hello before it reads Join
      join.set_request_id(2);
      join.mutable_join()->set_display_name("probe-" + std::to_string(p->index));
      join.mutable_join()->set_room(room);
      p->connection->send(join);
    };
    handlers.on_message = [this, p](v1::Envelope&& envelope) { on_message(*p, envelope); };
    handlers.on_close = [this, p](const client::CloseInfo&) {
      std::lock_guard lock(mutex_);
      if (p->joined && walking_) ++counters_.disconnects;
      p->joined = false;
    };
    probe->connection = client::Connection::create(io_, std::move(handlers));
    {
      std::lock_guard lock(mutex_);
      probes_.push_back(std::move(probe));
    }
    p->connection->connect(host, port);
  }
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return joined_ >= count; });
  return joined_;
}

void ProbeSet::on_message(Probe& probe, const v1::Envelope& envelope) {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  ++counters_.messages;
  counters_.wire_bytes += envelope.ByteSizeLong();
  if (envelope.has_frame()) {
    ++counters_.frames;
    proto::for_each_move(envelope.frame(), [&](const proto::FrameMove& m) {
      seen(probe, m.user_id, {m.x, m.y}, now);
    });
    for (const auto& a : envelope.frame().upserts()) seen(probe, a.user_id(), {a.x(), a.y()}, now);
  } else if (envelope.has_joined()) {
    const auto& you = envelope.joined().room().you();
    probe.user_id = envelope.joined().user_id();
    probe.a = probe.pos = {you.x(), you.y()};
    std::mt19937 rng(static_cast<std::uint32_t>(probe.user_id));
    probe.b = terrain_.neighbour(probe.a, rng);
    movers_[probe.user_id] = Mover{probe.a, probe.b, {}, {}};
    probe.joined = true;
    ++joined_;
    ++counters_.joined;
    changed_.notify_all();
  } else if (envelope.has_move_correction()) {
    const auto& c = envelope.move_correction();
    probe.pos = {c.x(), c.y()};
    ++counters_.corrections;
  } else if (envelope.has_error() && probe.joined) {
    ++counters_.errors;
  }
}

void ProbeSet::seen(Probe& observer, std::uint64_t mover_id, world::TilePos at,
                    Clock::time_point now) {
  if (mover_id == observer.user_id) return;
  auto it = movers_.find(mover_id);
  if (it == movers_.end()) return;
  const Mover& mover = it->second;
  const Sent* sent = at == mover.a ? &mover.to_a : at == mover.b ? &mover.to_b : nullptr;
  if (sent == nullptr || sent->seq == 0) return;
  auto& last = observer.last_seen_seq[mover_id];
  if (sent->seq <= last) return;  // already measured (a later frame repeating the position)
  last = sent->seq;
  latency_.add(std::chrono::duration<double, std::milli>(now - sent->at).count());
}

void ProbeSet::tick() {
  ticker_.expires_after(std::chrono::milliseconds(100));  // 10 Hz, like every other bot
  ticker_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    if (walking_) {
      std::lock_guard lock(mutex_);
      for (auto& probe : probes_) {
        if (!probe->joined) continue;
        const auto to = probe->pos == probe->a ? probe->b : probe->a;
        if (to == probe->pos) continue;  // nowhere to step
        auto& mover = movers_[probe->user_id];
        (to == mover.a ? mover.to_a : mover.to_b) = Sent{++probe->seq, Clock::now()};
        probe->pos = to;
        v1::Envelope move;
        move.mutable_move()->set_x(to.x);
        move.mutable_move()->set_y(to.y);
        move.mutable_move()->set_seq(probe->seq);
        probe->connection->send(move);
        ++counters_.moves_sent;
      }
    }
    tick();
  });
}

void ProbeSet::stop() {
  walking_ = false;
  std::lock_guard lock(mutex_);
  for (auto& probe : probes_) {
    probe->joined = false;
    probe->connection->close("done");
  }
}

}  // namespace moim::loadgen
