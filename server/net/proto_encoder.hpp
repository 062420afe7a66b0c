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
  // encode_graduation.cpp
  app::SharedBytes graduation_event(std::uint32_t request_id,
                                    const graduation::Event& event) const override;

  // The programme (net/encode_programme.cpp).
  app::SharedBytes programme(std::uint32_t request_id,
                             const app::ProgrammeEvent& event) const override;
  std::size_t entry_size(const app::programme_event::Group& group) const override;
  std::size_t entry_size(const app::programme_event::Talk& talk) const override;
  std::size_t entry_size(const programme::Question& question) const override;

  // Proximity voice (net/encode_voice.cpp).
  app::SharedBytes voice_batch(std::span<const app::VoicePacketView> packets) const override;
  app::SharedBytes voice_listeners(const app::VoiceListenersView& listeners) const override;
};

}  // namespace moim::net
