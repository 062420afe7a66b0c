// The hub and room hosts driven with fake links and a readable encoder: no sockets, no
// protobuf. Each test runs the io_context until what it waits for has been delivered.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>

#include "app/hub.hpp"
#include "core/secret_hash.hpp"
#include "fake_link.hpp"
#include "store/sqlite_store.hpp"
#include "text_encoder.hpp"

namespace moim::app::test {
namespace {

// A feature that says what happened to it, so the seam itself is under test.
class ProbeFeature final : public RoomFeature {
 public:
  explicit ProbeFeature(std::vector<std::string>& log) : log_(log) {}
  FeatureTag tag() const override { return {"probe", "42"}; }
  void entered(FeatureRoom& room, const Identity& who) override {
    log_.push_back("entered " + std::to_string(who.id) + " " + room.id());
  }
  void left(FeatureRoom&, room::UserId who) override {
    log_.push_back("left " + std::to_string(who));
  }
  bool handle(FeatureRoom& room, const Identity& who, std::uint32_t request_id,
              const FeatureRequest&) override {
    room.send(who.id, room.encoder().ack(request_id));
    return true;
  }

 private:
  std::vector<std::string>& log_;
};

// Every room is one of the maps' own, open to everyone.
class OpenGate final : public RoomGate {
 public:
  std::optional<std::string> instance_of(std::string_view) override { return std::nullopt; }
  Status check_enter(const Identity&, std::string_view) override { return ok(); }
};

class HubTest : public ::testing::Test {
 protected:
  HubTest()
      : dir_(std::filesystem::temp_directory_path() / ("moim-hub-test-" + random_token(6).value())),
        store_(
            (std::filesystem::create_directories(dir_), store::open_sqlite_store(dir_ / "t.db"))),
        maps_(world::MapSet::load_dir(MOIM_SOURCE_MAPS_DIR)),
        graduation_(store_->graduation(), graduation::GameRules{}, 1) {
    // The hall's map lists "stage"; here that name means the probe.
    features_.add("stage", [this](const std::string&) {
      return std::make_unique<ProbeFeature>(feature_log_);
    });
    hub_ = std::make_unique<Hub>(
        io_, config(),
        HubParts{*store_, maps_, metrics_, encoder_, graduation_, features_, gate_, directory_});
  }
  ~HubTest() override {
    hub_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static ServerConfig config() {
    ServerConfig c;
    c.flush_min = std::chrono::milliseconds(1);
    return c;
  }

  // Runs the server's work until `done` holds (or two seconds pass).
  bool run_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      io_.restart();
      io_.run_for(std::chrono::milliseconds(5));
    }
    return true;
  }

  std::shared_ptr<FakeLink> enter(store::UserId id, const std::string& room_id,
                                  room::ArrivalKind kind = room::ArrivalKind::join) {
    auto link = std::make_shared<FakeLink>("token-" + std::to_string(id));
    room::Arrival arrival;
    arrival.kind = kind;
    hub_->enter(link, Identity{id, "person " + std::to_string(id), store::Role::attendee},
                *hub_->room(room_id), arrival, 1);
    EXPECT_TRUE(run_until([&] { return link->got("welcome"); })) << "no welcome in " << room_id;
    return link;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  world::MapSet maps_;
  Metrics metrics_;
  TextEncoder encoder_;
  graduation::Service graduation_;
  FeatureRegistry features_;
  OpenGate gate_;
  Directory directory_;
  std::vector<std::string> feature_log_;
  boost::asio::io_context io_;
  std::unique_ptr<Hub> hub_;
};

TEST_F(HubTest, AWelcomeListsTheRoomsFeaturesFromItsMap) {
  auto lobby = enter(1, "lobby");
  EXPECT_TRUE(lobby->got("welcome lobby you:1@")) << lobby->received().front();
  EXPECT_TRUE(lobby->received().front().ends_with("features:"));  // the lobby lists none
  auto hall = enter(2, "hall");
  EXPECT_TRUE(hall->received().front().ends_with("features:probe=42"));
  EXPECT_EQ(hub_->room("hall")->features().size(), 1u);
}

TEST_F(HubTest, FeaturesHearWhoEntersAndLeaves) {
  auto link = enter(7, "hall");
  ASSERT_TRUE(run_until([&] { return !feature_log_.empty(); }));
  EXPECT_EQ(feature_log_.front(), "entered 7 hall");
  hub_->room("hall")->leave(7, link.get(), room::LeaveReason::left);
  ASSERT_TRUE(run_until([&] { return feature_log_.size() == 2; }));
  EXPECT_EQ(feature_log_.back(), "left 7");
}

TEST_F(HubTest, AFeatureRequestReachesTheFeatureOrIsRefusedWhereThereIsNone) {
  auto in_hall = enter(1, "hall");
  hub_->room("hall")->feature_request({1, "person 1", store::Role::attendee}, 9, {});
  EXPECT_TRUE(run_until([&] { return in_hall->got("ack 9"); }));
  auto in_lobby = enter(2, "lobby");
  hub_->room("lobby")->feature_request({2, "person 2", store::Role::attendee}, 10, {});
  EXPECT_TRUE(run_until([&] { return in_lobby->got("error 10"); }));
}

TEST_F(HubTest, AStepIsSeenByWhoeverStandsNearby) {
  auto walker = enter(1, "lobby");
  auto watcher = enter(2, "lobby");
  ASSERT_TRUE(
      run_until([&] { return watcher->got("frame upsert:1") || walker->got("frame upsert:2"); }));
  const auto me = hub_->room("lobby");
  // One of the four neighbouring tiles is free: try them until a step is not refused.
  std::optional<room::AvatarView> where;
  me->locate(1, [&](auto avatar) { where = avatar; });
  ASSERT_TRUE(run_until([&] { return where.has_value(); }));
  const world::TilePos steps[] = {{where->pos.x + 1, where->pos.y},
                                  {where->pos.x - 1, where->pos.y},
                                  {where->pos.x, where->pos.y + 1},
                                  {where->pos.x, where->pos.y - 1}};
  std::uint32_t seq = 0;
  for (const auto& to : steps) {
    me->move(1, {to, world::Direction::down, ++seq});
    const auto seen = "move:1@" + std::to_string(to.x) + "," + std::to_string(to.y);
    if (run_until([&] {
          for (const auto& m : watcher->received()) {
            if (m.find(seen) != std::string::npos) return true;
          }
          return walker->got("move_refused " + std::to_string(seq));
        }) &&
        !walker->got("move_refused " + std::to_string(seq))) {
      return;  // the watcher saw the step
    }
  }
  FAIL() << "no step from " << where->pos.x << "," << where->pos.y << " was seen";
}

TEST_F(HubTest, ADirectMessageFindsItsRecipientInAnotherRoom) {
  auto sender = enter(1, "lobby");
  auto recipient = enter(2, "hall");
  hub_->room("lobby")->chat(1, 5, {room::ChatScope::direct, "hello there", 2});
  EXPECT_TRUE(run_until([&] { return recipient->got("chat 1 hello there"); }));
  EXPECT_TRUE(run_until([&] { return sender->got("ack 5"); }));
}

TEST_F(HubTest, SigningInAgainClosesTheEarlierConnection) {
  auto first = enter(3, "lobby");
  auto second = enter(3, "lobby");
  EXPECT_EQ(first->closed(), CloseCode::replaced);
  EXPECT_FALSE(second->closed().has_value());
  EXPECT_EQ(hub_->online().size(), 1u);
}

TEST_F(HubTest, APortalToNowhereIsRefusedAndTheLinkDetached) {
  auto link = std::make_shared<FakeLink>();
  room::Arrival arrival;
  arrival.kind = room::ArrivalKind::portal;
  arrival.avatar.id = 4;
  hub_->portal(link, arrival, "no-such-room", "", 12);
  EXPECT_TRUE(link->got("error 12"));
  EXPECT_EQ(link->room(), nullptr);
}

}  // namespace
}  // namespace moim::app::test
