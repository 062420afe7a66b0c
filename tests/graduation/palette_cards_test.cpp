#include <gtest/gtest.h>

#include "graduation/cards.hpp"
#include "graduation/palette.hpp"

namespace moim::graduation {
namespace {

TEST(Palette, DefaultIsValidAndHasSixColours) {
  EXPECT_EQ(default_palette().size(), 6u);
  EXPECT_TRUE(validate_palette(default_palette()));
}

TEST(Palette, RefusesBadPalettes) {
  EXPECT_FALSE(validate_palette({{"red", 0xFF0000}}));                       // too few
  EXPECT_FALSE(validate_palette({{"red", 0xFF0000}, {"red", 0x00FF00}}));    // name twice
  EXPECT_FALSE(validate_palette({{"red", 0xFF0000}, {"blue", 0xFF0000}}));   // colour twice
  EXPECT_FALSE(validate_palette({{"", 0xFF0000}, {"blue", 0x0000FF}}));      // empty name
  EXPECT_FALSE(validate_palette({{"red", 0x1FF0000}, {"blue", 0x0000FF}}));  // not 24-bit
  Palette big;
  for (std::uint32_t i = 0; i < 13; ++i) big.push_back({"c" + std::to_string(i), i});
  EXPECT_FALSE(validate_palette(big));
}

TEST(Palette, SuggestsTheLeastPickedLowestFirst) {
  const int none[] = {0, 0, 0};
  EXPECT_EQ(suggest_color(none), 0u);
  const int some[] = {2, 1, 1};
  EXPECT_EQ(suggest_color(some), 1u);
  const int last[] = {3, 3, 2};
  EXPECT_EQ(suggest_color(last), 2u);
  EXPECT_EQ(hex_rgb(0x2E86DE), "#2E86DE");
}

TEST(Cards, ValidatesFields) {
  EXPECT_TRUE(validate_card({"김민지", "Kakao", "Backend engineer", {"https://minji.dev"}}));
  EXPECT_FALSE(validate_card({"", "", "", {}}));
  EXPECT_FALSE(validate_card({"Ana", "", "", {"javascript:alert(1)"}}));
  EXPECT_FALSE(validate_card({"Ana", "", "", {"https://a", "https://b", "https://c"}}));
  EXPECT_FALSE(validate_card({"Ana", std::string(81, 'x'), "", {}}));
  EXPECT_FALSE(validate_card({"Ana", "bad\xC3", "", {}}));
  const auto error = validate_card({"Ana", "", "", {"ftp://x"}});
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().code, Errc::invalid_card);
}

TEST(Cards, VcardEscapesAndMapsLinks) {
  const auto v = to_vcard({"Kim, Minji", "A;B", "", {"mailto:m@x.io", "https://m.dev"}});
  EXPECT_EQ(v,
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim\\, Minji\r\nORG:A\\;B\r\n"
            "EMAIL:m@x.io\r\nURL:https://m.dev\r\nEND:VCARD\r\n");
  const auto both = to_vcards({{"A", "", "", {}}, {"B", "", "", {}}});
  EXPECT_EQ(both, to_vcard({"A", "", "", {}}) + to_vcard({"B", "", "", {}}));
}

}  // namespace
}  // namespace moim::graduation
