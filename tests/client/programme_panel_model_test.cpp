// The programme panel's state and rules without a window: what a click sends, how answers change
// the lists, where the buttons are.
#include <gtest/gtest.h>

#include "moim/client/core/programme_panel_model.hpp"

namespace moim::client {
namespace {

constexpr int kW = 1280;
constexpr int kH = 720;

// A panel wired to a fake server link and fake clocks.
struct Rig {
  std::vector<v1::Envelope> sent;
  std::vector<std::string> toasts;
  std::int64_t system_ms = 1'000'000;
  double now = 10.0;
  std::uint32_t next_id = 1;
  ProgrammePanelModel panel{[this](v1::Envelope e) {
                              e.set_request_id(next_id);
                              sent.push_back(std::move(e));
                              return next_id++;
                            },
                            [this](std::string t) { toasts.push_back(std::move(t)); },
                            {[this] { return system_ms; }, [this] { return now; }}};

  Rig() { panel.layout(kW, kH); }

  const PanelButton* find(PanelAction action, std::int64_t id = -1) const {
    for (const auto& b : panel.laid_out().buttons) {
      if (b.action == action && (id < 0 || b.id == id)) return &b;
    }
    return nullptr;
  }
  // Clicks the middle of the button, as a person would; false if it is not on screen.
  bool press(PanelAction action, std::int64_t id = -1) {
    const PanelButton* b = find(action, id);
    if (b == nullptr) return false;
    const bool used = panel.click(b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
    panel.layout(kW, kH);
    return used;
  }
  void reply(v1::Envelope e) {
    panel.on_message(e);
    panel.layout(kW, kH);
  }
  bool shows(const std::string& text) const {
    for (const auto& t : panel.laid_out().texts) {
      if (t.text.find(text) != std::string::npos) return true;
    }
    return false;
  }
};

v1::StudyGroupInfo group(std::int64_t id, bool member = false) {
  v1::StudyGroupInfo g;
  g.set_id(id);
  g.set_topic("group " + std::to_string(id));
  g.set_room("study-" + std::to_string(id));
  g.set_is_member(member);
  g.set_recruiting(true);
  return g;
}

v1::Envelope group_page(std::vector<std::int64_t> ids, std::int64_t next_after) {
  v1::Envelope e;
  for (auto id : ids) *e.mutable_study_group_list()->add_groups() = group(id);
  e.mutable_study_group_list()->set_next_after_id(next_after);
  return e;
}

v1::TalkInfo talk(std::int64_t id, const std::string& room, std::int64_t start, std::int64_t end) {
  v1::TalkInfo t;
  t.set_id(id);
  t.set_title("talk " + std::to_string(id));
  t.set_room(room);
  t.set_start_ms(start);
  t.set_end_ms(end);
  t.set_kind(v1::TALK_KIND_TECH_TALK);
  return t;
}

TEST(ProgrammePanelModel, ClosedItShowsOnlyItsButtonAndLetsOtherClicksThrough) {
  Rig rig;
  EXPECT_FALSE(rig.panel.open());
  ASSERT_EQ(rig.panel.laid_out().buttons.size(), 1u);
  EXPECT_EQ(rig.panel.laid_out().buttons[0].label, "Programme (F2)");
  EXPECT_FALSE(rig.panel.laid_out().panel);
  EXPECT_FALSE(rig.panel.click(kW - 100, 300));  // where the panel would be
  EXPECT_TRUE(rig.sent.empty());
}

TEST(ProgrammePanelModel, OpeningAsksForTheFirstPageOfEachList) {
  Rig rig;
  ASSERT_TRUE(rig.press(PanelAction::toggle));
  EXPECT_TRUE(rig.panel.open());
  ASSERT_EQ(rig.sent.size(), 2u);
  ASSERT_TRUE(rig.sent[0].has_list_study_groups());
  EXPECT_EQ(rig.sent[0].list_study_groups().after_id(), 0);
  EXPECT_EQ(rig.sent[0].list_study_groups().limit(), 6u);
  ASSERT_TRUE(rig.sent[1].has_list_talks());
  EXPECT_EQ(rig.sent[1].list_talks().offset(), 0u);
  EXPECT_EQ(rig.find(PanelAction::toggle)->label, "Close (F2)");
  // A click on the open panel, off its buttons, stops there.
  ASSERT_TRUE(rig.panel.laid_out().panel);
  const PixelRect p = *rig.panel.laid_out().panel;
  EXPECT_TRUE(rig.panel.click(p.x + 4, p.y + p.h - 4));
  EXPECT_EQ(rig.sent.size(), 2u);
}

TEST(ProgrammePanelModel, AReplyFillsTheListAndARowsButtonActsOnThatRow) {
  Rig rig;
  rig.press(PanelAction::toggle);
  rig.reply(group_page({3, 8}, 0));
  ASSERT_EQ(rig.panel.groups().size(), 2u);
  EXPECT_TRUE(rig.shows("group 8"));
  const PanelButton* join3 = rig.find(PanelAction::join, 3);
  const PanelButton* join8 = rig.find(PanelAction::join, 8);
  ASSERT_NE(join3, nullptr);
  ASSERT_NE(join8, nullptr);
  EXPECT_LT(join3->rect.y, join8->rect.y);  // in the order the server listed them
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::join, 8));
  ASSERT_EQ(rig.sent.size(), 1u);
  ASSERT_TRUE(rig.sent[0].has_join_study_group());
  EXPECT_EQ(rig.sent[0].join_study_group().group_id(), 8);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::enter));
  ASSERT_EQ(rig.sent.size(), 1u);
  EXPECT_EQ(rig.sent[0].enter_room().room(), "study-3");
}

TEST(ProgrammePanelModel, AGroupPushReplacesItsRowOrComesFirst) {
  Rig rig;
  rig.reply(group_page({3}, 0));
  v1::Envelope push;
  *push.mutable_study_group() = group(3, true);
  rig.reply(push);
  ASSERT_EQ(rig.panel.groups().size(), 1u);
  EXPECT_TRUE(rig.panel.groups()[0].is_member());
  *push.mutable_study_group() = group(5);
  rig.reply(push);
  ASSERT_EQ(rig.panel.groups().size(), 2u);
  EXPECT_EQ(rig.panel.groups()[0].id(), 5);
}

TEST(ProgrammePanelModel, GroupPagesFollowTheServersCursorAndComeBack) {
  Rig rig;
  rig.press(PanelAction::toggle);
  rig.reply(group_page({1, 2, 3, 4, 5, 6}, 6));
  const auto groups = static_cast<std::int64_t>(PanelList::groups);
  EXPECT_EQ(rig.find(PanelAction::page_prev, groups), nullptr);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::page_next, groups));
  ASSERT_FALSE(rig.sent.empty());
  EXPECT_EQ(rig.sent[0].list_study_groups().after_id(), 6);
  rig.reply(group_page({7}, 0));
  EXPECT_EQ(rig.find(PanelAction::page_next, groups), nullptr);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::page_prev, groups));
  EXPECT_EQ(rig.sent[0].list_study_groups().after_id(), 0);
}

TEST(ProgrammePanelModel, TalkPagesAskForTheNextOffset) {
  Rig rig;
  rig.press(PanelAction::toggle);
  v1::Envelope page;
  for (int i = 1; i <= 6; ++i) *page.mutable_talk_list()->add_talks() = talk(i, "hall", 0, 1);
  page.mutable_talk_list()->set_next_offset(6);
  page.set_request_id(2);  // the answer to the panel's ListTalks
  rig.reply(page);
  EXPECT_EQ(rig.panel.talks().size(), 6u);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::page_next, static_cast<std::int64_t>(PanelList::talks)));
  ASSERT_EQ(rig.sent.size(), 2u);
  EXPECT_EQ(rig.sent[1].list_talks().offset(), 6u);
}

TEST(ProgrammePanelModel, QAndASelectsATalkAndOnlyItsQuestionsAreKept) {
  Rig rig;
  rig.press(PanelAction::toggle);
  v1::Envelope page;
  *page.mutable_talk_list()->add_talks() = talk(4, "hall", 0, 1);
  rig.reply(page);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::questions, 4));
  EXPECT_EQ(rig.panel.selected_talk(), 4);
  ASSERT_EQ(rig.sent.size(), 3u);
  EXPECT_EQ(rig.sent[2].list_questions().talk_id(), 4);
  v1::Envelope other;
  other.mutable_question_list()->set_talk_id(9);
  other.mutable_question_list()->add_questions()->set_id(1);
  rig.reply(other);
  EXPECT_TRUE(rig.panel.questions().empty());
  v1::Envelope mine;
  mine.mutable_question_list()->set_talk_id(4);
  mine.mutable_question_list()->add_questions()->set_id(11);
  rig.reply(mine);
  ASSERT_EQ(rig.panel.questions().size(), 1u);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::vote, 11));
  EXPECT_EQ(rig.sent.at(0).vote_question().question_id(), 11);
  ASSERT_TRUE(rig.press(PanelAction::questions, 4));  // again: closes the questions
  EXPECT_EQ(rig.panel.selected_talk(), 0);
  EXPECT_EQ(rig.find(PanelAction::ask), nullptr);
}

TEST(ProgrammePanelModel, SearchFocusesTheFieldAndSendsTheQueryFromTheFirstPage) {
  Rig rig;
  rig.press(PanelAction::toggle);
  const auto before = rig.panel.field_generation();
  ASSERT_TRUE(rig.press(PanelAction::search));
  EXPECT_EQ(rig.panel.field(), PanelField::search);
  EXPECT_NE(rig.panel.field_generation(), before);
  EXPECT_TRUE(rig.panel.laid_out().input);
  rig.sent.clear();
  rig.panel.submit("rust");
  EXPECT_EQ(rig.panel.field(), PanelField::none);
  ASSERT_FALSE(rig.sent.empty());
  EXPECT_EQ(rig.sent[0].list_study_groups().query(), "rust");
  EXPECT_EQ(rig.sent[0].list_study_groups().after_id(), 0);
}

TEST(ProgrammePanelModel, ANewGroupWithBadPlacesIsExplainedNotSent) {
  Rig rig;
  rig.press(PanelAction::toggle);
  rig.press(PanelAction::new_group);
  rig.sent.clear();
  rig.panel.submit("논문 | mon | 21:00-24:00 | many");
  EXPECT_TRUE(rig.sent.empty());
  ASSERT_EQ(rig.toasts.size(), 1u);
  rig.press(PanelAction::new_group);
  rig.panel.submit("논문 | mon | 21:00-24:00 | 8");
  ASSERT_EQ(rig.sent.size(), 1u);
  EXPECT_EQ(rig.sent[0].create_study_group().capacity(), 8u);
}

TEST(ProgrammePanelModel, OnlyErrorsForItsOwnRequestsAreClaimed) {
  Rig rig;
  rig.press(PanelAction::toggle);
  v1::Envelope error;
  error.mutable_error()->set_message("nope");
  error.set_request_id(999);
  EXPECT_FALSE(rig.panel.on_message(error));
  error.set_request_id(1);
  EXPECT_TRUE(rig.panel.on_message(error));
  EXPECT_EQ(rig.toasts, std::vector<std::string>{"nope"});
}

const RoomFeatures kStudyRoom7({{"study-group", "7"}});
const RoomFeatures kHall({{"stage", ""}});

TEST(ProgrammePanelModel, AStudyRoomShowsItsFocusTimerFromTheServersClock) {
  Rig rig;
  rig.panel.set_room("study-7", kStudyRoom7);
  ASSERT_EQ(rig.sent.size(), 1u);
  EXPECT_EQ(rig.sent[0].get_focus_timer().group_id(), 7);
  rig.panel.layout(kW, kH);
  EXPECT_TRUE(rig.shows("Focus timer: stopped"));
  ASSERT_TRUE(rig.press(PanelAction::start_timer, 7));
  v1::Envelope timer;
  auto* t = timer.mutable_focus_timer();
  t->set_group_id(7);
  t->set_focus_minutes(50);
  t->set_break_minutes(10);
  t->set_server_time_ms(5'000'000);  // the server's clock is ahead of ours
  t->set_started_at_ms(5'000'000 - 60'000);
  rig.reply(timer);
  EXPECT_TRUE(rig.shows("Focus 49:00  · round 1"));
  EXPECT_NE(rig.find(PanelAction::stop_timer, 7), nullptr);
  rig.system_ms += 50 * 60'000;
  rig.panel.layout(kW, kH);
  EXPECT_TRUE(rig.shows("Break 09:00"));
}

// The group comes from the room's study-group feature, whatever the room is called.
TEST(ProgrammePanelModel, TheFocusTimerIsForTheGroupTheRoomsFeatureNames) {
  Rig rig;
  rig.panel.set_room("reading-corner", RoomFeatures({{"study-group", "12"}}));
  ASSERT_EQ(rig.sent.size(), 1u);
  EXPECT_EQ(rig.sent[0].get_focus_timer().group_id(), 12);
  rig.panel.layout(kW, kH);
  EXPECT_NE(rig.find(PanelAction::start_timer, 12), nullptr);
  v1::Envelope other;  // another group's timer, pushed late from a room we left
  other.mutable_focus_timer()->set_group_id(7);
  other.mutable_focus_timer()->set_focus_minutes(50);
  other.mutable_focus_timer()->set_started_at_ms(rig.system_ms);
  rig.reply(other);
  EXPECT_TRUE(rig.shows("Focus timer: stopped"));
  EXPECT_NE(rig.find(PanelAction::start_timer, 12), nullptr);
}

TEST(ProgrammePanelModel, NoTimerWithoutTheStudyGroupFeatureOrItsGroup) {
  Rig rig;
  rig.panel.set_room("study-7", RoomFeatures());                       // an id alone says nothing
  rig.panel.set_room("study-7", RoomFeatures({{"study-group", ""}}));  // nor a feature with no ref
  EXPECT_TRUE(rig.sent.empty());
  rig.panel.layout(kW, kH);
  EXPECT_FALSE(rig.shows("Focus timer"));
  EXPECT_EQ(rig.find(PanelAction::start_timer), nullptr);
  rig.panel.set_room("study-7", kStudyRoom7);
  rig.panel.set_room("lobby", RoomFeatures());  // leaving the study room hides it again
  rig.panel.layout(kW, kH);
  EXPECT_FALSE(rig.shows("Focus timer"));
}

TEST(ProgrammePanelModel, TheHallBarRaisesAndLowersYourHand) {
  Rig rig;
  rig.panel.set_self(42, v1::ROLE_ATTENDEE);
  rig.panel.set_room("hall", kHall);
  v1::Envelope live;
  live.set_request_id(rig.sent[0].request_id());  // the answer to the hall bar's own request
  *live.mutable_talk_list()->add_talks() = talk(5, "hall", 0, 10'000);
  live.mutable_talk_list()->set_server_time_ms(5'000);
  rig.reply(live);
  EXPECT_TRUE(rig.panel.talks().empty());  // the hall bar's list, not the panel's page
  EXPECT_EQ(rig.find(PanelAction::next_hand), nullptr);
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::raise_hand, 5));
  EXPECT_TRUE(rig.sent.at(0).raise_hand().raised());
  v1::Envelope hands;
  auto* hand = hands.mutable_hand_queue()->add_hands();
  hand->set_user_id(42);
  hand->set_display_name("me");
  rig.reply(hands);
  EXPECT_TRUE(rig.shows("hands 1 (next me)"));
  ASSERT_NE(rig.find(PanelAction::lower_hand, 5), nullptr);
  rig.system_ms += 10'000;  // the session is over
  rig.panel.layout(kW, kH);
  EXPECT_EQ(rig.find(PanelAction::lower_hand), nullptr);
}

// The bar shows in a room with a stage, whatever it is called, and nowhere else: only there can
// a host give the floor to the next hand.
TEST(ProgrammePanelModel, TheHallBarNeedsARoomWithAStage) {
  Rig rig;
  rig.panel.set_room("hall", RoomFeatures());
  EXPECT_TRUE(rig.sent.empty());  // nothing to ask for the bar
  rig.press(PanelAction::toggle);
  v1::Envelope page;
  page.set_request_id(rig.sent.at(1).request_id());  // the panel's programme page
  *page.mutable_talk_list()->add_talks() = talk(5, "hall", 0, 10'000);
  page.mutable_talk_list()->set_server_time_ms(5'000);
  rig.reply(page);
  ASSERT_EQ(rig.panel.talks().size(), 1u);
  EXPECT_EQ(rig.find(PanelAction::raise_hand), nullptr);

  rig.sent.clear();
  rig.panel.set_room("auditorium", kHall);
  ASSERT_EQ(rig.sent.size(), 1u);
  EXPECT_TRUE(rig.sent[0].has_list_talks());
  v1::Envelope live;
  live.set_request_id(rig.sent[0].request_id());
  *live.mutable_talk_list()->add_talks() = talk(6, "auditorium", 0, 10'000);
  live.mutable_talk_list()->set_server_time_ms(5'000);
  rig.reply(live);
  EXPECT_NE(rig.find(PanelAction::raise_hand, 6), nullptr);
}

TEST(ProgrammePanelModel, AReminderShowsForTwoMinutesOrUntilGoneThere) {
  Rig rig;
  v1::Envelope reminder;
  reminder.mutable_session_reminder()->set_room("hall");
  reminder.mutable_session_reminder()->mutable_talk()->set_title("Keynote");
  rig.reply(reminder);
  EXPECT_TRUE(rig.shows("Starting now: Keynote in hall"));
  rig.sent.clear();
  ASSERT_TRUE(rig.press(PanelAction::go_reminder));
  EXPECT_EQ(rig.sent.at(0).enter_room().room(), "hall");
  EXPECT_EQ(rig.find(PanelAction::go_reminder), nullptr);
  rig.reply(reminder);
  rig.now += 121;
  rig.panel.layout(kW, kH);
  EXPECT_EQ(rig.find(PanelAction::dismiss_reminder), nullptr);
}

}  // namespace
}  // namespace moim::client
