// Proximity voice on the wire: one VoiceBatch per listener per flush, one VoiceListeners to a
// speaker whose listeners changed. A batch is encoded once and shared by every listener who
// gets the same packets (the whole hall, for the stage).
#include <google/protobuf/arena.h>

#include <vector>

#include "net/encode_shared.hpp"
#include "net/proto_encoder.hpp"

namespace moim::net {

namespace {

v1::VoiceReach to_proto(room::VoiceReach reach) {
  switch (reach) {
    case room::VoiceReach::nearby:
      return v1::VOICE_REACH_NEARBY;
    case room::VoiceReach::area:
      return v1::VOICE_REACH_AREA;
    case room::VoiceReach::stage:
      return v1::VOICE_REACH_STAGE;
  }
  return v1::VOICE_REACH_UNSPECIFIED;
}

}  // namespace

app::SharedBytes ProtoEncoder::voice_batch(std::span<const app::VoicePacketView> packets) const {
  // Up to 8 speakers' frames: on an arena whose first block is kept per thread (as frame() does)
  // the packets cost no allocation each.
  thread_local std::vector<char> arena_block(32 * 1024);
  google::protobuf::ArenaOptions options;
  options.initial_block = arena_block.data();
  options.initial_block_size = arena_block.size();
  google::protobuf::Arena arena(options);
  auto* envelope = google::protobuf::Arena::CreateMessage<v1::Envelope>(&arena);
  auto* batch = envelope->mutable_voice_batch();
  for (const auto& packet : packets) {
    auto* out = batch->add_packets();
    out->set_speaker(packet.speaker);
    out->set_seq(packet.seq);
    out->set_opus(packet.opus.data(), packet.opus.size());
    out->set_reach(to_proto(packet.reach));
  }
  return std::make_shared<const std::string>(proto::encode(*envelope));
}

app::SharedBytes ProtoEncoder::voice_listeners(const app::VoiceListenersView& listeners) const {
  v1::Envelope envelope;
  auto* out = envelope.mutable_voice_listeners();
  out->mutable_users()->Reserve(static_cast<int>(listeners.users.size()));
  for (auto id : listeners.users) out->add_users(id);
  out->set_on_stage(listeners.on_stage);
  out->set_muted(listeners.muted);
  return encode_shared(envelope);
}

}  // namespace moim::net
