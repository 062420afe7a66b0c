#include "moim/proto/envelope.hpp"

namespace moim::proto {

DecodeResult decode_envelope(std::string_view bytes, std::size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return DecodeError{v1::ERROR_CODE_BAD_REQUEST,
                       "message larger than " + std::to_string(max_bytes / 1024) + " KiB"};
  }
  v1::Envelope envelope;
  if (!envelope.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return DecodeError{v1::ERROR_CODE_BAD_REQUEST, "bytes are not a moim Envelope"};
  }
  if (envelope.body_case() == v1::Envelope::BODY_NOT_SET) {
    return DecodeError{v1::ERROR_CODE_UNKNOWN_MESSAGE, "envelope carries no known message"};
  }
  return envelope;
}

std::string encode(const v1::Envelope& envelope) {
  return envelope.SerializeAsString();
}

v1::Envelope make_error(std::uint32_t request_id, v1::ErrorCode code, std::string message) {
  v1::Envelope envelope;
  envelope.set_request_id(request_id);
  auto* error = envelope.mutable_error();
  error->set_code(code);
  error->set_message(std::move(message));
  return envelope;
}

v1::Envelope make_ack(std::uint32_t request_id) {
  v1::Envelope envelope;
  envelope.set_request_id(request_id);
  envelope.mutable_ack();
  return envelope;
}

}  // namespace moim::proto
