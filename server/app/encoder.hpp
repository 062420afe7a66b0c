#pragma once
// What the hub and the rooms tell people, as domain values in, bytes out. The wire format is
// net's business (net/proto_encoder.hpp implements this with protobuf); app hands the bytes to
// SessionLinks. Each method encodes once, so the same bytes go to every recipient of a fan-out.
//
// Implementations are thread-safe: every room's strand encodes through the same encoder.
#include <cstdint>
#include <string>

#include <span>

#include "app/programme_events.hpp"
#include "app/room_feature.hpp"
#include "app/session_link.hpp"
#include "core/result.hpp"
#include "graduation/events.hpp"
#include "room/types.hpp"
#include "room/voice.hpp"

namespace moim::app {

// The answer to a join, a resume or a portal: the room as this person first sees it.
struct Welcome {
  std::uint32_t request_id = 0;
  room::ArrivalKind kind = room::ArrivalKind::join;
  room::UserId you = 0;
  room::Role role = room::Role::attendee;
  std::string resume_token;  // joins and resumes only
  const room::SnapshotView* snapshot = nullptr;
  std::span<const FeatureTag> features;  // what the room offers (app/room_feature.hpp)
};

// One voice frame on its way to a listener (features/voice_feature.hpp): the speaker's Opus
// bytes as they came, and why this listener hears them.
struct VoicePacketView {
  room::UserId speaker = 0;
  std::uint32_t seq = 0;
  std::string_view opus;
  room::VoiceReach reach = room::VoiceReach::nearby;
};

// What a speaker is told about who hears them.
struct VoiceListenersView {
  std::span<const room::UserId> users;
  bool on_stage = false;
  bool muted = false;
};

class Encoder {
 public:
  virtual ~Encoder() = default;

  virtual SharedBytes ack(std::uint32_t request_id) const = 0;
  virtual SharedBytes error(std::uint32_t request_id, const Error& error) const = 0;
  // Called on a room's strand for every flush: the hot path of the server.
  virtual SharedBytes frame(const room::FrameView& frame) const = 0;
  virtual SharedBytes chat(const room::ChatView& chat) const = 0;
  virtual SharedBytes welcome(const Welcome& welcome) const = 0;
  // The person's own move was refused: where they really are, and why.
  virtual SharedBytes move_refused(const room::MoveView& where, std::uint32_t seq,
                                   const Error& why) const = 0;
  // The answer to "where is this person?".
  virtual SharedBytes location(std::uint32_t request_id, const room::AvatarView& avatar,
                               const std::string& room) const = 0;

  // Graduation day's answers (request_id set) and pushes (request_id 0).
  virtual SharedBytes graduation_event(std::uint32_t request_id,
                                       const graduation::Event& event) const = 0;

  // --- the programme: study groups and the hall (app/programme_events.hpp) ---
  // An answer to `request_id`, or a push when it is 0.
  virtual SharedBytes programme(std::uint32_t request_id, const ProgrammeEvent& event) const = 0;
  // The bytes one entry of a list takes on the wire: pages are cut by size as well as count.
  virtual std::size_t entry_size(const programme_event::Group& group) const = 0;
  virtual std::size_t entry_size(const programme_event::Talk& talk) const = 0;
  virtual std::size_t entry_size(const programme::Question& question) const = 0;

  // --- proximity voice (features/voice_feature.hpp) ---
  // Every packet one listener gets in a flush, in one message (VoiceBatch).
  virtual SharedBytes voice_batch(std::span<const VoicePacketView> packets) const = 0;
  virtual SharedBytes voice_listeners(const VoiceListenersView& listeners) const = 0;
};

}  // namespace moim::app
