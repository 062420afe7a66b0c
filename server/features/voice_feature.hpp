#pragma once
// Proximity voice, in every room (FeatureRegistry::add_everywhere): people hear whoever stands
// near them, everyone in their private area, and whoever stands on the stage. docs/voice.md.
//
// Frames (app/voice_requests.hpp) are buffered per speaker as they arrive and forwarded at the
// room's next flush, unchanged: the room's rules (room/voice.hpp) say who can hear each speaker
// and which 8 speakers each listener hears; each listener gets one VoiceBatch per flush, and a
// batch is encoded once for all the listeners who get the same packets. A speaker whose
// listeners (or stage or mute) changed is told who hears them (VoiceListeners). Silent people
// cost nothing: only those who spoke since the last flush are looked at.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/encoder.hpp"
#include "app/metrics.hpp"
#include "app/room_feature.hpp"
#include "features/voice_mutes.hpp"
#include "room/voice.hpp"

namespace moim::features {

class VoiceFeature final : public app::RoomFeature {
 public:
  // At most this many frames of one speaker wait for a flush (200 ms of speech); older ones go.
  static constexpr std::size_t kMaxPendingFrames = 10;

  VoiceFeature(VoiceMutes& mutes, Metrics& metrics) : mutes_(mutes), metrics_(metrics) {}

  app::FeatureTag tag() const override { return {"voice", ""}; }
  void left(app::FeatureRoom& room, room::UserId who) override;
  bool handle(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
              const app::FeatureRequest& request) override;
  void flush(app::FeatureRoom& room) override;

 private:
  struct Pending {
    std::vector<app::voice::Frame> frames;
    std::uint32_t level = 0;  // the loudest of them
  };
  // What a speaker was last told (VoiceListeners).
  struct Told {
    std::vector<room::UserId> users;
    bool on_stage = false;
    bool muted = false;
    friend bool operator==(const Told&, const Told&) = default;
  };
  // One distinct set of speakers heard, and who hears exactly that.
  struct Group {
    const room::VoiceMix::Picks* picks = nullptr;
    std::vector<room::UserId> listeners;
  };

  void speak(app::FeatureRoom& room, const app::Identity& who, app::voice::Frame frame);
  void mute(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
            const app::voice::Mute& mute);
  bool is_muted(app::FeatureRoom& room, room::UserId who) const;
  // Takes out the speakers who may not be heard now, then asks the rules who hears the rest.
  void route(app::FeatureRoom& room);
  void send_batches(app::FeatureRoom& room);
  void tell_speakers(app::FeatureRoom& room);
  void tell(app::FeatureRoom& room, room::UserId speaker, Told now);

  VoiceMutes& mutes_;
  Metrics& metrics_;
  std::unordered_map<room::UserId, Pending> pending_;
  std::vector<room::UserId> speakers_;  // of pending_, in the order they first spoke
  std::unordered_map<room::UserId, Told> told_;
  // Scratch of one flush, kept between flushes for its memory.
  std::vector<room::VoiceAudience> audiences_;  // by speaker number (index in speakers_)
  room::VoiceMix mix_;
  std::unordered_map<std::string, Group> groups_;
  std::vector<std::vector<room::UserId>> heard_by_;  // by speaker number
  std::vector<app::VoicePacketView> packets_;
};

// The FeatureRegistry's factory: every room gets a voice feature sharing `mutes`.
app::FeatureRegistry::Factory voice_factory(VoiceMutes& mutes, Metrics& metrics);

}  // namespace moim::features
