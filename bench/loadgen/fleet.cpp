#include "fleet.hpp"

#include <boost/asio/post.hpp>
#include <future>

namespace moim::loadgen {

namespace asio = boost::asio;

namespace {
constexpr auto kTick = std::chrono::milliseconds(10);
constexpr int kSlots = 10;  // ticks per step of one bot: 10 ms × 10 = 10 Hz
}  // namespace

Fleet::Fleet(int threads, Samples& join_latency) {
  for (int i = 0; i < std::max(1, threads); ++i) {
    auto shard = std::make_unique<Shard>();
    shard->bot_thread.join_latency = &join_latency;
    Shard& s = *shard;
    schedule_tick(s, Clock::now() + kTick);
    s.thread = std::thread([&s] { s.bot_thread.io.run(); });
    shards_.push_back(std::move(shard));
  }
}

Fleet::~Fleet() {
  stop_all();
  for (auto& shard : shards_) {
    asio::post(shard->bot_thread.io, [&s = *shard] { s.ticker.cancel(); });
    shard->work.reset();
    shard->bot_thread.io.stop();
    if (shard->thread.joinable()) shard->thread.join();
  }
}

void Fleet::launch(std::string name, Walker walker, BotTarget target, Bot::JoinDone done) {
  Shard& shard = *shards_[next_shard_++ % shards_.size()];
  asio::post(shard.bot_thread.io, [&shard, name = std::move(name), walker,
                                   target = std::move(target), done = std::move(done)]() mutable {
    auto bot = std::make_shared<Bot>(shard.bot_thread, std::move(name), walker);
    shard.bots.push_back(bot);
    bot->start(std::move(target), std::move(done));
  });
}

void Fleet::schedule_tick(Shard& shard, Clock::time_point at) {
  shard.ticker.expires_at(at);
  shard.ticker.async_wait([this, &shard, at](boost::system::error_code ec) {
    if (ec) return;
    on_tick(shard);
    // Fixed rate, not fixed delay: a late tick does not push the next ones back.
    auto next = at + kTick;
    if (next < Clock::now() - 10 * kTick) next = Clock::now();
    schedule_tick(shard, next);
  });
}

void Fleet::on_tick(Shard& shard) {
  const auto slot = static_cast<std::size_t>(shard.tick++ % kSlots);
  if (slot == 0) {
    std::size_t settled = 0;
    for (const auto& bot : shard.bots) {
      settled += bot->phase() == Bot::Phase::joined && bot->settled() ? 1 : 0;
    }
    shard.settled = settled;
  }
  if (!walking_) return;
  const double chat_every = chat_every_s_;
  // A step happens 10 times a second, so a chat every T seconds is a chance of 1/(10 T).
  std::bernoulli_distribution chat_now(chat_every > 0 ? 1.0 / (10.0 * chat_every) : 0.0);
  for (std::size_t i = slot; i < shard.bots.size(); i += kSlots) {
    auto& bot = *shard.bots[i];
    bot.step();
    if (chat_every > 0 && chat_now(shard.bot_thread.rng)) bot.chat("안녕하세요, 여기 자리 있어요?");
  }
}

Totals Fleet::totals() const {
  Totals t;
  for (const auto& shard : shards_) t += shard->bot_thread.counters;
  return t;
}

std::size_t Fleet::settled() const {
  std::size_t n = 0;
  for (const auto& shard : shards_) n += shard->settled.load();
  return n;
}

void Fleet::stop_all() {
  walking_ = false;
  std::vector<std::future<void>> done;
  for (auto& shard : shards_) {
    auto promise = std::make_shared<std::promise<void>>();
    done.push_back(promise->get_future());
    asio::post(shard->bot_thread.io, [&s = *shard, promise] {
      for (auto& bot : s.bots) bot->stop();
      s.bots.clear();
      promise->set_value();
    });
  }
  for (auto& f : done) f.wait();
}

}  // namespace moim::loadgen
