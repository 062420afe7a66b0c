#include "net/snapshot_wire.hpp"

#include <algorithm>

#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"

namespace moim::net {

namespace {

constexpr std::uint32_t kLengthDelimited = 2;

std::size_t varint_size(std::uint64_t v) {
  std::size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

// Writers into memory sized beforehand: appending byte by byte to a std::string (a capacity
// check per byte) cost as much as the rest of the snapshot.
char* put_varint(char* p, std::uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

char* put_tag(char* p, std::uint32_t field) {
  return put_varint(p, (field << 3) | kLengthDelimited);
}

std::size_t field_size(std::uint32_t field, std::size_t length) {
  return varint_size((field << 3) | kLengthDelimited) + varint_size(length) + length;
}

// Appends `bytes` as the length-delimited field `field`.
void append_message_field(std::string& out, std::uint32_t field, std::string_view bytes) {
  const std::size_t at = out.size();
  out.resize(at + field_size(field, bytes.size()));
  char* p = put_tag(out.data() + at, field);
  p = put_varint(p, bytes.size());
  std::copy(bytes.begin(), bytes.end(), p);
}

// One v1::Avatar reused for every person: after the first few, filling it allocates nothing
// (cleared strings keep their memory), and fill() stays the one place that says what an
// avatar looks like on the wire.
std::size_t fill_scratch(v1::Avatar& scratch, const room::AvatarView& a) {
  scratch.Clear();
  fill(scratch, a);
  return scratch.ByteSizeLong();
}

}  // namespace

void append_avatar(std::string& out, const room::AvatarView& avatar) {
  v1::Avatar scratch;
  const std::size_t size = fill_scratch(scratch, avatar);
  const std::size_t at = out.size();
  out.resize(at + size);
  scratch.SerializeWithCachedSizesToArray(reinterpret_cast<std::uint8_t*>(out.data() + at));
}

std::string encode_with_avatars(v1::Envelope envelope, std::span<const room::AvatarView> avatars) {
  const v1::RoomSnapshot* snapshot = nullptr;
  if (envelope.has_joined()) snapshot = &envelope.joined().room();
  if (envelope.has_room_entered()) snapshot = &envelope.room_entered().room();
  if (!snapshot) return proto::encode(envelope);

  // The snapshot: protobuf writes its other fields, then each avatar is appended as one more
  // element of the repeated field (a parser accepts fields in any order). The room is sized
  // for ~40 bytes a person and grows if names are longer.
  constexpr std::uint32_t kAvatars = v1::RoomSnapshot::kAvatarsFieldNumber;
  std::string room = snapshot->SerializeAsString();
  room.reserve(room.size() + avatars.size() * 40);
  v1::Avatar scratch;
  for (const auto& a : avatars) {
    const std::size_t size = fill_scratch(scratch, a);
    const std::size_t at = room.size();
    room.resize(at + field_size(kAvatars, size));
    char* p = put_tag(room.data() + at, kAvatars);
    p = put_varint(p, size);
    scratch.SerializeWithCachedSizesToArray(reinterpret_cast<std::uint8_t*>(p));
  }
  // Then the same trick outwards: the body without its snapshot, plus the snapshot's bytes.
  std::string body;
  std::uint32_t body_field = 0;
  if (envelope.has_joined()) {
    envelope.mutable_joined()->clear_room();
    body = envelope.joined().SerializeAsString();
    append_message_field(body, v1::Joined::kRoomFieldNumber, room);
    body_field = v1::Envelope::kJoinedFieldNumber;
  } else {
    envelope.mutable_room_entered()->clear_room();
    body = envelope.room_entered().SerializeAsString();
    append_message_field(body, v1::RoomEntered::kRoomFieldNumber, room);
    body_field = v1::Envelope::kRoomEnteredFieldNumber;
  }
  envelope.clear_body();
  std::string out = proto::encode(envelope);
  append_message_field(out, body_field, body);
  return out;
}

}  // namespace moim::net
