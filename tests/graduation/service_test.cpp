// The graduation service over a real SQLite file: exactly-once writes, restarts, re-imports and
// the raffle draw as stored.
#include <gtest/gtest.h>

#include "../store/temp_db.hpp"
#include "graduation/raffle.hpp"
#include "graduation/service.hpp"
#include "store/sqlite_store.hpp"

namespace moim::graduation {
namespace {

using store::testing::raw_value;
using store::testing::TempDir;

constexpr std::int64_t kNow = 1'700'000'000'000;
const std::string kRoster =
    "name,email,cohort,company\n"
    "김민지,minji@x.io,c3,Kakao\n"
    "Bo,bo@x.io,c3,\n"
    "Cy,cy@x.io,c3,Naver\n";

struct Venue {
  TempDir dir;
  std::unique_ptr<store::Store> db;
  std::unique_ptr<Service> service;
  std::vector<store::RosterImportResult::NewCode> codes;

  Venue() {
    open();
    auto imported = service->import_roster(kRoster);
    EXPECT_TRUE(imported) << imported.error().message;
    if (imported) codes = imported->codes;
    EXPECT_TRUE(service->set_palette({{"red", 0xFF0000}, {"green", 0x00FF00}}));
  }
  void open() {
    service.reset();
    db.reset();
    db = store::open_sqlite_store(dir.file("moim.db"));
    service = std::make_unique<Service>(db->graduation(), GameRules{}, 1);
  }
  std::string hash(std::size_t i) const {
    return store::sha256_hex(store::normalize_invite_code(codes.at(i).invite_code));
  }
  // Checks in graduate i as user 100+i and picks colour i % 2.
  void ready(std::size_t i) {
    const UserId user = 100 + i;
    ASSERT_TRUE(service->check_in({user, false, user, hash(i), 0, true}, "k-in", kNow));
    ASSERT_TRUE(service->pick(user, static_cast<int>(i % 2), true, "k-pick"));
  }
  std::string count(const std::string& table) const {
    return raw_value(dir.file("moim.db"), "SELECT COUNT(*) FROM " + table);
  }
};

PlaceOf together() {
  return [](UserId u) { return Place{"graduation-1f", {10 + static_cast<int>(u % 3), 10}}; };
}

TEST(Service, ImportGivesCodesOnceAndReimportUpdates) {
  Venue v;
  ASSERT_EQ(v.codes.size(), 3u);
  EXPECT_EQ(v.count("grad_roster"), "3");
  auto again = v.service->import_roster(
      "name,email,cohort,company\n김민지,MINJI@x.io,c3,Toss\nDa,da@x.io,c4,\n");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(again->created, 1);
  ASSERT_EQ(again->codes.size(), 1u);  // only the new graduate gets a code
  EXPECT_EQ(again->codes[0].email, "da@x.io");
  EXPECT_EQ(v.count("grad_roster"), "4");
  EXPECT_EQ(raw_value(v.dir.file("moim.db"), "SELECT company FROM grad_roster WHERE id = 1"),
            "Toss");
  // A bad file changes nothing.
  auto bad = v.service->import_roster("name,email,cohort\nEd,ed@x.io\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::invalid_csv);
  EXPECT_EQ(v.count("grad_roster"), "4");
  EXPECT_EQ(v.service->counts().expected, 4u);
}

TEST(Service, RetriedRequestsWriteOnce) {
  Venue v;
  v.ready(0);
  v.ready(1);
  auto again = v.service->check_in({100, false, 100, v.hash(0), 0, true}, "k-in", kNow);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(v.count("grad_checkins"), "2");
  auto repick = v.service->pick(100, 1, true, "k-pick");  // same key: the first answer
  ASSERT_TRUE(repick);
  EXPECT_EQ(*repick, 0);
  auto offer = v.service->offer(OfferKind::exchange, 100, 101, together(), kNow);
  ASSERT_TRUE(offer);
  auto first = v.service->accept(offer->id, 101, "k-acc", together(), kNow + 1);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto retry = v.service->accept(offer->id, 101, "k-acc", together(), kNow + 2);
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->id, first->id);
  EXPECT_EQ(retry->from, 100u);
  EXPECT_EQ(retry->from_color, 0);
  EXPECT_EQ(v.count("grad_exchanges"), "1");
  // A new key for the same pair is a second exchange: refused.
  auto twice = v.service->offer(OfferKind::exchange, 101, 100, together(), kNow);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::already_exchanged);
  auto misuse = v.service->accept(1, 101, "k-pick", together(), kNow);
  ASSERT_FALSE(misuse);
  EXPECT_EQ(misuse.error().code, Errc::conflict);  // k-pick was 101's pick
  EXPECT_FALSE(v.service->accept(1, 101, std::string(65, 'k'), together(), kNow));
}

TEST(Service, StateSurvivesARestart) {
  Venue v;
  v.ready(0);
  v.ready(1);
  auto offer = v.service->offer(OfferKind::exchange, 100, 101, together(), kNow);
  ASSERT_TRUE(offer);
  ASSERT_TRUE(v.service->accept(offer->id, 101, "x", together(), kNow));
  auto card = v.service->offer(OfferKind::card, 101, 100, together(), kNow);
  ASSERT_TRUE(card);
  ASSERT_TRUE(v.service->set_card(101, {"Bo", "Bo Inc", "CTO", {"https://bo.dev"}}));
  ASSERT_TRUE(v.service->accept(card->id, 100, "y", together(), kNow));
  v.open();
  const auto s = v.service->state(100);
  EXPECT_TRUE(s.checked_in);
  EXPECT_EQ(s.name, "김민지");
  EXPECT_EQ(s.color, 0);
  EXPECT_TRUE(s.complete);  // two colours: own + the one received
  EXPECT_EQ(s.met, 1u);
  ASSERT_EQ(s.cards.size(), 1u);
  EXPECT_EQ(s.cards[0].second.role, "CTO");
  EXPECT_TRUE(v.service->look(100).medal);
  EXPECT_NE(v.service->vcards(100).find("TITLE:CTO"), std::string::npos);
  EXPECT_EQ(v.service->palette().size(), 2u);
  EXPECT_EQ(v.service->counts().arrived, 2u);
  auto retry = v.service->accept(offer->id, 101, "x", together(), kNow);  // after the restart
  ASSERT_TRUE(retry);
  EXPECT_TRUE(retry->replayed);
}

TEST(Service, RaffleDrawsOnceAndIsReproducible) {
  Venue v;
  auto none = v.service->create_raffle(1, 0);
  ASSERT_TRUE(none);
  auto empty = v.service->draw(none->id, kNow);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, Errc::raffle_state);
  v.ready(0);
  v.ready(1);
  v.ready(2);
  for (UserId a : {100, 102}) {
    auto offer = v.service->offer(OfferKind::exchange, a, 101, together(), kNow);
    ASSERT_TRUE(offer);
    ASSERT_TRUE(v.service->accept(offer->id, 101, "e" + std::to_string(a), together(), kNow));
  }
  auto raffle = v.service->create_raffle(2, 2);
  ASSERT_TRUE(raffle);
  EXPECT_EQ(raffle->commitment.size(), 64u);
  auto drawn = v.service->draw(raffle->id, kNow);
  ASSERT_TRUE(drawn) << drawn.error().message;
  EXPECT_FALSE(drawn->already);
  // 101 met two people: one extra ticket; 100 and 102 one each.
  EXPECT_EQ(drawn->raffle.tickets, (std::vector<std::string>{"100:1", "101:1", "101:2", "102:1"}));
  ASSERT_EQ(drawn->winners.size(), 2u);
  auto seed = seed_from_hex(drawn->raffle.seed_hex);
  ASSERT_TRUE(seed);
  EXPECT_EQ(commitment_of(*seed), raffle->commitment);
  EXPECT_EQ(draw_winners(*seed, drawn->raffle.tickets, 2), drawn->raffle.winner_ids);
  auto again = v.service->draw(raffle->id, kNow + 5);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->raffle.winner_ids, drawn->raffle.winner_ids);
  auto missing = v.service->draw(999, kNow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::raffle_state);
  const auto csv = v.service->results_csv();
  EXPECT_NE(csv.find("김민지,minji@x.io,c3,Kakao,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("raffle " + std::to_string(raffle->id)), std::string::npos);
  EXPECT_EQ(v.service->leaderboard(10).front().user, 101u);
}

}  // namespace
}  // namespace moim::graduation
