#include "core/secret_hash.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace moim::store {
namespace {

TEST(SecretHash, Sha256KnownVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(SecretHash, Sha256HashesEmbeddedNulAndUtf8) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
  EXPECT_EQ(sha256_hex("모임").size(), 64U);
}

TEST(SecretHash, RandomTokenIsHexOfRequestedLength) {
  const auto token = random_token(32).value();
  EXPECT_EQ(token.size(), 64U);
  EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]+")));
  EXPECT_NE(random_token(32).value(), token);
  EXPECT_EQ(random_token(0).value(), "");
}

TEST(SecretHash, InviteCodeFormatHasNoAmbiguousSymbols) {
  const std::regex format("MOIM-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto code = random_invite_code().value();
    ASSERT_TRUE(std::regex_match(code, format)) << code;
    EXPECT_EQ(code.substr(4).find_first_of("01OI"), std::string::npos) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200U);  // 60 random bits: a collision here means broken randomness
}

TEST(SecretHash, NormalizeInviteCodeTrimsAndUppercases) {
  EXPECT_EQ(normalize_invite_code("  moim-7k3q-xp9d-4hwt\n"), "MOIM-7K3Q-XP9D-4HWT");
  EXPECT_EQ(normalize_invite_code("MOIM-7K3Q"), "MOIM-7K3Q");
  EXPECT_EQ(normalize_invite_code(" \t "), "");
  EXPECT_EQ(normalize_invite_code("초대 code"), "초대 CODE");  // non-ASCII bytes untouched
}

}  // namespace
}  // namespace moim::store
