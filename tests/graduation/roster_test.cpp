#include <gtest/gtest.h>

#include "graduation/roster.hpp"

namespace moim::graduation {
namespace {

std::string header = "name,email,cohort,company\n";

TEST(Roster, ParsesRowsWithHangulQuotesAndOptionalCompany) {
  auto rows = parse_roster(header +
                           "김민지,MinJi@Example.com,2026-spring,\"Kakao, Inc.\"\n"
                           "Alex Kim,alex@example.org,2026-spring,\n");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].name, "김민지");
  EXPECT_EQ((*rows)[0].email, "minji@example.com");  // the key a re-import updates by
  EXPECT_EQ((*rows)[0].company, "Kakao, Inc.");
  EXPECT_EQ((*rows)[1].company, "");
}

TEST(Roster, AcceptsCrlfBomAnyColumnOrderAndNoCompanyColumn) {
  auto rows = parse_roster(
      "\xEF\xBB\xBF"
      "email,Name,cohort\r\na@b.io,Ana,c1\r\n\r\n");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].name, "Ana");
  EXPECT_EQ((*rows)[0].email, "a@b.io");
}

TEST(Roster, RequiresTheHeader) {
  auto rows = parse_roster("Ana,a@b.io,c1,\n");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, Errc::invalid_csv);
  EXPECT_NE(rows.error().message.find("line 1"), std::string::npos) << rows.error().message;
  EXPECT_FALSE(parse_roster(""));
  EXPECT_FALSE(parse_roster("name,email\nAna,a@b.io\n"));  // no cohort column
}

TEST(Roster, WrongColumnCountNamesTheLine) {
  auto rows = parse_roster(header + "Ana,a@b.io,c1,\nBo,b@b.io,c1\n");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().message, "line 3: expected 4 columns, found 3");
}

TEST(Roster, BadUtf8NamesTheLine) {
  auto rows = parse_roster(header + "Ana,a@b.io,c1,\nB\xC3\x28o,b@b.io,c1,\n");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, Errc::invalid_csv);
  EXPECT_EQ(rows.error().message, "line 3: not valid UTF-8");
}

TEST(Roster, HundredThousandRowsAreRefusedClearly) {
  std::string csv = header;
  for (int i = 0; i < 100000; ++i)
    csv += "P" + std::to_string(i) + ",p" + std::to_string(i) + "@x.io,c,\n";
  auto rows = parse_roster(csv);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, Errc::invalid_csv);
  EXPECT_NE(rows.error().message.find("larger than 2 MiB"), std::string::npos);
  // Under the byte limit the row limit speaks.
  auto many = parse_roster(header + "A,a1@x.io,c,\nB,b1@x.io,c,\nC,c1@x.io,c,\n", 2);
  ASSERT_FALSE(many);
  EXPECT_NE(many.error().message.find("more than 2 rows"), std::string::npos);
}

TEST(Roster, RefusesBadFields) {
  EXPECT_FALSE(parse_roster(header + ",a@b.io,c1,\n"));           // empty name
  EXPECT_FALSE(parse_roster(header + "Ana,not-an-email,c1,\n"));  // email
  EXPECT_FALSE(parse_roster(header + "Ana,a@b.io,,\n"));          // cohort
  EXPECT_FALSE(parse_roster(header + "Ana,a@b.io,c1,\"open\n"));  // unterminated quote
  EXPECT_FALSE(parse_roster(header + "Ana,a@b.io,c1,\"x\"y\n"));  // text after a quote
  EXPECT_FALSE(parse_roster(header));                             // no rows
  auto twice = parse_roster(header + "Ana,a@b.io,c1,\nAnn,A@B.io,c1,\n");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "line 3: email a@b.io appears twice");
  EXPECT_FALSE(parse_roster("name,email,cohort,shoe\nAna,a@b.io,c1,42\n"));
}

TEST(Roster, CsvFieldQuotesAndDefusesFormulas) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("=1+1"), "\"'=1+1\"");
  auto back = split_csv_line(csv_field("a,\"b\"") + ",x");
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0], "a,\"b\"");
  EXPECT_EQ((*back)[1], "x");
}

}  // namespace
}  // namespace moim::graduation
