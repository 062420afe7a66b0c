#pragma once
// Encoding a snapshot answer (Joined, RoomEntered) without building a protobuf Avatar per person.
// A join into a crowded room answers with everyone in view; allocating, filling, serialising and
// destroying thousands of v1::Avatar messages per join was most of a join's server CPU. Here one
// reused v1::Avatar serialises each person straight into the answer's bytes, and the rest of the
// answer goes through protobuf as usual.
#include <span>
#include <string>

#include "moim/v1/moim.pb.h"
#include "room/types.hpp"

namespace moim::net {

// Appends the serialised v1::Avatar that fill(v1::Avatar&, avatar) would produce.
void append_avatar(std::string& out, const room::AvatarView& avatar);

// The bytes of `envelope` with `avatars` added to its snapshot's repeated `avatars` field, as if
// each had been filled in with fill() before encoding. `envelope` is a Joined or RoomEntered
// answer whose snapshot holds everything but the avatars; any other envelope is encoded as is.
std::string encode_with_avatars(v1::Envelope envelope, std::span<const room::AvatarView> avatars);

}  // namespace moim::net
