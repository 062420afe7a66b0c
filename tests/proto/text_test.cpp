#include "moim/proto/text.hpp"

#include <gtest/gtest.h>

namespace moim::proto {

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("김민지"), 3u);
  EXPECT_EQ(utf8_length("😀"), 1u);
  EXPECT_EQ(utf8_length(""), 0u);
}

TEST(Utf8, RefusesMalformedSequences) {
  EXPECT_FALSE(utf8_length("\xff"));
  EXPECT_FALSE(utf8_length("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(utf8_length("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(utf8_length("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(utf8_length("\xea\xb9"));          // truncated
  EXPECT_FALSE(utf8_length("a\x80"));             // stray continuation
}

TEST(DisplayName, AcceptsHangulAndMixedNames) {
  EXPECT_EQ(check_display_name("김민지"), TextProblem::ok);
  EXPECT_EQ(check_display_name("Minji Kim (ML 3기)"), TextProblem::ok);
  EXPECT_EQ(check_display_name(std::string(32, 'a')), TextProblem::ok);
}

TEST(DisplayName, RefusesEmptyLongControlAndBadUtf8) {
  EXPECT_EQ(check_display_name(""), TextProblem::empty);
  EXPECT_EQ(check_display_name("   "), TextProblem::empty);
  EXPECT_EQ(check_display_name(std::string(33, 'a')), TextProblem::too_long);
  std::string long_hangul;
  for (int i = 0; i < 33; ++i) long_hangul += "가";
  EXPECT_EQ(check_display_name(long_hangul), TextProblem::too_long);
  EXPECT_EQ(check_display_name("a\nb"), TextProblem::control_chars);
  EXPECT_EQ(check_display_name("evil\u202Eeman"), TextProblem::control_chars);
  EXPECT_EQ(check_display_name("\xff\xfe"), TextProblem::bad_utf8);
}

TEST(ChatText, AllowsNewlinesButNotOtherControls) {
  EXPECT_EQ(check_chat_text("line one\nline two"), TextProblem::ok);
  EXPECT_EQ(check_chat_text("tab\there"), TextProblem::control_chars);
  EXPECT_EQ(check_chat_text(std::string(500, 'x')), TextProblem::ok);
  EXPECT_EQ(check_chat_text(std::string(501, 'x')), TextProblem::too_long);
  EXPECT_EQ(check_chat_text("\n\n"), TextProblem::empty);
  EXPECT_EQ(check_chat_text("'; DROP TABLE chat; --"), TextProblem::ok);
}

}  // namespace moim::proto
