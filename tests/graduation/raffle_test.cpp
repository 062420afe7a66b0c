#include <gtest/gtest.h>

#include <set>

#include "graduation/raffle.hpp"

namespace moim::graduation {
namespace {

Seed fixed_seed(std::uint8_t start) {
  Seed s{};
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(start + i);
  return s;
}

TEST(Raffle, CommitmentIsSha256OfTheSeed) {
  Seed zeros{};
  // SHA-256 of 32 zero bytes, a published test value.
  EXPECT_EQ(commitment_of(zeros),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
  const auto seed = random_seed().value();
  EXPECT_NE(seed, random_seed().value());
  auto back = seed_from_hex(seed_hex(seed));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, seed);
  EXPECT_FALSE(seed_from_hex("zz"));
  EXPECT_FALSE(seed_from_hex(std::string(64, 'g')));
}

TEST(Raffle, TicketsAreSortedLinesPerPerson) {
  const auto lines = ticket_lines({{3, 1}, {10, 2}});
  EXPECT_EQ(lines, (std::vector<std::string>{"3:1", "10:1", "10:2"}));
  // SHA-256("3:1\n10:1\n10:2") computed independently of this code (sha256sum).
  EXPECT_EQ(tickets_digest(lines),
            "24daddc3f02bdc692c444b516c4f8339a8467a7fb50337b6e7064cd9352c2cdb");
}

TEST(Raffle, DrawIsDeterministicDistinctAndDependsOnTheSeed) {
  const auto tickets = ticket_lines({{1, 1}, {2, 3}, {3, 1}, {4, 1}, {5, 2}, {6, 1}});
  const auto a = draw_winners(fixed_seed(1), tickets, 3);
  EXPECT_EQ(a, draw_winners(fixed_seed(1), tickets, 3));
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(std::set<std::uint64_t>(a.begin(), a.end()).size(), 3u);
  // Asking for more winners than people gives everyone, once.
  const auto all = draw_winners(fixed_seed(1), tickets, 100);
  EXPECT_EQ(std::set<std::uint64_t>(all.begin(), all.end()),
            (std::set<std::uint64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_TRUE(draw_winners(fixed_seed(1), {}, 3).empty());
  int differs = 0;
  for (std::uint8_t s = 2; s < 12; ++s) differs += draw_winners(fixed_seed(s), tickets, 3) != a;
  EXPECT_GT(differs, 0);
}

TEST(Raffle, MoreTicketsWinMoreOften) {
  // Person 1 has 9 tickets, person 2 one: over 200 seeds person 1 should win most draws.
  const auto tickets = ticket_lines({{1, 9}, {2, 1}});
  int ones = 0;
  for (int s = 0; s < 200; ++s)
    ones += draw_winners(fixed_seed(static_cast<std::uint8_t>(s)), tickets, 1)[0] == 1;
  EXPECT_GT(ones, 150);
  EXPECT_LT(ones, 200);
}

}  // namespace
}  // namespace moim::graduation
