#pragma once
// An Encoder for tests of app: each message becomes one readable line ("ack 7", "chat room ...")
// instead of protobuf bytes, so Hub and RoomHost tests state what a person was told in domain
// terms and need nothing from net.
#include <iterator>
#include <sstream>
#include <string>

#include "app/encoder.hpp"

namespace moim::app::test {

class TextEncoder final : public Encoder {
 public:
  SharedBytes ack(std::uint32_t request_id) const override {
    return line("ack " + std::to_string(request_id));
  }
  SharedBytes error(std::uint32_t request_id, const Error& error) const override {
    return line("error " + std::to_string(request_id) + " " +
                std::to_string(static_cast<int>(error.code)) + " " + error.message);
  }
  SharedBytes frame(const room::FrameView& frame) const override {
    std::ostringstream out;
    out << "frame";
    for (const auto& a : frame.upserts) out << " upsert:" << a.id;
    for (const auto& m : frame.moves) out << " move:" << m.id << "@" << m.pos.x << "," << m.pos.y;
    for (auto id : frame.removed) out << " removed:" << id;
    return line(out.str());
  }
  SharedBytes chat(const room::ChatView& chat) const override {
    return line("chat " + std::to_string(chat.from) + " " + chat.text);
  }
  SharedBytes welcome(const Welcome& welcome) const override {
    std::ostringstream out;
    out << "welcome " << welcome.snapshot->room << " you:" << welcome.you << "@"
        << welcome.snapshot->you.pos.x << "," << welcome.snapshot->you.pos.y << " features:";
    for (const auto& f : welcome.features) out << f.name << (f.ref.empty() ? "" : "=" + f.ref);
    return line(out.str());
  }
  SharedBytes move_refused(const room::MoveView& where, std::uint32_t seq,
                           const Error&) const override {
    return line("move_refused " + std::to_string(seq) + " " + std::to_string(where.pos.x) + "," +
                std::to_string(where.pos.y));
  }
  SharedBytes location(std::uint32_t request_id, const room::AvatarView& avatar,
                       const std::string& room) const override {
    return line("location " + std::to_string(request_id) + " " + std::to_string(avatar.id) + " " +
                room);
  }
  SharedBytes graduation_event(std::uint32_t request_id,
                               const graduation::Event& event) const override {
    static constexpr const char* kNames[] = {"checked_in",     "state",        "offer_made",
                                             "offer_received", "offer_closed", "swap_done",
                                             "cards_export",   "raffle_news"};
    static_assert(std::size(kNames) == std::variant_size_v<graduation::Event>);
    return line("graduation " + std::to_string(request_id) + " " + kNames[event.index()]);
  }

  SharedBytes programme(std::uint32_t request_id, const ProgrammeEvent& event) const override {
    return line("programme " + std::to_string(request_id) + " " + std::to_string(event.index()));
  }
  std::size_t entry_size(const programme_event::Group&) const override { return 1; }
  std::size_t entry_size(const programme_event::Talk&) const override { return 1; }
  std::size_t entry_size(const programme::Question&) const override { return 1; }

  // "voice <speaker>:<seq>:<opus> ..." and "listeners <id> ... [stage] [muted]".
  SharedBytes voice_batch(std::span<const VoicePacketView> packets) const override {
    std::string text = "voice";
    for (const auto& p : packets) {
      text += " " + std::to_string(p.speaker) + ":" + std::to_string(p.seq) + ":";
      text += p.opus;
    }
    return line(std::move(text));
  }
  SharedBytes voice_listeners(const VoiceListenersView& listeners) const override {
    std::string text = "listeners";
    for (auto id : listeners.users) text += " " + std::to_string(id);
    if (listeners.on_stage) text += " stage";
    if (listeners.muted) text += " muted";
    return line(std::move(text));
  }

 private:
  static SharedBytes line(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
  }
};

}  // namespace moim::app::test
