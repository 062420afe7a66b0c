// The voice feature on a room without a host or sockets: a FeatureRoom over a real room::Room
// that records what it sends and counts encodings, so the coalescing and the sharing of one
// encoding among listeners are under test.
#include <gtest/gtest.h>

#include <map>

#include "features/voice_feature.hpp"
#include "room/room.hpp"
#include "text_encoder.hpp"

namespace moim::app::test {
namespace {

// Counts the voice batches it encodes.
class CountingEncoder final : public Encoder {
 public:
  SharedBytes ack(std::uint32_t id) const override { return text_.ack(id); }
  SharedBytes error(std::uint32_t id, const Error& e) const override { return text_.error(id, e); }
  SharedBytes frame(const room::FrameView& f) const override { return text_.frame(f); }
  SharedBytes chat(const room::ChatView& c) const override { return text_.chat(c); }
  SharedBytes welcome(const Welcome& w) const override { return text_.welcome(w); }
  SharedBytes move_refused(const room::MoveView& w, std::uint32_t s,
                           const Error& e) const override {
    return text_.move_refused(w, s, e);
  }
  SharedBytes location(std::uint32_t id, const room::AvatarView& a,
                       const std::string& r) const override {
    return text_.location(id, a, r);
  }
  SharedBytes graduation_event(std::uint32_t id, const graduation::Event& e) const override {
    return text_.graduation_event(id, e);
  }
  SharedBytes programme(std::uint32_t id, const ProgrammeEvent& e) const override {
    return text_.programme(id, e);
  }
  std::size_t entry_size(const programme_event::Group&) const override { return 1; }
  std::size_t entry_size(const programme_event::Talk&) const override { return 1; }
  std::size_t entry_size(const programme::Question&) const override { return 1; }
  SharedBytes voice_batch(std::span<const VoicePacketView> packets) const override {
    ++batches;
    return text_.voice_batch(packets);
  }
  SharedBytes voice_listeners(const VoiceListenersView& l) const override {
    return text_.voice_listeners(l);
  }
  mutable int batches = 0;

 private:
  TextEncoder text_;
};

using world::TilePos;

class NullArchive final : public room::ChatArchive {
 public:
  Result<room::ChatRecord> append_chat(room::ChatRecord r) override { return r; }
  Result<std::vector<room::ChatRecord>> recent_chat(std::string_view, std::size_t) override {
    return std::vector<room::ChatRecord>{};
  }
};

class NullSink final : public room::RoomSink {
 public:
  void frame(std::span<const UserId>, const room::FrameView&) override {}
  void chat(std::span<const UserId>, const room::ChatView&) override {}
  void direct_chat(UserId, std::uint32_t, const room::ChatView&) override {}
  void snapshot(UserId, std::uint32_t, room::ArrivalKind, const room::SnapshotView&) override {}
  void move_rejected(UserId, const room::MoveView&, std::uint32_t, const Error&) override {}
  void ack(UserId, std::uint32_t) override {}
  void error(UserId, std::uint32_t, const Error&) override {}
  void portal(const room::AvatarView&, std::int64_t, const std::string&,
              const std::string&) override {}
};

class TestRoom final : public FeatureRoom {
 public:
  explicit TestRoom(world::Map map)
      : room_("test", std::make_shared<world::Map>(std::move(map)), {}, archive_, sink_) {}
  const std::string& id() const override { return room_.id(); }
  room::Room& room() override { return room_; }
  const Encoder& encoder() const override { return encoder_; }
  std::int64_t now_ms() const override { return 1'000'000; }
  void send(UserId to, const SharedBytes& bytes) override { sent[to].push_back(*bytes); }
  void send_all(const SharedBytes&) override {}
  void send_voice(std::span<const UserId> to, const SharedBytes& bytes) override {
    for (auto id : to) voice[id].push_back(bytes);
  }
  void request_flush() override { ++flushes_asked; }

  void admit(UserId id, TilePos pos) {
    room::Arrival a;
    a.avatar.id = id;
    a.avatar.name = "p" + std::to_string(id);
    a.place = pos;
    ASSERT_TRUE(room_.admit(a, 1).has_value());
  }

  CountingEncoder encoder_;
  std::map<UserId, std::vector<SharedBytes>> voice;
  std::map<UserId, std::vector<std::string>> sent;
  int flushes_asked = 0;

 private:
  NullArchive archive_;
  NullSink sink_;
  room::Room room_;
};

world::Map hall() {
  return world::MapBuilder("test", 60, 30)
      .zone(world::ZoneKind::spawn, "main", {1, 1, 3, 3})
      .zone(world::ZoneKind::stage, "stage", {50, 1, 3, 2})
      .build();
}

Identity person(UserId id, store::Role role = store::Role::attendee) {
  return {id, "p" + std::to_string(id), role};
}

FeatureRequest frame(std::uint32_t seq, std::string opus) {
  return FeatureRequest{voice::Frame{seq, std::move(opus), 50}};
}

TEST(VoiceFeature, FramesCoalesceIntoOneBatchPerListenerPerFlush) {
  Metrics metrics;
  features::VoiceMutes mutes;
  features::VoiceFeature voice(mutes, metrics);
  TestRoom room(hall());
  room.admit(1, {10, 10});
  room.admit(2, {12, 10});
  room.admit(3, {25, 10});  // far away
  for (std::uint32_t seq = 1; seq <= 3; ++seq) voice.handle(room, person(1), 0, frame(seq, "a"));
  EXPECT_EQ(room.flushes_asked, 3);
  EXPECT_TRUE(room.voice.empty());  // nothing goes out before the flush
  voice.flush(room);
  ASSERT_EQ(room.voice[2].size(), 1u);
  EXPECT_EQ(*room.voice[2][0], "voice 1:1:a 1:2:a 1:3:a");
  EXPECT_FALSE(room.voice.contains(3));
  EXPECT_EQ(metrics.voice_packets_out_total.load(), 3u);
  ASSERT_EQ(room.sent[1].size(), 1u);
  EXPECT_EQ(room.sent[1][0], "listeners 2");
  // Silent: the next flush sends nothing, and the speaker is not told again.
  voice.flush(room);
  EXPECT_EQ(room.voice[2].size(), 1u);
  EXPECT_EQ(room.sent[1].size(), 1u);
}

TEST(VoiceFeature, TheStageIsEncodedOnceForTheWholeRoom) {
  Metrics metrics;
  features::VoiceMutes mutes;
  features::VoiceFeature voice(mutes, metrics);
  TestRoom room(hall());
  room.admit(1, {51, 1});  // on the stage
  for (UserId id = 2; id < 202; ++id) {
    room.admit(id, {static_cast<int>(id % 40), static_cast<int>(5 + id / 40)});
  }
  voice.handle(room, person(1), 0, frame(1, "talk"));
  voice.flush(room);
  EXPECT_EQ(room.encoder_.batches, 1);
  ASSERT_EQ(room.voice.size(), 200u);
  const auto shared = room.voice[2][0];
  for (const auto& [id, got] : room.voice) {
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0], shared) << "listener " << id << " got other bytes";
  }
  EXPECT_EQ(room.sent[1].back().substr(room.sent[1].back().size() - 5), "stage");
}

TEST(VoiceFeature, AMuteCutsFramesAlreadyWaiting) {
  Metrics metrics;
  features::VoiceMutes mutes;
  features::VoiceFeature voice(mutes, metrics);
  TestRoom room(hall());
  room.admit(1, {10, 10});
  room.admit(2, {11, 10});
  room.admit(9, {30, 20});
  voice.handle(room, person(1), 0, frame(1, "a"));
  voice.handle(room, person(2), 7, FeatureRequest{voice::Mute{1, true}});
  EXPECT_TRUE(room.sent[2].back().starts_with("error 7 13 ")) << room.sent[2].back();  // forbidden
  voice.handle(room, person(9, store::Role::host), 8, FeatureRequest{voice::Mute{1, true}});
  EXPECT_EQ(room.sent[9].back(), "ack 8");
  voice.flush(room);
  EXPECT_TRUE(room.voice.empty());
  EXPECT_EQ(room.sent[1].back(), "listeners muted");
  EXPECT_EQ(metrics.voice_frames_dropped_total[static_cast<std::size_t>(Metrics::VoiceDrop::muted)]
                .load(),
            1u);
}

}  // namespace
}  // namespace moim::app::test
