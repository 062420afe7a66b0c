#include "moim/proto/envelope.hpp"

#include <gtest/gtest.h>

namespace moim::proto {

TEST(Envelope, RoundTripsAMove) {
  v1::Envelope in;
  in.mutable_move()->set_x(3);
  in.mutable_move()->set_y(-4);
  auto out = decode_envelope(encode(in));
  ASSERT_TRUE(std::holds_alternative<v1::Envelope>(out));
  EXPECT_EQ(std::get<v1::Envelope>(out).move().y(), -4);
}

TEST(Envelope, RefusesGarbageAndOversizeInput) {
  auto garbage = decode_envelope("\xff\xff\xff\xff\xff");
  ASSERT_TRUE(std::holds_alternative<DecodeError>(garbage));
  EXPECT_EQ(std::get<DecodeError>(garbage).code, v1::ERROR_CODE_BAD_REQUEST);
  auto big = decode_envelope(std::string(kMaxMessageBytes + 1, '\0'));
  ASSERT_TRUE(std::holds_alternative<DecodeError>(big));
}

TEST(Envelope, EmptyOrUnknownBodyIsAnUnknownMessage) {
  auto empty = decode_envelope("");
  ASSERT_TRUE(std::holds_alternative<DecodeError>(empty));
  EXPECT_EQ(std::get<DecodeError>(empty).code, v1::ERROR_CODE_UNKNOWN_MESSAGE);
  // Field 999 (wire type 2, length 0): a message kind from a newer protocol.
  const std::string unknown = std::string("\xba\x3e\x00", 3);
  auto result = decode_envelope(unknown);
  ASSERT_TRUE(std::holds_alternative<DecodeError>(result));
  EXPECT_EQ(std::get<DecodeError>(result).code, v1::ERROR_CODE_UNKNOWN_MESSAGE);
}

TEST(Envelope, BuildersCarryTheRequestId) {
  auto error = make_error(7, v1::ERROR_CODE_ROOM_FULL, "full");
  EXPECT_EQ(error.request_id(), 7u);
  EXPECT_EQ(error.error().code(), v1::ERROR_CODE_ROOM_FULL);
  EXPECT_TRUE(make_ack(9).has_ack());
}

}  // namespace moim::proto
