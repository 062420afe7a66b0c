#include "net/proto_encoder.hpp"

#include <google/protobuf/arena.h>

#include <vector>

#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"
#include "net/encode_shared.hpp"
#include "net/snapshot_wire.hpp"

namespace moim::net {

app::SharedBytes ProtoEncoder::ack(std::uint32_t request_id) const {
  return encode_shared(proto::make_ack(request_id));
}

app::SharedBytes ProtoEncoder::error(std::uint32_t request_id, const Error& error) const {
  return encode_shared(error_envelope(request_id, error));
}

app::SharedBytes ProtoEncoder::frame(const room::FrameView& frame) const {
  // A frame holds one sub-message per avatar in it, thousands per flush in a crowded room; on an
  // arena whose first block is kept between frames (one per thread: every room's strand encodes
  // here) they cost no allocation each.
  thread_local std::vector<char> arena_block(64 * 1024);
  google::protobuf::ArenaOptions options;
  options.initial_block = arena_block.data();
  options.initial_block_size = arena_block.size();
  google::protobuf::Arena arena(options);
  auto* envelope = google::protobuf::Arena::CreateMessage<v1::Envelope>(&arena);
  fill(*envelope->mutable_frame(), frame);
  return std::make_shared<const std::string>(proto::encode(*envelope));
}

app::SharedBytes ProtoEncoder::chat(const room::ChatView& chat) const {
  v1::Envelope envelope;
  fill(*envelope.mutable_chat(), chat);
  return encode_shared(envelope);
}

app::SharedBytes ProtoEncoder::welcome(const app::Welcome& welcome) const {
  const auto& snapshot = *welcome.snapshot;
  v1::Envelope envelope;
  envelope.set_request_id(welcome.request_id);
  v1::RoomSnapshot* room = nullptr;
  if (welcome.kind == room::ArrivalKind::portal) {
    room = envelope.mutable_room_entered()->mutable_room();
  } else {
    auto* joined = envelope.mutable_joined();
    joined->set_user_id(welcome.you);
    joined->set_role(to_proto(welcome.role));
    joined->set_resume_token(welcome.resume_token);
    room = joined->mutable_room();
  }
  fill_except_avatars(*room, snapshot);
  for (const auto& feature : welcome.features) {
    auto* out = room->add_features();
    out->set_name(feature.name);
    out->set_ref(feature.ref);
  }
  return std::make_shared<const std::string>(
      encode_with_avatars(std::move(envelope), snapshot.avatars));
}

app::SharedBytes ProtoEncoder::move_refused(const room::MoveView& where, std::uint32_t seq,
                                            const Error& why) const {
  v1::Envelope envelope;
  auto* correction = envelope.mutable_move_correction();
  correction->set_x(where.pos.x);
  correction->set_y(where.pos.y);
  correction->set_facing(to_proto(where.facing));
  correction->set_seq(seq);
  correction->set_reason(to_proto(why.code));
  return encode_shared(envelope);
}

app::SharedBytes ProtoEncoder::location(std::uint32_t request_id, const room::AvatarView& avatar,
                                        const std::string& room) const {
  v1::Envelope envelope;
  envelope.set_request_id(request_id);
  auto* location = envelope.mutable_location();
  location->set_user_id(avatar.id);
  location->set_display_name(avatar.name);
  location->set_room(room);
  location->set_x(avatar.pos.x);
  location->set_y(avatar.pos.y);
  return encode_shared(envelope);
}

}  // namespace moim::net
