// Study groups in the SQLite programme store: membership rules inside transactions, access
// flags, the focus timer and visits surviving a reopen.
#include <atomic>
#include <thread>
#include <vector>

#include "store_fixture.hpp"

namespace moim::programme {
namespace {

constexpr Millis kNow = 1'795'435'200'000;  // 2026-11-23 21:00 KST
constexpr Millis kMinute = 60'000;

class GroupStore : public testing::StoreTest {
 protected:
  StudyGroup draft(UserId lead, int capacity = 3) {
    StudyGroup g;
    g.topic = "논문 읽기: Transformers";
    g.kind = GroupKind::paper_reading;
    g.description = "every night";
    g.schedule = *weekly("daily", "21:00-24:00");
    g.capacity = capacity;
    g.lead = lead;
    g.created_at_ms = kNow;
    return g;
  }
};

TEST_F(GroupStore, CreateMakesTheLeadTheFirstMember) {
  const auto lead = person("김민지");
  auto g = store().create_group(draft(lead), {});
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_GT(g->id, 0);
  EXPECT_EQ(g->member_count, 1);
  EXPECT_EQ(g->lead_name, "김민지");
  EXPECT_EQ(g->schedule, draft(lead).schedule);
  EXPECT_TRUE(*store().is_member(g->id, lead));
  EXPECT_EQ(store().groups_of(lead)->size(), 1u);
}

TEST_F(GroupStore, RefusesInvalidGroupsAndChangesNothing) {
  auto bad = draft(person("a"));
  bad.capacity = 0;
  EXPECT_EQ(store().create_group(bad, {}).error().code, Errc::bad_request);
  bad = draft(person("b"));
  bad.schedule.duration_minutes = 0;
  EXPECT_EQ(store().create_group(bad, {}).error().code, Errc::invalid_schedule);
  EXPECT_TRUE(store().list_groups(0, 1000)->empty());
  EXPECT_EQ(store().find_group(99).error().code, Errc::no_such_group);
}

TEST_F(GroupStore, JoinLeaveCapacityAndRecruiting) {
  const auto lead = person("lead");
  const auto a = person("a");
  const auto b = person("b");
  const auto c = person("c");
  const auto id = store().create_group(draft(lead, 3), {})->id;
  EXPECT_EQ(store().join_group(id, a, kNow)->member_count, 2);
  EXPECT_EQ(store().join_group(id, a, kNow).error().code, Errc::already_member);
  EXPECT_EQ(store().join_group(id, b, kNow)->member_count, 3);
  EXPECT_EQ(store().join_group(id, c, kNow).error().code, Errc::group_full);
  auto left = store().leave_group(id, b);
  ASSERT_TRUE(left && *left);
  EXPECT_EQ((*left)->member_count, 2);
  EXPECT_EQ(store().leave_group(id, b).error().code, Errc::not_a_member);
  EXPECT_EQ(store().leave_group(id, lead).error().code, Errc::lead_cannot_leave);
  ASSERT_TRUE(store().set_group_access(id, false, true));
  EXPECT_EQ(store().join_group(id, c, kNow).error().code, Errc::recruiting_closed);
  EXPECT_TRUE(store().find_group(id)->visitors_allowed);
  const auto members = store().members(id);
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ(members->at(0).user, lead);
}

TEST_F(GroupStore, LeadLeavingAloneDissolvesTheGroup) {
  const auto lead = person("lead");
  const auto id = store().create_group(draft(lead), {})->id;
  auto left = store().leave_group(id, lead);
  ASSERT_TRUE(left);
  EXPECT_FALSE(*left);
  EXPECT_EQ(store().find_group(id).error().code, Errc::no_such_group);
}

TEST_F(GroupStore, ConcurrentJoinsNeverExceedCapacity) {
  const auto lead = person("lead");
  const auto id = store().create_group(draft(lead, 5), {})->id;
  std::vector<UserId> people;
  for (int i = 0; i < 24; ++i) people.push_back(person("p" + std::to_string(i)));
  std::vector<std::unique_ptr<store::Store>> connections;
  for (int i = 0; i < 4; ++i) connections.push_back(connection());
  std::atomic<int> joined{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < people.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = connections[i % connections.size()]->programme().join_group(id, people[i], kNow);
      if (r)
        ++joined;
      else
        EXPECT_EQ(r.error().code, Errc::group_full) << r.error().message;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(joined.load(), 4);
  EXPECT_EQ(store().find_group(id)->member_count, 5);
}

TEST_F(GroupStore, FocusTimerAndVisitsSurviveAReopen) {
  const auto lead = person("lead");
  const auto id = store().create_group(draft(lead), {})->id;
  ASSERT_TRUE(store().set_focus_timer(id, start_timer(kNow, 50, 10)));
  EXPECT_EQ(store().set_focus_timer(id, start_timer(kNow, 0, 10)).error().code, Errc::bad_request);
  ASSERT_TRUE(store().record_enter(id, lead, kNow));
  ASSERT_TRUE(store().record_leave(id, lead, kNow + 30 * kMinute));
  ASSERT_TRUE(store().record_enter(id, lead, kNow + 40 * kMinute));  // still there
  reopen();
  const auto g = store().find_group(id);
  EXPECT_EQ(g->timer.started_at_ms, kNow);
  EXPECT_EQ(focus_state(g->timer, kNow + 55 * kMinute).phase, FocusPhase::rest);
  const auto v = store().visits(id, kNow, kNow + 60 * kMinute);
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ(v->at(0).leave_ms, kNow + 30 * kMinute);
  EXPECT_EQ(v->at(1).leave_ms, kNow + 60 * kMinute);  // open: ends at the window's end
  const auto log = attendance(sessions_between(g->schedule, kNow, kNow + 60 * kMinute), *v);
  EXPECT_EQ(log.at(0).present_ms.at(lead), 50 * kMinute);
  // A crash leaves the second visit open; start-up closes it without counting it.
  ASSERT_TRUE(store().close_open_visits());
  EXPECT_EQ(store().visits(id, kNow, kNow + 60 * kMinute)->at(1).leave_ms, kNow + 40 * kMinute);
}

TEST_F(GroupStore, EnteringTwiceClosesTheEarlierVisit) {
  const auto lead = person("lead");
  const auto id = store().create_group(draft(lead), {})->id;
  ASSERT_TRUE(store().record_enter(id, lead, kNow));
  ASSERT_TRUE(store().record_enter(id, lead, kNow + 10 * kMinute));
  ASSERT_TRUE(store().record_leave(id, lead, kNow + 20 * kMinute));
  const auto v = store().visits(id, kNow, kNow + 60 * kMinute);
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ(v->at(0).leave_ms, kNow + 10 * kMinute);
  EXPECT_EQ(v->at(1).leave_ms, kNow + 20 * kMinute);
}

TEST_F(GroupStore, QuotaPerLeadAndInTotal) {
  const auto a = person("a");
  const auto b = person("b");
  const Quota quota{2, 3};
  ASSERT_TRUE(store().create_group(draft(a), quota));
  ASSERT_TRUE(store().create_group(draft(a), quota));
  const auto third = store().create_group(draft(a), quota);
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, Errc::limit_reached);
  EXPECT_NE(third.error().message.find("one person"), std::string::npos);
  ASSERT_TRUE(store().create_group(draft(b), quota));
  const auto full = store().create_group(draft(b), quota);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, Errc::limit_reached);
  EXPECT_NE(full.error().message.find("this server"), std::string::npos);
  EXPECT_EQ(store().list_groups(0, 100)->size(), 3u);
  // Removing one makes room again.
  ASSERT_TRUE(store().remove_group(store().list_groups(0, 1)->at(0).id));
  EXPECT_TRUE(store().create_group(draft(b), quota));
}

TEST_F(GroupStore, QuotaHoldsUnderConcurrentCreates) {
  const auto lead = person("lead");
  std::vector<std::unique_ptr<store::Store>> connections;
  for (int i = 0; i < 4; ++i) connections.push_back(connection());
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      if (connections[static_cast<std::size_t>(i % 4)]->programme().create_group(draft(lead),
                                                                                 {3, 0})) {
        ++created;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 3);
  EXPECT_EQ(store().list_groups(0, 100)->size(), 3u);
}

TEST_F(GroupStore, PagesWalkEveryGroupOnceInOrder) {
  const auto lead = person("lead");
  std::vector<GroupId> created;
  for (int i = 0; i < 7; ++i) created.push_back(store().create_group(draft(lead), {})->id);
  std::vector<GroupId> seen;
  GroupId after = 0;
  for (auto page = store().list_groups(after, 3); !page->empty();
       page = store().list_groups(after, 3)) {
    EXPECT_LE(page->size(), 3u);
    for (const auto& g : *page) seen.push_back(g.id);
    after = page->back().id;
  }
  EXPECT_EQ(seen, created);
}

TEST_F(GroupStore, RemovingAGroupTakesItsMembersAndVisits) {
  const auto lead = person("lead");
  const auto member = person("member");
  const auto id = store().create_group(draft(lead), {})->id;
  ASSERT_TRUE(store().join_group(id, member, kNow));
  ASSERT_TRUE(store().record_enter(id, member, kNow));
  ASSERT_TRUE(store().remove_group(id));
  EXPECT_EQ(store().find_group(id).error().code, Errc::no_such_group);
  EXPECT_TRUE(store().groups_of(member)->empty());
  EXPECT_TRUE(store().visits(id, 0, kNow + kMinute)->empty());
  EXPECT_EQ(store().remove_group(id).error().code, Errc::no_such_group);
}

}  // namespace
}  // namespace moim::programme
