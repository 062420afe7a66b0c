#include "peek.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "moim/v1/moim.pb.h"

namespace moim::loadgen {

namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

// Moves `in` into the length-delimited field `field` of the current message, skipping every
// other field. Returns false if the message ends (or is malformed) before that field.
bool enter_field(CodedInputStream& in, int field) {
  while (const auto tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == field &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      std::uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return false;
      in.PushLimit(static_cast<int>(length));
      return true;
    }
    if (!WireFormatLite::SkipField(&in, tag)) return false;
  }
  return false;
}

}  // namespace

std::optional<world::TilePos> joined_position(std::string_view envelope) {
  CodedInputStream in(reinterpret_cast<const std::uint8_t*>(envelope.data()),
                      static_cast<int>(envelope.size()));
  if (!enter_field(in, v1::Envelope::kJoinedFieldNumber) ||
      !enter_field(in, v1::Joined::kRoomFieldNumber) ||
      !enter_field(in, v1::RoomSnapshot::kYouFieldNumber)) {
    return std::nullopt;
  }
  v1::Avatar you;
  if (!you.ParseFromCodedStream(&in)) return std::nullopt;
  return world::TilePos{you.x(), you.y()};
}

}  // namespace moim::loadgen
