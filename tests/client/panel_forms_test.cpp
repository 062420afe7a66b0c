// The one-line forms of the client's panels: a new study group and your business card.
#include <gtest/gtest.h>

#include "graduation_hud.hpp"
#include "programme_panel.hpp"
#include "text_field.hpp"

namespace moim::client::app {
namespace {

TEST(SplitFields, TrimsEachFieldAndKeepsEmptyOnes) {
  EXPECT_EQ(split_fields(" a | b|| c ", '|'), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(split_fields("", '|'), (std::vector<std::string>{""}));
  EXPECT_EQ(split_fields("논문 읽기", '|'), (std::vector<std::string>{"논문 읽기"}));
}

TEST(NewStudyGroup, ReadsEveryPartOfTheLine) {
  const auto g = study_group_from_line("논문 읽기 | mon,wed | 23:00-01:00 | 8 | paper");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->topic(), "논문 읽기");
  EXPECT_EQ(g->schedule().days(), "mon,wed");
  EXPECT_EQ(g->schedule().times(), "23:00-01:00");
  EXPECT_EQ(g->capacity(), 8u);
  EXPECT_EQ(g->kind(), v1::STUDY_GROUP_KIND_PAPER_READING);
}

// The server applies the one set of defaults (daily 21:00-24:00, 10 places, other), so the
// form leaves out what the line leaves out.
TEST(NewStudyGroup, LeftOutPartsAreLeftToTheServer) {
  const auto g = study_group_from_line("기업 분석");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->topic(), "기업 분석");
  EXPECT_FALSE(g->has_schedule());
  EXPECT_EQ(g->capacity(), 0u);
  EXPECT_EQ(g->kind(), v1::STUDY_GROUP_KIND_UNSPECIFIED);
  const auto days_only = study_group_from_line("x | weekdays");
  ASSERT_TRUE(days_only);
  EXPECT_EQ(days_only->schedule().days(), "weekdays");
  EXPECT_EQ(days_only->schedule().times(), "");
  EXPECT_EQ(study_group_from_line("x |  |  |  | lecture")->kind(),
            v1::STUDY_GROUP_KIND_LECTURE_CATCH_UP);
}

TEST(NewStudyGroup, PlacesThatAreNotANumberAreRefusedHere) {
  // Sent as 0 they would quietly become the server's default of 10.
  EXPECT_FALSE(study_group_from_line("x | daily | 21:00-22:00 | many"));
  EXPECT_FALSE(study_group_from_line("x | daily | 21:00-22:00 | 0"));
  EXPECT_FALSE(study_group_from_line("x | daily | 21:00-22:00 | 8 people"));
  // Too many is the server's to refuse, with the range in its message.
  EXPECT_EQ(study_group_from_line("x | | | 5000")->capacity(), 5000u);
}

TEST(BusinessCardLine, RoundTripsCompanyRoleAndLinks) {
  const auto card = card_from_line("김민지", "Naver | ML engineer | https://a.kr | mailto:m@b.kr");
  EXPECT_EQ(card.name(), "김민지");
  EXPECT_EQ(card.company(), "Naver");
  EXPECT_EQ(card.role(), "ML engineer");
  ASSERT_EQ(card.links_size(), 2);
  EXPECT_EQ(card.links(1), "mailto:m@b.kr");
  EXPECT_EQ(card_line(card), "Naver | ML engineer | https://a.kr | mailto:m@b.kr");
  const auto sparse = card_from_line("김민지", "Naver");
  EXPECT_EQ(sparse.role(), "");
  EXPECT_EQ(sparse.links_size(), 0);
}

}  // namespace
}  // namespace moim::client::app
