#include "peek.hpp"

#include <gtest/gtest.h>

#include "moim/proto/envelope.hpp"

namespace moim::loadgen {
namespace {

v1::Envelope joined_at(int x, int y, int others) {
  v1::Envelope e;
  e.set_request_id(2);
  auto* joined = e.mutable_joined();
  joined->set_user_id(7);
  joined->set_resume_token("token");
  auto* room = joined->mutable_room();
  room->set_room("lobby");
  // Avatars and history before `you` on the wire would not matter either; here they follow it.
  for (int i = 0; i < others; ++i) {
    auto* a = room->add_avatars();
    a->set_user_id(static_cast<std::uint64_t>(100 + i));
    a->set_display_name("bot-" + std::to_string(i));
    a->set_x(i);
    a->set_y(i);
  }
  room->mutable_you()->set_user_id(7);
  room->mutable_you()->set_x(x);
  room->mutable_you()->set_y(y);
  room->add_history()->set_text("hello");
  return e;
}

TEST(JoinedPosition, ReadsYourTileFromAJoinedAnswer) {
  const auto bytes = proto::encode(joined_at(12, 34, 500));
  const auto pos = joined_position(bytes);
  ASSERT_TRUE(pos);
  EXPECT_EQ(pos->x, 12);
  EXPECT_EQ(pos->y, 34);
}

TEST(JoinedPosition, OtherAnswersAreLeftToTheFullDecoder) {
  v1::Envelope welcome;
  welcome.set_request_id(1);
  welcome.mutable_welcome()->set_server("moim");
  EXPECT_FALSE(joined_position(proto::encode(welcome)));
  EXPECT_FALSE(
      joined_position(proto::encode(proto::make_error(2, v1::ERROR_CODE_ROOM_FULL, "full"))));
  EXPECT_FALSE(joined_position(""));
}

TEST(JoinedPosition, BytesCutBeforeYourAvatarEndsAreNotAJoin) {
  const auto bytes = proto::encode(joined_at(3, 4, 10));
  EXPECT_FALSE(joined_position(std::string_view(bytes).substr(0, 8)));
  // Cut among the other avatars (serialised after `you`): your tile is still there and right.
  const auto pos = joined_position(std::string_view(bytes).substr(0, bytes.size() / 2));
  ASSERT_TRUE(pos);
  EXPECT_EQ(pos->x, 3);
  EXPECT_EQ(pos->y, 4);
}

}  // namespace
}  // namespace moim::loadgen
