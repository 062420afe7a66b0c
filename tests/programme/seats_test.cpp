#include "programme/seats.hpp"

#include <gtest/gtest.h>

#include <random>

namespace moim::programme {
namespace {

TEST(Seats, FirstComeThenWaitlist) {
  SeatLedger seats(2);
  EXPECT_EQ(seats.book(1)->status, SeatStatus::confirmed);
  EXPECT_EQ(seats.book(2)->status, SeatStatus::confirmed);
  auto third = seats.book(3);
  EXPECT_EQ(third->status, SeatStatus::waitlisted);
  EXPECT_EQ(third->waitlist_position, 1);
  EXPECT_EQ(seats.book(4)->waitlist_position, 2);
  EXPECT_EQ(seats.book(2).error().code, Errc::already_booked);
}

TEST(Seats, CancelMovesTheWaitlistUp) {
  SeatLedger seats(1);
  ASSERT_TRUE(seats.book(1));
  ASSERT_TRUE(seats.book(2));
  ASSERT_TRUE(seats.book(3));
  EXPECT_EQ(*seats.cancel(1), 2u);
  EXPECT_EQ(seats.status(2).status, SeatStatus::confirmed);
  EXPECT_EQ(seats.status(3).waitlist_position, 1);
  // A waitlisted person cancelling frees no seat.
  EXPECT_EQ(*seats.cancel(3), 0u);
  EXPECT_EQ(seats.cancel(3).error().code, Errc::not_booked);
  EXPECT_EQ(seats.status(1).status, SeatStatus::none);
}

TEST(Seats, NeverOversoldUnderAnyOrder) {
  std::mt19937 rng(4);
  for (int round = 0; round < 50; ++round) {
    SeatLedger seats(3);
    for (int step = 0; step < 200; ++step) {
      const UserId user = rng() % 12 + 1;
      if (rng() % 3 == 0) {
        (void)seats.cancel(user);
      } else {
        (void)seats.book(user);
      }
      ASSERT_LE(seats.confirmed(), 3);
      // Nobody waits while a seat is free.
      if (seats.waitlisted() > 0) {
        ASSERT_EQ(seats.confirmed(), 3);
      }
    }
  }
}

}  // namespace
}  // namespace moim::programme
