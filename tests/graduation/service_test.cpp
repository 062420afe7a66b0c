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
  std::vector<RosterImportResult::NewCode> codes;

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
    return sha256_hex(normalize_invite_code(codes.at(i).invite_code));
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
  // How many keys and facts are stored, to show a refused request wrote nothing.
  std::string facts() const {
    std::string out;
    for (const char* table :
         {"grad_requests", "grad_checkins", "grad_colors", "grad_exchanges", "grad_card_swaps"}) {
      out += count(table) + " ";
    }
    return out;
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
  EXPECT_EQ(again->unchanged, 0);
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
  // The same file again changes nothing, and says so.
  auto same = v.service->import_roster(
      "name,email,cohort,company\n김민지,minji@x.io,c3,Toss\nDa,da@x.io,c4,\n");
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_EQ(same->updated, 0);
  EXPECT_EQ(same->unchanged, 2);
  EXPECT_EQ(same->created, 0);
}

TEST(Service, RetriedRequestsWriteOnce) {
  Venue v;
  v.ready(0);
  v.ready(1);
  auto again = v.service->check_in({100, false, 100, v.hash(0), 0, true}, "k-in", kNow);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(v.count("grad_checkins"), "2");
  auto repick = v.service->pick(100, 0, true, "k-pick");  // same key, same ask: the first answer
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

TEST(Service, ACheckInKeyReusedForAnotherCheckInIsAConflict) {
  Venue v;
  const UserId host = 1;
  ASSERT_TRUE(v.service->check_in({100, false, 100, v.hash(0), 0, true}, "k", kNow));
  const auto before = v.facts();
  // The same key asking to check in as another graduate, by code or by a host naming the entry.
  auto other_code = v.service->check_in({100, false, 100, v.hash(1), 0, true}, "k", kNow);
  ASSERT_FALSE(other_code);
  EXPECT_EQ(other_code.error().code, Errc::conflict);
  EXPECT_EQ(other_code.error().message, "that request key was used for a different request");
  const auto other_entry = v.codes.at(2).roster_id;
  auto by_host = v.service->check_in({host, true, 100, "", other_entry, true}, "k", kNow);
  ASSERT_FALSE(by_host);
  EXPECT_EQ(by_host.error().code, Errc::conflict);
  EXPECT_EQ(v.facts(), before);
  EXPECT_EQ(v.service->counts().arrived, 1u);
  // The same request again is the earlier check-in, even when the desk is no longer under foot.
  auto again = v.service->check_in({100, false, 100, v.hash(0), 0, false}, "k", kNow);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->roster_id, v.codes.at(0).roster_id);
  EXPECT_EQ(v.facts(), before);
}

TEST(Service, AColourKeyReusedForAnotherColourIsAConflict) {
  Venue v;
  ASSERT_TRUE(v.service->check_in({100, false, 100, v.hash(0), 0, true}, "in", kNow));
  ASSERT_TRUE(v.service->check_in({101, false, 101, v.hash(1), 0, true}, "in", kNow));
  auto first = v.service->pick(100, 1, true, "k2");
  ASSERT_TRUE(first);
  const auto before = v.facts();
  auto other = v.service->pick(100, 0, true, "k2");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, Errc::conflict);
  auto suggested = v.service->pick(100, std::nullopt, true, "k2");  // the suggestion is an ask
  ASSERT_FALSE(suggested);
  EXPECT_EQ(suggested.error().code, Errc::conflict);
  auto same = v.service->pick(100, 1, true, "k2");
  ASSERT_TRUE(same);
  EXPECT_EQ(*same, 1);
  EXPECT_EQ(v.facts(), before);
  EXPECT_EQ(v.service->state(100).color, 1);
  // "Suggested" is remembered as asked: a retry gets the colour it was given.
  auto given = v.service->pick(101, std::nullopt, true, "s");
  ASSERT_TRUE(given);
  auto retry = v.service->pick(101, std::nullopt, true, "s");
  ASSERT_TRUE(retry);
  EXPECT_EQ(*retry, *given);
  auto explicit_color = v.service->pick(101, *given, true, "s");
  ASSERT_FALSE(explicit_color);
  EXPECT_EQ(explicit_color.error().code, Errc::conflict);
}

// B accepts A's offer with a key, then C's offer with the same key: refused, C's offer stays.
void expect_accept_key_guarded(OfferKind kind) {
  Venue v;
  v.ready(0);  // A = 100, red
  v.ready(1);  // B = 101, green
  v.ready(2);  // C = 102, red
  auto from_a = v.service->offer(kind, 100, 101, together(), kNow);
  auto from_c = v.service->offer(kind, 102, 101, together(), kNow);
  ASSERT_TRUE(from_a && from_c);
  auto first = v.service->accept(from_a->id, 101, "K", together(), kNow);
  ASSERT_TRUE(first) << first.error().message;
  const auto before = v.facts();
  auto reused = v.service->accept(from_c->id, 101, "K", together(), kNow);
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, Errc::conflict);
  EXPECT_EQ(v.facts(), before);
  auto retry = v.service->accept(from_a->id, 101, "K", together(), kNow);
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->id, first->id);
  EXPECT_EQ(retry->from, 100u);
  EXPECT_EQ(v.facts(), before);
  auto fresh = v.service->accept(from_c->id, 101, "K-2", together(), kNow);  // still open
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_EQ(fresh->from, 102u);
  EXPECT_EQ(v.service->state(101).met, 2u);
}

TEST(Service, AnExchangeKeyReusedForAnotherOfferIsAConflict) {
  expect_accept_key_guarded(OfferKind::exchange);
}

TEST(Service, ACardSwapKeyReusedForAnotherOfferIsAConflict) {
  expect_accept_key_guarded(OfferKind::card);
}

TEST(Service, KeysStoredBeforeDigestsAreJudgedByTheirKind) {
  Venue v;
  v.ready(0);
  v.ready(1);
  // As a database upgraded from before digests holds them.
  raw_value(v.dir.file("moim.db"), "UPDATE grad_requests SET digest = NULL");
  auto repick = v.service->pick(100, 1, true, "k-pick");
  ASSERT_TRUE(repick) << repick.error().message;
  EXPECT_EQ(*repick, 0);  // the earlier colour, as before digests
  auto other_kind = v.service->accept(1, 100, "k-pick", together(), kNow);
  ASSERT_FALSE(other_kind);
  EXPECT_EQ(other_kind.error().code, Errc::conflict);
  auto again = v.service->check_in({100, false, 100, v.hash(0), 0, true}, "k-in", kNow);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
}

TEST(Service, AReissuedCodeReplacesTheOldOneAndKeepsTheAccount) {
  Venue v;
  const auto& ana = v.codes.at(0);
  auto joined = v.db->redeem_invite(ana.invite_code, "김민지", "");
  ASSERT_TRUE(joined);
  v.service->note_login(joined->id, v.hash(0));
  auto reissued = v.service->reissue_code(ana.roster_id);
  ASSERT_TRUE(reissued) << reissued.error().message;
  EXPECT_TRUE(reissued->joined);
  EXPECT_NE(reissued->invite_code, ana.invite_code);
  const auto new_hash = sha256_hex(normalize_invite_code(reissued->invite_code));
  const auto db = v.dir.file("moim.db");
  EXPECT_EQ(raw_value(db, "SELECT invite_hash FROM grad_roster WHERE id = " +
                              std::to_string(ana.roster_id)),
            new_hash);
  EXPECT_EQ(raw_value(db, "SELECT COUNT(*) FROM invites WHERE code_hash = '" + v.hash(0) + "'"),
            "0");
  // The old code opens nothing; the new one with the same name is the same person.
  auto old_code = v.db->redeem_invite(ana.invite_code, "김민지", "");
  ASSERT_FALSE(old_code);
  EXPECT_EQ(old_code.error().code, Errc::invalid_invite);
  auto back = v.db->redeem_invite(reissued->invite_code, "김민지", "");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->id, joined->id);
  auto stranger = v.db->redeem_invite(reissued->invite_code, "Someone else", "");
  ASSERT_FALSE(stranger);  // still single-use
  // Checking in still works: by the login made before the reissue, and by the new code.
  auto by_old = v.service->check_in({joined->id, false, joined->id, v.hash(0), 0, true}, "", kNow);
  ASSERT_FALSE(by_old);
  EXPECT_EQ(by_old.error().code, Errc::not_on_roster);
  auto by_login = v.service->check_in({joined->id, false, joined->id, "", 0, true}, "", kNow);
  ASSERT_TRUE(by_login) << by_login.error().message;
  EXPECT_EQ(by_login->roster_id, ana.roster_id);
  auto by_new = v.service->check_in({joined->id, false, joined->id, new_hash, 0, true}, "", kNow);
  ASSERT_TRUE(by_new);
  EXPECT_TRUE(by_new->already);
  // Before anyone joins, a reissue says so; an unknown graduate is refused.
  auto unused = v.service->reissue_code(v.codes.at(1).roster_id);
  ASSERT_TRUE(unused);
  EXPECT_FALSE(unused->joined);
  auto missing = v.service->reissue_code(999);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::not_on_roster);
  v.open();  // and it all survives a restart
  auto after = v.service->check_in({5, false, 5, new_hash, 0, true}, "", kNow);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, Errc::forbidden);  // taken by the account that joined
}

TEST(Service, AHostChecksInByRosterIdOnce) {
  Venue v;
  const auto& bo = v.codes.at(1);
  auto early = v.service->check_in_roster(bo.roster_id, kNow);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, Errc::not_joined);
  auto joined = v.db->redeem_invite(bo.invite_code, "Bo", "");
  ASSERT_TRUE(joined);
  auto done = v.service->check_in_roster(bo.roster_id, kNow);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_FALSE(done->already);
  EXPECT_EQ(done->user, joined->id);
  EXPECT_EQ(done->name, "Bo");
  auto again = v.service->check_in_roster(bo.roster_id, kNow + 1);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->user, joined->id);
  EXPECT_EQ(v.count("grad_checkins"), "1");
  EXPECT_TRUE(v.service->state(joined->id).checked_in);
  auto missing = v.service->check_in_roster(999, kNow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::not_on_roster);
}

}  // namespace
}  // namespace moim::graduation
