#pragma once
// The Encoder the server runs with: domain events in, serialised v1::Envelope bytes out.
#include "app/encoder.hpp"

namespace moim::net {

class ProtoEncoder final : public app::Encoder {
 public:
  app::SharedBytes ack(std::uint32_t request_id) const override;
  app::SharedBytes error(std::uint32_t request_id, const Error& error) const override;
  app::SharedBytes frame(const room::FrameView& frame) const override;
  app::SharedBytes chat(const room::ChatView& chat) const override;
  app::SharedBytes welcome(const app::Welcome& welcome) const override;
  app::SharedBytes move_refused(const room::MoveView& where, std::uint32_t seq,
                                const Error& why) const override;
  app::SharedBytes location(std::uint32_t request_id, const room::AvatarView& avatar,
                            const std::string& room) const override;
};

}  // namespace moim::net
