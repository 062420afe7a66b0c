// Seat booking in SQLite: the rule of seats.hpp, atomic under many concurrent bookings through
// several connections (as several server processes would be), with the waitlist moving up.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "store_fixture.hpp"

namespace moim::programme {
namespace {

constexpr Millis kStart = 1'795'435'200'000;
constexpr Millis kHour = 3'600'000;

class SeatStore : public testing::StoreTest {
 protected:
  TalkId office_hours(int seats) {
    Talk t;
    t.kind = TalkKind::office_hours;
    t.title = "Office hours";
    t.start_ms = kStart;
    t.end_ms = kStart + kHour;
    t.room = "hall";
    t.capacity = seats;
    return store().create_talk(t)->id;
  }
};

TEST_F(SeatStore, TheStartReminderGoesToSeatHoldersAndRsvpsOnceEach) {
  const auto id = office_hours(1);
  const auto a = person("a"), b = person("b"), c = person("c");
  ASSERT_TRUE(store().book_seat(id, a, kStart - kHour));
  ASSERT_TRUE(store().book_seat(id, b, kStart - kHour));   // waitlisted: not reminded
  ASSERT_TRUE(store().rsvp(id, a, true, kStart - kHour));  // both: reminded once
  ASSERT_TRUE(store().rsvp(id, c, true, kStart - kHour));
  EXPECT_EQ(*store().people_to_remind(id), (std::vector<UserId>{a, c}));
  // a cancels: b moves up and is reminded instead; a still RSVP'd, so still reminded.
  EXPECT_EQ(*store().cancel_seat(id, a), b);
  EXPECT_EQ(*store().people_to_remind(id), (std::vector<UserId>{a, b, c}));
  ASSERT_TRUE(store().rsvp(id, a, false, kStart - kHour));
  EXPECT_EQ(*store().people_to_remind(id), (std::vector<UserId>{b, c}));
}

TEST_F(SeatStore, FirstComeThenWaitlistThatMovesUp) {
  const auto id = office_hours(2);
  const auto a = person("a"), b = person("b"), c = person("c"), d = person("d");
  EXPECT_EQ(store().book_seat(id, a, kStart - kHour)->status, SeatStatus::confirmed);
  EXPECT_EQ(store().book_seat(id, b, kStart - kHour)->status, SeatStatus::confirmed);
  auto third = store().book_seat(id, c, kStart - kHour);
  EXPECT_EQ(third->status, SeatStatus::waitlisted);
  EXPECT_EQ(third->waitlist_position, 1);
  EXPECT_EQ(store().book_seat(id, d, kStart - kHour)->waitlist_position, 2);
  EXPECT_EQ(store().book_seat(id, a, kStart).error().code, Errc::already_booked);
  EXPECT_EQ(*store().cancel_seat(id, a), c);
  EXPECT_EQ(store().seat(id, c)->status, SeatStatus::confirmed);
  EXPECT_EQ(store().seat(id, d)->waitlist_position, 1);
  EXPECT_EQ(*store().cancel_seat(id, d), 0u);  // a waitlisted cancel frees no seat
  EXPECT_EQ(store().cancel_seat(id, d).error().code, Errc::not_booked);
  const auto t = store().find_talk(id);
  EXPECT_EQ(t->booked, 2);
  EXPECT_EQ(t->waitlisted, 0);
}

TEST_F(SeatStore, TechTalksHaveNoSeatsAndPastSessionsNoBookings) {
  Talk t;
  t.title = "talk";
  t.start_ms = kStart;
  t.end_ms = kStart + kHour;
  const auto talk = store().create_talk(t)->id;
  const auto a = person("a");
  EXPECT_EQ(store().book_seat(talk, a, kStart).error().code, Errc::no_seats);
  EXPECT_EQ(store().book_seat(office_hours(1), a, kStart + kHour).error().code, Errc::session_over);
  EXPECT_EQ(store().book_seat(4242, a, kStart).error().code, Errc::no_such_talk);
}

TEST_F(SeatStore, MoreSeatsConfirmTheWaitlistInOrder) {
  const auto id = office_hours(1);
  const auto a = person("a"), b = person("b"), c = person("c");
  for (auto u : {a, b, c}) ASSERT_TRUE(store().book_seat(id, u, kStart));
  auto t = *store().find_talk(id);
  t.capacity = 2;
  EXPECT_EQ(store().update_talk(t)->booked, 2);
  EXPECT_EQ(store().seat(id, b)->status, SeatStatus::confirmed);
  EXPECT_EQ(store().seat(id, c)->waitlist_position, 1);
}

// 96 people click "book" at the same moment on 12 threads' worth of connections; 5 seats.
TEST_F(SeatStore, ManyConcurrentBookingsNeverOversell) {
  constexpr int kSeats = 5;
  constexpr int kPeople = 96;
  constexpr int kConnections = 12;
  const auto id = office_hours(kSeats);
  std::vector<UserId> people;
  for (int i = 0; i < kPeople; ++i) people.push_back(person("p" + std::to_string(i)));
  std::vector<std::unique_ptr<store::Store>> connections;
  for (int i = 0; i < kConnections; ++i) {
    connections.push_back(connection());
  }
  std::atomic<bool> go{false};
  std::atomic<int> confirmed{0}, waitlisted{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kPeople; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      auto r = connections[static_cast<std::size_t>(i % kConnections)]->programme().book_seat(
          id, people[static_cast<std::size_t>(i)], kStart);
      if (!r)
        ++failed;
      else if (r->status == SeatStatus::confirmed)
        ++confirmed;
      else
        ++waitlisted;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(confirmed.load(), kSeats);
  EXPECT_EQ(waitlisted.load(), kPeople - kSeats);
  // Waitlist positions are 1..91 with no gaps or repeats.
  std::vector<int> positions;
  for (auto u : people) {
    auto s = store().seat(id, u);
    if (s->status == SeatStatus::waitlisted) positions.push_back(s->waitlist_position);
  }
  std::sort(positions.begin(), positions.end());
  ASSERT_EQ(positions.size(), static_cast<std::size_t>(kPeople - kSeats));
  for (std::size_t i = 0; i < positions.size(); ++i) EXPECT_EQ(positions[i], int(i) + 1);

  // Everyone confirmed cancels at once while the rest book again: still never oversold.
  std::vector<UserId> holders;
  for (auto u : people) {
    if (store().seat(id, u)->status == SeatStatus::confirmed) holders.push_back(u);
  }
  threads.clear();
  for (std::size_t i = 0; i < holders.size(); ++i) {
    threads.emplace_back(
        [&, i] { EXPECT_TRUE(connections[i]->programme().cancel_seat(id, holders[i])); });
  }
  for (auto& t : threads) t.join();
  const auto t = store().find_talk(id);
  EXPECT_EQ(t->booked, kSeats);
  EXPECT_EQ(t->waitlisted, kPeople - 2 * kSeats);
}

}  // namespace
}  // namespace moim::programme
