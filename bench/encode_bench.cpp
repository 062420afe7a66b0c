// Frame encoding, shared versus once per recipient (Google Benchmark).
//
// A room encodes one frame per occupied AOI cell and hands the same bytes to everyone standing
// there (RoomHost::frame: the Encoder once, then the shared pointer to each recipient's
// link). These benchmarks run that path against the obvious alternative, encoding
// the frame again for every recipient, with 500 people who all see each other:
//   - Flush500Moves: a real moim::room::Room flush after all 500 took a step;
//   - Frame500Upserts: one frame upserting 500 avatars (Hangul names), as after a crowd arrives.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "moim/proto/envelope.hpp"
#include "moim/world/map.hpp"
#include "net/proto_encoder.hpp"
#include "room/room.hpp"
#include "store/sqlite_store.hpp"

namespace {

using namespace moim;

enum class Encoding { shared, per_recipient };

// What RoomHost does with a frame, minus the sockets: each recipient's "link" gets the bytes.
class EncodingSink : public room::RoomSink {
 public:
  explicit EncodingSink(Encoding encoding) : encoding_(encoding) {}

  void frame(std::span<const room::UserId> recipients, const room::FrameView& frame) override {
    if (encoding_ == Encoding::shared) {
      auto bytes = encoder_.frame(frame);
      ++encodes;
      for (std::size_t i = 0; i < recipients.size(); ++i) deliver(bytes);
    } else {
      for (std::size_t i = 0; i < recipients.size(); ++i) {
        ++encodes;
        deliver(encoder_.frame(frame));
      }
    }
  }
  void chat(std::span<const room::UserId>, const room::ChatView&) override {}
  void direct_chat(room::UserId, std::uint32_t, const room::ChatView&) override {}
  void snapshot(room::UserId, std::uint32_t, room::ArrivalKind,
                const room::SnapshotView&) override {}
  void move_rejected(room::UserId, const room::MoveView&, std::uint32_t, const Error&) override {}
  void ack(room::UserId, std::uint32_t) override {}
  void error(room::UserId, std::uint32_t, const Error&) override {}
  void portal(const room::AvatarView&, std::int64_t, const std::string&,
              const std::string&) override {}

  void clear() {
    queued.clear();
    bytes_delivered = 0;
  }

  std::vector<std::shared_ptr<const std::string>> queued;  // stands in for the send queues
  std::size_t bytes_delivered = 0;
  std::size_t encodes = 0;

 private:
  void deliver(std::shared_ptr<const std::string> bytes) {
    bytes_delivered += bytes->size();
    queued.push_back(std::move(bytes));
  }
  Encoding encoding_;
  net::ProtoEncoder encoder_;
};

constexpr int kPeople = 500;

room::AvatarView person(int i) {
  room::AvatarView a;
  a.id = static_cast<room::UserId>(i + 1);
  a.name = "참가자 " + std::to_string(i + 1);
  a.pos = {2 + (i % 12), 2 + (i / 12) % 12};
  a.color = room::avatar_color(a.id);
  return a;
}

// 500 people in a 12×12 patch of an open 64×64 field: everyone sees everyone.
void BM_Flush500Moves(benchmark::State& state) {
  const auto encoding = static_cast<Encoding>(state.range(0));
  auto store = store::open_sqlite_store(":memory:");
  auto map =
      std::make_shared<const world::Map>(world::MapBuilder("field", 64, 64)
                                             .zone(world::ZoneKind::spawn, "main", {2, 2, 12, 12})
                                             .build());
  room::RoomConfig config;
  config.capacity = kPeople;
  config.move_rate = {1e9, 1e9};
  EncodingSink sink(encoding);
  room::Room room("field", map, config, *store, sink);
  for (int i = 0; i < kPeople; ++i) {
    room::Arrival arrival;
    arrival.avatar = person(i);
    arrival.place = arrival.avatar.pos;
    (void)room.admit(arrival, 0);
  }
  room.flush();
  int step = 0;
  for (auto _ : state) {
    state.PauseTiming();
    sink.clear();
    const int dx = (step++ % 2 == 0) ? 1 : -1;
    for (int i = 0; i < kPeople; ++i) {
      auto a = person(i);
      room.move(a.id, {{a.pos.x + (dx > 0 ? 1 : 0), a.pos.y}, world::Direction::right, 0}, 0);
    }
    state.ResumeTiming();
    room.flush();
    benchmark::DoNotOptimize(sink.queued.data());
  }
  state.counters["recipients"] = static_cast<double>(sink.queued.size());
  state.counters["bytes_delivered"] = static_cast<double>(sink.bytes_delivered);
  state.counters["encodes/flush"] =
      benchmark::Counter(static_cast<double>(sink.encodes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Flush500Moves)
    ->ArgName("per_recipient")
    ->Arg(static_cast<int>(Encoding::shared))
    ->Arg(static_cast<int>(Encoding::per_recipient))
    ->Unit(benchmark::kMicrosecond);

// One 500-avatar frame for 500 recipients, through the same sink.
void BM_Frame500Upserts(benchmark::State& state) {
  const auto encoding = static_cast<Encoding>(state.range(0));
  EncodingSink sink(encoding);
  room::FrameView frame;
  frame.tick = 1;
  std::vector<room::UserId> recipients;
  for (int i = 0; i < kPeople; ++i) {
    frame.upserts.push_back(person(i));
    recipients.push_back(static_cast<room::UserId>(i + 1));
  }
  for (auto _ : state) {
    sink.clear();
    sink.frame(recipients, frame);
    benchmark::DoNotOptimize(sink.queued.data());
  }
  state.counters["frame_bytes"] = static_cast<double>(sink.queued.front()->size());
  state.counters["encodes/frame"] =
      benchmark::Counter(static_cast<double>(sink.encodes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Frame500Upserts)
    ->ArgName("per_recipient")
    ->Arg(static_cast<int>(Encoding::shared))
    ->Arg(static_cast<int>(Encoding::per_recipient))
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
