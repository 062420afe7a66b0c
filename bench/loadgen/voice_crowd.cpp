#include "voice_crowd.hpp"

#include <boost/asio/post.hpp>
#include <cstring>

#include "moim/world/pathfind.hpp"

namespace moim::loadgen {

namespace asio = boost::asio;
using namespace std::chrono_literals;

VoiceCrowd::VoiceCrowd(const world::Map& map, Samples& frame_age_ms, std::size_t opus_bytes)
    : map_(map),
      age_(frame_age_ms),
      opus_bytes_(std::max<std::size_t>(opus_bytes, sizeof(std::int64_t))),
      work_(asio::make_work_guard(io_)),
      ticker_(io_) {
  thread_ = std::thread([this] { io_.run(); });
  asio::post(io_, [this] { tick(); });
}

VoiceCrowd::~VoiceCrowd() {
  asio::post(io_, [this] { ticker_.cancel(); });
  {
    std::lock_guard lock(mutex_);
    for (auto& p : people_) p->connection->close();
  }
  work_.reset();
  std::this_thread::sleep_for(100ms);
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

int VoiceCrowd::join(int count, const std::string& name, std::uint16_t port,
                     const std::string& room, std::chrono::milliseconds timeout) {
  int wanted = 0;
  for (int i = 0; i < count; ++i) {
    auto person = std::make_unique<Person>();
    Person* p = person.get();
    {
      std::lock_guard lock(mutex_);
      p->index = static_cast<int>(people_.size());
      people_.push_back(std::move(person));
      wanted = static_cast<int>(people_.size());
    }
    client::Connection::Handlers handlers;
    handlers.on_open = [p, room, label = name + "-" + std::to_string(p->index)] {
      v1::Envelope hello;
      hello.set_request_id(1);
      hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
      p->connection->send(hello);
      v1::Envelope join;
      join.set_request_id(2);
      join.mutable_join()->set_display_name(label);
      join.mutable_join()->set_room(room);
      p->connection->send(join);
    };
    handlers.on_message = [this, p](v1::Envelope&& e) { on_message(*p, e); };
    handlers.on_close = [](const client::CloseInfo&) {};
    p->connection = client::Connection::create(io_, std::move(handlers));
    p->connection->connect("127.0.0.1", port);
  }
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return joined_ >= wanted; });
  return joined_;
}

void VoiceCrowd::on_message(Person& p, const v1::Envelope& e) {
  const auto now = Clock::now().time_since_epoch().count();
  std::lock_guard lock(mutex_);
  if (e.has_joined()) {
    p.pos = {e.joined().room().you().x(), e.joined().room().you().y()};
    p.joined = true;
    ++joined_;
    changed_.notify_all();
  } else if (e.has_voice_batch()) {
    ++heard_.batches;
    heard_.bytes += e.ByteSizeLong();
    for (const auto& packet : e.voice_batch().packets()) {
      ++heard_.packets;
      std::int64_t sent = 0;
      if (packet.opus().size() >= sizeof sent) {
        std::memcpy(&sent, packet.opus().data(), sizeof sent);
        age_.add(static_cast<double>(now - sent) / 1e6);
      }
    }
  } else if (e.has_move_correction()) {
    p.pos = {e.move_correction().x(), e.move_correction().y()};
    p.path.clear();
  }
}

bool VoiceCrowd::walk(const std::vector<std::pair<int, world::TilePos>>& plans,
                      std::chrono::milliseconds timeout) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& [i, to] : plans) {
      auto& p = *people_.at(static_cast<std::size_t>(i));
      p.path = world::find_path(map_, p.pos, to);
    }
  }
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
    std::lock_guard lock(mutex_);
    bool all = true;
    for (const auto& [i, to] : plans) all = all && people_[static_cast<std::size_t>(i)]->pos == to;
    if (all) return true;
  }
  return false;
}

void VoiceCrowd::talk(std::vector<int> speakers) {
  std::lock_guard lock(mutex_);
  speakers_ = std::move(speakers);
}

world::TilePos VoiceCrowd::position(int i) const {
  std::lock_guard lock(mutex_);
  return people_.at(static_cast<std::size_t>(i))->pos;
}

VoiceCrowd::Heard VoiceCrowd::heard() const {
  std::lock_guard lock(mutex_);
  return heard_;
}

// Every 20 ms: each speaker sends a frame; every fifth tick, walkers take a step.
void VoiceCrowd::tick() {
  {
    std::lock_guard lock(mutex_);
    const bool step = ticks_++ % 5 == 0;
    for (auto& p : people_) {
      if (!step || p->path.empty() || !p->joined) continue;
      const auto to = p->path.front();
      p->path.erase(p->path.begin());
      v1::Envelope move;
      move.mutable_move()->set_x(to.x);
      move.mutable_move()->set_y(to.y);
      move.mutable_move()->set_seq(++p->seq);
      move.mutable_move()->set_facing(v1::DIRECTION_DOWN);
      p->connection->send(move);
      p->pos = to;
    }
    std::string opus(opus_bytes_, 'o');
    for (int i : speakers_) {
      auto& p = *people_.at(static_cast<std::size_t>(i));
      const std::int64_t now = Clock::now().time_since_epoch().count();
      std::memcpy(opus.data(), &now, sizeof now);
      v1::Envelope frame;
      frame.mutable_voice_frame()->set_seq(++p.seq);
      frame.mutable_voice_frame()->set_opus(opus);
      frame.mutable_voice_frame()->set_level(10 + static_cast<std::uint32_t>(i % 90));
      p.connection->send(frame);
      ++heard_.frames_sent;
    }
  }
  ticker_.expires_after(20ms);
  ticker_.async_wait([this](boost::system::error_code ec) {
    if (!ec) tick();
  });
}

}  // namespace moim::loadgen
