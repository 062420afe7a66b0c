// Proximity voice over the real protocol: who receives a speaker's frames, and with what reach,
// checked on the listeners' side and on the server's counters. The frames carry arbitrary bytes:
// the server forwards them unchanged and never decodes them.
#include <thread>

#include "http_client.hpp"
#include "moim/proto/frame_moves.hpp"
#include "raw_clients.hpp"
#include "voice_helpers.hpp"

namespace moim::e2e {
namespace {

using world::TilePos;

std::uint64_t id_of(const v1::Joined& j) {
  return j.user_id();
}

TEST(VoiceE2E, NearbyHearsUnchangedAndTenTilesAwayGetsNothing) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  v1::Joined ja, jb, jc;
  auto a = server.join("에이", "lobby", &ja);
  auto b = server.join("비", "lobby", &jb);
  auto c = server.join("씨", "lobby", &jc);
  const TilePos spot = open_row(lobby, position(ja), {2, 10});
  walk(*a, lobby, position(ja), spot);
  walk(*b, lobby, position(jb), {spot.x + 2, spot.y});
  walk(*c, lobby, position(jc), {spot.x + 10, spot.y});

  auto& metrics = server.server().metrics();
  const auto out_before = metrics.voice_packets_out_total.load();
  for (std::uint32_t seq = 1; seq <= 5; ++seq) a->send(voice_frame(seq, fake_opus(seq)));

  auto heard = voice_packets(*b, 5);
  ASSERT_EQ(heard.size(), 5u);
  for (std::uint32_t i = 0; i < 5; ++i) {
    EXPECT_EQ(heard[i].speaker(), id_of(ja));
    EXPECT_EQ(heard[i].seq(), i + 1);
    EXPECT_EQ(heard[i].opus(), fake_opus(i + 1));  // byte for byte, zeros included
    EXPECT_EQ(heard[i].reach(), v1::VOICE_REACH_NEARBY);
  }
  // The speaker learns who hears them: B only.
  auto told = a->wait_for([](const v1::Envelope& e) { return e.has_voice_listeners(); });
  ASSERT_TRUE(told);
  ASSERT_EQ(told->voice_listeners().users_size(), 1);
  EXPECT_EQ(told->voice_listeners().users(0), id_of(jb));
  EXPECT_FALSE(told->voice_listeners().on_stage());

  EXPECT_TRUE(voice_within(*c, 300ms).empty());
  EXPECT_EQ(metrics.voice_packets_out_total.load() - out_before, 5u);  // all of them to B
  EXPECT_GE(metrics.voice_frames_in_total.load(), 5u);

  // The same counters on /metrics.
  auto scraped = http_request(server.port(), "GET", "/metrics");
  EXPECT_EQ(scraped.status, 200);
  EXPECT_NE(scraped.body.find("moim_voice_packets_out_total 5\n"), std::string::npos)
      << scraped.body;
  EXPECT_NE(scraped.body.find("moim_voice_frames_dropped_total{reason=\"muted\"} 0\n"),
            std::string::npos);
}

TEST(VoiceE2E, PrivateAreaIsSealedBothWays) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  const auto* sofa = lobby.find_zone(world::ZoneKind::private_area, "sofa-west");
  ASSERT_NE(sofa, nullptr);
  v1::Joined ja, jb, jc;
  auto a = server.join("에이", "lobby", &ja);
  auto b = server.join("비", "lobby", &jb);
  auto c = server.join("씨", "lobby", &jc);
  const auto inside = zone_tiles(lobby, *sofa, position(ja));
  ASSERT_GE(inside.size(), 2u);
  // C stands just outside the sofa, within 5 tiles of A: near, but not in the area.
  TilePos at{}, outside{};
  bool found = false;
  for (int r = 1; r <= 4 && !found; ++r) {
    for (const auto& p : inside) {
      const TilePos q{p.x + r, p.y};
      if (lobby.walkable(q) && !lobby.zone_at(q, world::ZoneKind::private_area) &&
          !world::find_path(lobby, position(jc), q).empty()) {
        at = p;
        outside = q;
        found = true;
        break;
      }
    }
  }
  ASSERT_TRUE(found);
  walk(*a, lobby, position(ja), at);
  walk(*c, lobby, position(jc), outside);
  walk(*b, lobby, position(jb), inside.front() == at ? inside.back() : inside.front());
  sync_with_room(*a);

  a->send(voice_frame(1, fake_opus(1), 40));
  auto in_area = voice_packets(*b, 1);
  ASSERT_EQ(in_area.size(), 1u);
  EXPECT_EQ(in_area[0].reach(), v1::VOICE_REACH_AREA);
  EXPECT_TRUE(voice_within(*c, 250ms).empty());  // outside hears nothing from inside

  c->send(voice_frame(1, fake_opus(1)));
  EXPECT_TRUE(voice_within(*a, 250ms).empty());  // inside hears nothing from outside
  EXPECT_TRUE(voice_within(*b, 50ms).empty());
}

TEST(VoiceE2E, StageReachesTheFarSideAndMuteCutsItWithinOneFlush) {
  TestServer server;
  const auto& hall = shipped_map("hall");
  auto host = join_host(server, "호스트", "hall");
  v1::Joined js, jd;
  auto speaker = server.join("연사", "hall", &js);
  auto d = server.join("디", "hall", &jd);
  const auto* stage = hall.find_zone(world::ZoneKind::stage, "stage");
  ASSERT_NE(stage, nullptr);
  const TilePos centre{stage->area.x + stage->area.w / 2, stage->area.y + stage->area.h / 2};
  walk(*d, hall, position(jd), far_tile(hall, centre, 20));

  const auto now = now_ms();
  auto talk = host->request(
      schedule_talk(v1::TALK_KIND_TECH_TALK, "목소리", now - 60'000, now + 3'600'000));
  ASSERT_TRUE(talk && talk->has_talk());
  auto give = make([&](v1::Envelope& e) {
    e.mutable_give_stage()->set_talk_id(talk->talk().id());
    e.mutable_give_stage()->set_user_id(id_of(js));
  });
  ASSERT_TRUE(host->request(give)->has_ack());
  ASSERT_TRUE(speaker->wait_for([](const v1::Envelope& e) { return e.has_put_on_stage(); }));

  speaker->send(voice_frame(1, fake_opus(1)));
  auto heard = voice_packets(*d, 1);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].reach(), v1::VOICE_REACH_STAGE);
  EXPECT_EQ(heard[0].opus(), fake_opus(1));
  auto told = speaker->wait_for([](const v1::Envelope& e) {
    return e.has_voice_listeners() && e.voice_listeners().on_stage();
  });
  ASSERT_TRUE(told);
  EXPECT_EQ(told->voice_listeners().users_size(), 2);  // the host and D: the whole hall

  // Attendees cannot mute; a host's mute holds from the next flush.
  auto mute = [&](bool on) {
    return make([&](v1::Envelope& e) {
      e.mutable_mute_voice()->set_user_id(id_of(js));
      e.mutable_mute_voice()->set_muted(on);
    });
  };
  expect_error(d->request(mute(true)), v1::ERROR_CODE_FORBIDDEN);
  auto& metrics = server.server().metrics();
  const auto muted_before =
      metrics.voice_frames_dropped_total[static_cast<std::size_t>(Metrics::VoiceDrop::muted)]
          .load();
  ASSERT_TRUE(host->request(mute(true))->has_ack());
  for (std::uint32_t seq = 2; seq <= 4; ++seq) speaker->send(voice_frame(seq, fake_opus(seq)));
  auto muted = speaker->wait_for(
      [](const v1::Envelope& e) { return e.has_voice_listeners() && e.voice_listeners().muted(); });
  ASSERT_TRUE(muted);
  EXPECT_EQ(muted->voice_listeners().users_size(), 0);
  EXPECT_TRUE(voice_within(*d, 300ms).empty());
  EXPECT_EQ(metrics.voice_frames_dropped_total[static_cast<std::size_t>(Metrics::VoiceDrop::muted)]
                    .load() -
                muted_before,
            3u);

  ASSERT_TRUE(host->request(mute(false))->has_ack());
  speaker->send(voice_frame(5, fake_opus(5)));
  auto again = voice_packets(*d, 1);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].seq(), 5u);
}

TEST(VoiceE2E, AModerateMuteSilencesVoiceToo) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  auto host = join_host(server, "호스트", "lobby");
  v1::Joined ja, jb;
  auto a = server.join("에이", "lobby", &ja);
  auto b = server.join("비", "lobby", &jb);
  const TilePos spot = open_row(lobby, position(ja), {1});
  walk(*a, lobby, position(ja), spot);
  walk(*b, lobby, position(jb), {spot.x + 1, spot.y});
  auto moderate = make([&](v1::Envelope& e) {
    e.mutable_moderate()->set_action(v1::MODERATION_ACTION_MUTE);
    e.mutable_moderate()->set_user_id(id_of(ja));
  });
  ASSERT_TRUE(host->request(moderate)->has_ack());
  sync_with_room(*a);
  a->send(voice_frame(1, fake_opus(1)));
  EXPECT_TRUE(voice_within(*b, 300ms).empty());
}

TEST(VoiceE2E, HostileVoiceFramesAreRefusedClearlyAndTheServerCarriesOn) {
  TestServer server;
  // Before Hello, and before joining: refused, the connection goes on.
  auto stranger = server.connect();
  expect_error(stranger->request(voice_frame(1, "x")), v1::ERROR_CODE_NOT_HELLO);
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  ASSERT_TRUE(stranger->request(hello));
  expect_error(stranger->request(voice_frame(1, "x")), v1::ERROR_CODE_NOT_JOINED);

  v1::Joined ja, jb;
  auto a = server.join("에이", "lobby", &ja);
  auto b = server.join("비", "lobby", &jb);
  // Oversized, empty, out-of-range level: each answered with what is wrong.
  auto big = a->request(voice_frame(1, std::string(513, 'x')));
  ASSERT_TRUE(big && big->has_error());
  EXPECT_EQ(big->error().code(), v1::ERROR_CODE_BAD_REQUEST);
  EXPECT_NE(big->error().message().find("512"), std::string::npos) << big->error().message();
  expect_error(a->request(voice_frame(1, "")), v1::ERROR_CODE_BAD_REQUEST);
  expect_error(a->request(voice_frame(1, "x", 101)), v1::ERROR_CODE_BAD_REQUEST);
  // Garbage that is no envelope at all.
  a->send_raw(std::string("\x52\xff\xff\xff\xff\x0f garbage", 14));
  auto garbage = a->wait_for([](const v1::Envelope& e) { return e.has_error(); });
  ASSERT_TRUE(garbage);

  // A flood: 150 frames at once. The budget's worth is forwarded, the rest dropped, answered
  // rate_limited once, and the connection stays open.
  auto& metrics = server.server().metrics();
  const auto rate_before =
      metrics.voice_frames_dropped_total[static_cast<std::size_t>(Metrics::VoiceDrop::rate)].load();
  for (std::uint32_t seq = 1; seq <= 150; ++seq) a->send(voice_frame(seq, fake_opus(seq)));
  int limited = 0;
  const auto deadline = std::chrono::steady_clock::now() + 600ms;
  while (std::chrono::steady_clock::now() < deadline) {
    auto e = a->next(100ms);
    if (e && e->has_error() && e->error().code() == v1::ERROR_CODE_RATE_LIMITED) ++limited;
  }
  EXPECT_EQ(limited, 1);
  EXPECT_GE(metrics.voice_frames_dropped_total[static_cast<std::size_t>(Metrics::VoiceDrop::rate)]
                    .load() -
                rate_before,
            100u);
  EXPECT_FALSE(a->closed());
  v1::Envelope ping;
  ping.mutable_ping()->set_client_time_us(1);
  auto pong = a->request(ping);
  ASSERT_TRUE(pong && pong->has_pong());
  // Someone else is unharmed: they join and are answered.
  auto late = server.join("늦게", "lobby");
  ASSERT_TRUE(late->request(ping));
  EXPECT_FALSE(b->closed());
}

// Whether `e` is a frame that moves `who` to `to`.
bool moves(const v1::Envelope& e, std::uint64_t who, TilePos to) {
  if (!e.has_frame()) return false;
  bool found = false;
  proto::for_each_move(e.frame(), [&](const proto::FrameMove& m) {
    found = found || (m.user_id == who && m.x == to.x && m.y == to.y);
  });
  return found;
}

TEST(VoiceE2E, AListenerWhoStopsReadingDelaysNobodysMoves) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  StalledClient stalled(server.port());  // joins, then never reads again
  v1::Joined ja, jb;
  auto a = server.join("에이", "lobby", &ja);
  std::optional<TilePos> stalled_spot;
  for (const auto& avatar : ja.room().avatars()) {
    if (avatar.user_id() != ja.user_id()) stalled_spot = TilePos{avatar.x(), avatar.y()};
  }
  ASSERT_TRUE(stalled_spot) << "A should see the stalled client";
  const TilePos stalled_at = *stalled_spot;
  auto b = server.join("비", "lobby", &jb);
  // A and B stand next to each other and within earshot of the stalled listener.
  TilePos a_at{}, b_at{};
  bool found = false;
  for (int dy = -2; dy <= 2 && !found; ++dy) {
    for (int dx = -2; dx <= 1 && !found; ++dx) {
      const TilePos p{stalled_at.x + dx, stalled_at.y + dy};
      const TilePos q{p.x + 1, p.y};
      if (p == stalled_at || q == stalled_at || !lobby.walkable(p) || !lobby.walkable(q)) continue;
      a_at = p;
      b_at = q;
      found = true;
    }
  }
  ASSERT_TRUE(found);
  walk(*a, lobby, position(ja), a_at);
  walk(*b, lobby, position(jb), b_at);
  // B steps back and forth between two tiles while A talks with big frames that the stalled
  // listener's full socket cannot take: every step of B reaches A promptly all the same.
  const TilePos b_other{b_at.x, b_at.y + (lobby.walkable({b_at.x, b_at.y + 1}) ? 1 : -1)};
  ASSERT_TRUE(lobby.walkable(b_other));
  const std::string big(500, 'v');
  std::chrono::steady_clock::duration worst{};
  std::uint32_t seq = 0;
  for (int step = 0; step < 20; ++step) {
    for (int i = 0; i < 5; ++i) {
      a->send(voice_frame(++seq, big));
      std::this_thread::sleep_for(20ms);
    }
    const TilePos to = step % 2 == 0 ? b_other : b_at;
    const auto sent = std::chrono::steady_clock::now();
    b->send(move_to(to));
    auto seen = a->wait_for([&](const v1::Envelope& e) { return moves(e, jb.user_id(), to); }, 2s);
    ASSERT_TRUE(seen) << "step " << step;
    worst = std::max(worst, std::chrono::steady_clock::now() - sent);
  }
  EXPECT_LT(worst, 500ms) << "a move took "
                          << std::chrono::duration_cast<std::chrono::milliseconds>(worst).count()
                          << " ms to reach its neighbour";
  auto& metrics = server.server().metrics();
  // Whether the stalled listener's voice queue dropped anything depends on how much the
  // loopback socket buffers absorb (about 1 MB here), so it is not asserted: what matters is
  // that the moves above were prompt and that voice closed nobody.
  EXPECT_EQ(metrics.slow_client_closes_total.load(), 0u);  // voice alone closes nobody
}

}  // namespace
}  // namespace moim::e2e
