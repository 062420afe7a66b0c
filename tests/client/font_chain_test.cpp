// The client's font chain with the fonts installed on this machine: Hangul from the primary
// font, emoji from a fallback, and never a tofu box for a character no font has.
#include "font_chain.hpp"

#include <SDL_ttf.h>
#include <gtest/gtest.h>

namespace {

using moim::client::app::find_fallback_fonts;
using moim::client::app::find_hangul_font;
using moim::client::app::FontChain;

class FontChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(TTF_Init(), 0) << TTF_GetError();
    const auto primary = find_hangul_font();
    ASSERT_TRUE(primary) << "no Hangul font: install fonts-nanum";
    chain_ = std::make_unique<FontChain>(*primary, find_fallback_fonts(), 15);
  }
  void TearDown() override {
    chain_.reset();
    TTF_Quit();
  }
  std::unique_ptr<FontChain> chain_;
};

TEST_F(FontChainTest, HangulAndAsciiStayInThePrimaryFont) {
  const auto runs = chain_->runs("김민지: hello 안녕");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].face, 0u);
  EXPECT_EQ(runs[0].text, "김민지: hello 안녕");
}

TEST_F(FontChainTest, EmojiComeFromAFallbackAndKeepTheirModifiers) {
  if (chain_->faces() < 2) GTEST_SKIP() << "no emoji or symbol font installed";
  // 🎓, then 👍 with a skin tone and a variation selector that must stay with it.
  const auto runs =
      chain_->runs("졸업 \xF0\x9F\x8E\x93 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xEF\xB8\x8F");
  ASSERT_GE(runs.size(), 2u);
  EXPECT_EQ(runs[0].face, 0u);
  EXPECT_NE(runs[1].face, 0u);
  for (const auto& run : runs) {
    EXPECT_NE(run.text.find("\xF0\x9F\x8F\xBD"), 0u) << "a skin tone must not start a run";
  }
}

TEST_F(FontChainTest, CharactersNoFontHasBecomeAReplacementNotTofu) {
  // U+10FFFD (a private-use plane-16 code point) is in none of the fonts we look for.
  const auto runs = chain_->runs(
      "a\xF4\x8F\xBF\xBD"
      "b");
  std::string all;
  for (const auto& run : runs) all += run.text;
  EXPECT_EQ(all.find("\xF4\x8F\xBF\xBD"), std::string::npos);
  const bool replaced = all ==
                            "a\xEF\xBF\xBD"
                            "b" ||
                        all == "a?b";
  EXPECT_TRUE(replaced) << all;
}

TEST_F(FontChainTest, MalformedUtf8IsReplaced) {
  const auto runs = chain_->runs("x\xC3");  // a lead byte with nothing after it
  std::string all;
  for (const auto& run : runs) all += run.text;
  EXPECT_TRUE(all == "x\xEF\xBF\xBD" || all == "x?") << all;
}

TEST_F(FontChainTest, RenderedLinesAreOneLineTallAndAsWideAsMeasured) {
  for (const std::string text :
       {"김민지", "졸업 축하해요! \xF0\x9F\x8E\x93", "\xE2\x98\x85 stars"}) {
    const auto size = chain_->measure(text);
    auto surface = chain_->render(text, {255, 255, 255, 255});
    ASSERT_TRUE(surface) << text << ": " << TTF_GetError();
    EXPECT_GT(size.w, 0) << text;
    EXPECT_EQ(surface->w, size.w) << text;
    // A colour emoji is a 128 px bitmap; it must have been scaled down to the line.
    EXPECT_LE(surface->h, 2 * chain_->line_skip()) << text;
  }
}

}  // namespace
