#include "net/snapshot_wire.hpp"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"

namespace moim::net {
namespace {

using google::protobuf::util::MessageDifferencer;

room::AvatarView avatar(store::UserId id, std::string name, world::TilePos pos,
                        world::Direction facing, room::Presence presence, store::Role role,
                        std::uint32_t color, room::Look look = {}) {
  room::AvatarView a;
  a.id = id;
  a.name = std::move(name);
  a.pos = pos;
  a.facing = facing;
  a.presence = presence;
  a.role = role;
  a.color = color;
  a.look = look;
  return a;
}

std::vector<room::AvatarView> people() {
  using world::Direction;
  std::vector<room::AvatarView> out;
  // Every field set (a graduate's look too), every field zero, negative and large values, a
  // multi-byte name; the one after a graduate is not one (a reused message must forget it).
  out.push_back(avatar(42, "Ada", {12, 7}, Direction::left, room::Presence::busy, store::Role::host,
                       0xFFAA33, {true, true, 0x00FF00}));
  out.push_back(
      avatar(1, "", {0, 0}, Direction::down, room::Presence::available, store::Role::attendee, 0));
  out.push_back(avatar(0xFFFFFFFFFFull, "김민지 (조교)", {-3, -70000}, Direction::up,
                       room::Presence::do_not_disturb, store::Role::admin, 0x123456));
  for (int i = 0; i < 300; ++i) {
    const room::Look look{i % 7 == 0, i % 14 == 0, static_cast<std::uint32_t>(i)};
    out.push_back(avatar(static_cast<store::UserId>(1000 + i), "bot-" + std::to_string(i),
                         {i % 48, i / 48}, Direction::right, room::Presence::available,
                         store::Role::attendee,
                         static_cast<std::uint32_t>(i * 2654435761u) & 0xFFFFFF, look));
  }
  return out;
}

room::SnapshotView snapshot_of(std::vector<room::AvatarView> avatars) {
  room::SnapshotView snap;
  snap.room = "lobby";
  snap.map = "lobby";
  snap.you = avatars.front();
  snap.avatars = std::move(avatars);
  room::ChatView line;
  line.id = 5;
  line.scope = room::ChatScope::room;
  line.from = 42;
  line.from_name = "Ada";
  line.text = "hello";
  line.sent_at_ms = 1700000000000;
  line.room = "lobby";
  snap.history.push_back(line);
  return snap;
}

TEST(SnapshotWire, AnAvatarIsTheBytesProtobufWouldWrite) {
  for (const auto& a : people()) {
    v1::Avatar expected;
    fill(expected, a);
    std::string bytes;
    append_avatar(bytes, a);
    EXPECT_EQ(bytes, expected.SerializeAsString()) << "avatar " << a.id;
  }
}

TEST(SnapshotWire, AJoinedAnswerDecodesToWhatFillingItInFullGives) {
  const auto snap = snapshot_of(people());
  v1::Envelope full;
  full.set_request_id(9);
  full.mutable_joined()->set_user_id(42);
  full.mutable_joined()->set_role(v1::ROLE_HOST);
  full.mutable_joined()->set_resume_token("resume-me");
  fill(*full.mutable_joined()->mutable_room(), snap);

  v1::Envelope head = full;
  head.mutable_joined()->mutable_room()->clear_avatars();
  const auto bytes = encode_with_avatars(head, snap.avatars);

  auto decoded = proto::decode_envelope(bytes, proto::kMaxServerMessageBytes);
  ASSERT_TRUE(std::holds_alternative<v1::Envelope>(decoded));
  EXPECT_TRUE(MessageDifferencer::Equals(std::get<v1::Envelope>(decoded), full));
}

TEST(SnapshotWire, ARoomEnteredAnswerDecodesToWhatFillingItInFullGives) {
  const auto snap = snapshot_of(people());
  v1::Envelope full;
  fill(*full.mutable_room_entered()->mutable_room(), snap);

  v1::Envelope head = full;
  head.mutable_room_entered()->mutable_room()->clear_avatars();
  const auto bytes = encode_with_avatars(head, snap.avatars);

  auto decoded = proto::decode_envelope(bytes, proto::kMaxServerMessageBytes);
  ASSERT_TRUE(std::holds_alternative<v1::Envelope>(decoded));
  EXPECT_TRUE(MessageDifferencer::Equals(std::get<v1::Envelope>(decoded), full));
}

TEST(SnapshotWire, AnEmptyRoomAndOtherAnswersEncodeAsUsual) {
  v1::Envelope joined;
  joined.set_request_id(3);
  joined.mutable_joined()->set_user_id(1);
  joined.mutable_joined()->mutable_room()->set_room("lobby");
  EXPECT_EQ(encode_with_avatars(joined, {}).size(), proto::encode(joined).size());
  const auto decoded = proto::decode_envelope(encode_with_avatars(joined, {}));
  ASSERT_TRUE(std::holds_alternative<v1::Envelope>(decoded));
  EXPECT_TRUE(MessageDifferencer::Equals(std::get<v1::Envelope>(decoded), joined));

  const auto ack = proto::make_ack(4);
  EXPECT_EQ(encode_with_avatars(ack, people()), proto::encode(ack));
}

}  // namespace
}  // namespace moim::net
