#include <gtest/gtest.h>

#include "graduation/game.hpp"

namespace moim::graduation {
namespace {

constexpr std::int64_t kNow = 1'000'000;

// A game with a three-colour palette and graduates 1..n on the roster (roster id = user id,
// invite hash "h<id>"), optionally checked in and with colour (id - 1) % 3.
struct Day {
  Game game{GameRules{5, 60000, 4}};

  explicit Day(int n) {
    EXPECT_TRUE(game.set_palette({{"red", 0xFF0000}, {"green", 0x00FF00}, {"blue", 0x0000FF}}));
    std::vector<RosterEntry> roster;
    for (int i = 1; i <= n; ++i) {
      roster.push_back({i, "P" + std::to_string(i), "p" + std::to_string(i) + "@x.io", "c", "",
                        "h" + std::to_string(i)});
    }
    game.set_roster(roster);
  }
  void check_in(UserId id) {
    auto plan = game.plan_check_in({id, false, id, "h" + std::to_string(id), 0, true});
    ASSERT_TRUE(plan) << plan.error().message;
    game.apply_check_in(*plan, kNow);
  }
  void pick(UserId id, int color) {
    auto plan = game.plan_pick(id, color, true);
    ASSERT_TRUE(plan) << plan.error().message;
    game.apply_pick(*plan);
  }
  void ready(UserId id, int color) {
    check_in(id);
    pick(id, color);
  }
  Result<SwapPlan> swap(OfferKind kind, UserId a, UserId b, Place pa = {"f", {1, 1}},
                        Place pb = {"f", {2, 1}}) {
    auto offer = game.open_offer(kind, a, b, pa, pb, kNow);
    if (!offer) return offer.error();
    auto plan = game.plan_accept(offer->id, b, pa, pb, kNow + 10);
    if (plan) game.apply_swap(*plan);
    return plan;
  }
};

Place at(int x, int y, std::string room = "f") {
  return {std::move(room), {x, y}};
}

TEST(CheckIn, SelfServiceWithTheInviteCodeAtTheDesk) {
  Day d(2);
  auto plan = d.game.plan_check_in({1, false, 1, "h1", 0, true});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->roster_id, 1);
  EXPECT_FALSE(d.game.checked_in(1));  // planning changes nothing
  d.game.apply_check_in(*plan, kNow);
  EXPECT_TRUE(d.game.checked_in(1));
  EXPECT_EQ(d.game.roster().at(1).user, 1u);
  EXPECT_EQ(d.game.roster().at(1).checked_in_at_ms, kNow);
  EXPECT_TRUE(d.game.look(1).graduate);
  EXPECT_FALSE(d.game.look(2).graduate);
  auto again = d.game.plan_check_in({1, false, 1, "h1", 0, true});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
}

TEST(CheckIn, RefusesWhoIsNotOnTheRosterOrNotAtTheDesk) {
  Day d(2);
  auto stranger = d.game.plan_check_in({9, false, 9, "nope", 0, true});
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, Errc::not_on_roster);
  auto away = d.game.plan_check_in({1, false, 1, "h1", 0, false});
  ASSERT_FALSE(away);
  EXPECT_EQ(away.error().code, Errc::wrong_place);
  EXPECT_FALSE(d.game.checked_in(9));
  EXPECT_FALSE(d.game.checked_in(1));
}

TEST(CheckIn, OnlyHostsCheckInOthersAndAnEntryIsUsedOnce) {
  Day d(2);
  auto not_host = d.game.plan_check_in({1, false, 2, "h2", 0, true});
  ASSERT_FALSE(not_host);
  EXPECT_EQ(not_host.error().code, Errc::forbidden);
  auto by_host = d.game.plan_check_in({50, true, 2, "", 2, true});
  ASSERT_TRUE(by_host);
  d.game.apply_check_in(*by_host, kNow);
  auto thief = d.game.plan_check_in({7, false, 7, "h2", 0, true});  // someone else's code
  ASSERT_FALSE(thief);
  EXPECT_EQ(thief.error().code, Errc::forbidden);
  auto unknown = d.game.plan_check_in({50, true, 3, "", 99, true});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::not_on_roster);
}

TEST(CheckIn, HostUsesTheInviteTheGuestJoinedWith) {
  Day d(2);
  d.game.note_login(5, "h1");
  d.game.note_login(6, "not-a-roster-code");
  auto plan = d.game.plan_check_in({50, true, 5, "", 0, true});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->roster_id, 1);
  auto none = d.game.plan_check_in({50, true, 6, "", 0, true});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, Errc::not_on_roster);
}

TEST(Pick, AtTheBoothOnceAndTheSuggestionBalances) {
  Day d(4);
  auto before = d.game.plan_pick(1, 0, true);
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, Errc::not_checked_in);
  for (UserId id = 1; id <= 4; ++id) d.check_in(id);
  auto away = d.game.plan_pick(1, 0, false);
  ASSERT_FALSE(away);
  EXPECT_EQ(away.error().code, Errc::wrong_place);
  auto bad = d.game.plan_pick(1, 7, true);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::unknown_color);
  d.pick(1, 0);
  d.pick(2, 1);
  EXPECT_EQ(d.game.suggested_color(), 2u);
  auto suggested = d.game.plan_pick(3, std::nullopt, true);  // no choice: the suggestion
  ASSERT_TRUE(suggested);
  EXPECT_EQ(suggested->color, 2);
  auto second = d.game.plan_pick(1, 2, true);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::color_already_picked);
  EXPECT_EQ(d.game.person(1)->color, 0);
  EXPECT_EQ(d.game.look(1).ribbon, 0xFF0000u);
  auto repaint = d.game.set_palette({{"a", 1}, {"b", 2}});
  ASSERT_FALSE(repaint);
  EXPECT_EQ(d.game.palette().size(), 3u);
}

TEST(Exchange, NearbyDifferentColoursSwapStickers) {
  Day d(2);
  d.ready(1, 0);
  d.ready(2, 1);
  auto offer = d.game.open_offer(OfferKind::exchange, 1, 2, at(10, 10), at(13, 14), kNow);
  ASSERT_TRUE(offer) << offer.error().message;  // distance exactly 5: inside
  EXPECT_EQ(offer->expires_at_ms, kNow + 60000);
  auto plan = d.game.plan_accept(offer->id, 2, at(10, 10), at(13, 14), kNow + 1000);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->from_color, 0);
  EXPECT_EQ(plan->to_color, 1);
  EXPECT_TRUE(d.game.person(1)->exchanged.empty());  // not applied yet
  d.game.apply_swap(*plan);
  EXPECT_EQ(d.game.person(1)->held, (std::vector<int>{0, 1}));
  EXPECT_EQ(d.game.person(2)->held, (std::vector<int>{0, 1}));
  EXPECT_EQ(d.game.person(1)->met(), 1u);
  EXPECT_FALSE(d.game.find_offer(offer->id));
}

TEST(Exchange, RefusesEachBadPairing) {
  Day d(5);
  d.ready(1, 0);
  d.ready(2, 1);
  d.ready(3, 0);
  d.check_in(4);  // no colour
  auto expect = [&](UserId a, UserId b, Errc code, Place pa = at(1, 1), Place pb = at(2, 1)) {
    auto offer = d.game.open_offer(OfferKind::exchange, a, b, pa, pb, kNow);
    ASSERT_FALSE(offer) << a << "→" << b;
    EXPECT_EQ(offer.error().code, code) << offer.error().message;
  };
  expect(1, 1, Errc::with_yourself);
  expect(1, 3, Errc::same_color);
  expect(1, 4, Errc::no_color);
  expect(1, 5, Errc::not_checked_in);
  expect(5, 1, Errc::not_checked_in);
  expect(1, 2, Errc::not_near, at(1, 1), at(7, 1));                 // six tiles apart
  expect(1, 2, Errc::not_near, at(1, 1), at(1, 2, "other-floor"));  // another room
  auto gone = d.game.open_offer(OfferKind::exchange, 1, 2, at(1, 1), std::nullopt, kNow);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, Errc::not_near);
  ASSERT_TRUE(d.swap(OfferKind::exchange, 1, 2));
  expect(1, 2, Errc::already_exchanged);
  expect(2, 1, Errc::already_exchanged);  // a pair is unordered
  EXPECT_EQ(d.game.person(1)->exchanged.size(), 1u);
}

TEST(Exchange, AcceptChecksOfferOwnerExpiryAndCopresenceAgain) {
  Day d(3);
  d.ready(1, 0);
  d.ready(2, 1);
  d.ready(3, 2);
  auto offer = d.game.open_offer(OfferKind::exchange, 1, 2, at(1, 1), at(2, 1), kNow);
  ASSERT_TRUE(offer);
  auto stolen = d.game.plan_accept(offer->id, 3, at(1, 1), at(2, 1), kNow);
  ASSERT_FALSE(stolen);
  EXPECT_EQ(stolen.error().code, Errc::no_such_offer);
  auto unknown = d.game.plan_accept(4242, 2, at(1, 1), at(2, 1), kNow);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::no_such_offer);
  // The offerer walked away before the answer: refused, the offer stays for when they return.
  auto walked = d.game.plan_accept(offer->id, 2, at(20, 20), at(2, 1), kNow);
  ASSERT_FALSE(walked);
  EXPECT_EQ(walked.error().code, Errc::not_near);
  EXPECT_TRUE(d.game.find_offer(offer->id));
  auto late = d.game.plan_accept(offer->id, 2, at(1, 1), at(2, 1), kNow + 60000);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, Errc::offer_expired);
  EXPECT_FALSE(d.game.find_offer(offer->id));
  EXPECT_TRUE(d.game.person(2)->exchanged.empty());
}

TEST(Exchange, RepeatedOfferRenewsAndOpenOffersAreBounded) {
  Day d(7);
  d.ready(1, 0);
  for (UserId id = 2; id <= 7; ++id) d.ready(id, 1);
  auto first = d.game.open_offer(OfferKind::exchange, 1, 2, at(1, 1), at(2, 1), kNow);
  auto again = d.game.open_offer(OfferKind::exchange, 1, 2, at(1, 1), at(2, 1), kNow + 5);
  ASSERT_TRUE(first && again);
  EXPECT_EQ(first->id, again->id);
  EXPECT_EQ(again->expires_at_ms, kNow + 5 + 60000);
  for (UserId id = 3; id <= 5; ++id) {
    ASSERT_TRUE(d.game.open_offer(OfferKind::exchange, 1, id, at(1, 1), at(2, 1), kNow));
  }
  auto flood = d.game.open_offer(OfferKind::exchange, 1, 6, at(1, 1), at(2, 1), kNow);
  ASSERT_FALSE(flood);  // max_open_offers is 4 in this game
  EXPECT_EQ(flood.error().code, Errc::rate_limited);
  EXPECT_EQ(d.game.expire_offers(kNow + 60005).size(), 4u);
  EXPECT_TRUE(d.game.open_offer(OfferKind::exchange, 1, 6, at(1, 1), at(2, 1), kNow + 60005));
}

TEST(Completion, AllColoursCompleteTheCardAndEarnAMedalAndTickets) {
  Day d(5);
  d.ready(1, 0);
  d.ready(2, 1);
  d.ready(3, 2);
  d.ready(4, 1);
  ASSERT_TRUE(d.swap(OfferKind::exchange, 1, 2));
  EXPECT_FALSE(d.game.person(1)->complete);
  EXPECT_FALSE(d.game.look(1).medal);
  ASSERT_TRUE(d.swap(OfferKind::exchange, 3, 1));
  EXPECT_TRUE(d.game.person(1)->complete);
  EXPECT_TRUE(d.game.look(1).medal);
  EXPECT_FALSE(d.game.person(2)->complete);        // 2 holds green and red, not blue
  ASSERT_TRUE(d.swap(OfferKind::exchange, 1, 4));  // a colour held already: still meets 4
  ASSERT_TRUE(d.swap(OfferKind::card, 1, 2));      // a card swap with someone met counts once
  d.check_in(5);
  ASSERT_TRUE(d.swap(OfferKind::card, 5, 1));
  EXPECT_EQ(d.game.person(1)->met(), 4u);
  EXPECT_EQ(d.game.raffle_tickets(0), (std::vector<std::pair<UserId, int>>{{1, 1}}));
  EXPECT_EQ(d.game.raffle_tickets(2), (std::vector<std::pair<UserId, int>>{{1, 3}}));
}

TEST(Cards, SwapNeedsCheckInNearnessAndHappensOncePerPair) {
  Day d(3);
  d.check_in(1);
  d.check_in(2);
  auto far = d.game.open_offer(OfferKind::card, 1, 2, at(1, 1), at(1, 30), kNow);
  ASSERT_FALSE(far);
  EXPECT_EQ(far.error().code, Errc::not_near);
  auto guest = d.game.open_offer(OfferKind::card, 1, 3, at(1, 1), at(1, 2), kNow);
  ASSERT_FALSE(guest);
  EXPECT_EQ(guest.error().code, Errc::not_checked_in);
  ASSERT_TRUE(d.swap(OfferKind::card, 1, 2));  // no colours needed for cards
  EXPECT_EQ(d.game.person(2)->cards, (std::set<UserId>{1}));
  auto twice = d.game.open_offer(OfferKind::card, 2, 1, at(1, 1), at(1, 2), kNow);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::already_exchanged);
}

TEST(Restore, RebuildsStateFromStoredFacts) {
  Game game;
  std::vector<RosterEntry> roster{{1, "A", "a@x.io", "c", "", "h1", 11, kNow},
                                  {2, "B", "b@x.io", "c", "", "h2", 12, kNow},
                                  {3, "C", "c@x.io", "c", "", "h3", 0, 0}};
  game.set_roster(roster);
  game.restore_pick(11, 0);
  game.restore_pick(12, 3);
  game.restore_swap(OfferKind::exchange, 11, 12);
  game.restore_swap(OfferKind::exchange, 12, 11);  // the same pair again is not counted twice
  EXPECT_TRUE(game.checked_in(11));
  EXPECT_FALSE(game.checked_in(0));
  EXPECT_EQ(game.person(11)->held, (std::vector<int>{0, 3}));
  EXPECT_EQ(game.person(11)->met(), 1u);
  EXPECT_EQ(game.picks_per_color()[0], 1);
}

}  // namespace
}  // namespace moim::graduation
