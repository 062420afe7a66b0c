// libFuzzer target: proto::decode_envelope on arbitrary bytes, and the text rules on whatever
// strings a decoded envelope carries. A decoded envelope must encode and decode to itself.
#include <google/protobuf/stubs/logging.h>

#include <cstdlib>

#include "moim/proto/envelope.hpp"
#include "moim/proto/text.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace moim;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Raw bytes through the text rules: they must never read past the end or accept bad UTF-8.
  if (proto::check_chat_text(bytes) == proto::TextProblem::ok && !proto::utf8_length(bytes)) {
    std::abort();
  }
  proto::check_display_name(bytes);
  auto decoded = proto::decode_envelope(bytes);
  auto* envelope = std::get_if<v1::Envelope>(&decoded);
  if (!envelope) return 0;
  const std::string again = proto::encode(*envelope);
  auto redecoded = proto::decode_envelope(again, proto::kMaxServerMessageBytes);
  auto* second = std::get_if<v1::Envelope>(&redecoded);
  if (!second || second->body_case() != envelope->body_case() || proto::encode(*second) != again) {
    std::abort();
  }
  if (envelope->has_join()) proto::check_display_name(envelope->join().display_name());
  if (envelope->has_send_chat()) proto::check_chat_text(envelope->send_chat().text());
  return 0;
}
