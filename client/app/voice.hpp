#pragma once
// Proximity voice in the desktop client: the sound devices, and a voice thread that runs the
// engine (client/core's voice::VoiceEngine) between them and the network. The render loop only
// sets controls (push-to-talk, open mic, where people stand, volumes) and reads a snapshot of
// the state (who is speaking, who hears me) under a short lock; nothing here waits on audio or
// the network, so audio never blocks drawing and drawing never starves audio.
//
// Without a sound card the client is text-only; without a microphone it listens only. Each case
// gives a sentence for the person (VoiceState::message).
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "audio_devices.hpp"
#include "moim/client/core/voice/resampler.hpp"
#include "moim/client/core/voice/voice_engine.hpp"
#include "moim/client/voice_inbox.hpp"
#include "net_thread.hpp"

namespace moim::client::app {

enum class VoiceAvailability { off, text_only, listen_only, full };

struct VoiceState {
  VoiceAvailability availability = VoiceAvailability::off;
  std::string message;  // why voice is limited, for people; empty when all is well
  bool transmitting = false;
  std::uint32_t mic_level = 0;
  voice::TalkMode mode = voice::TalkMode::push_to_talk;
  std::vector<std::uint64_t> speaking;  // whom we hear now
  bool have_listeners = false;          // the server has told us who hears us
  std::vector<std::uint64_t> listeners;
  bool on_stage = false;
  bool muted = false;
  std::string input;  // device names ("" = default)
  std::string output;
};

struct VoiceOptions {
  bool enabled = true;
  std::string input;  // device names; empty: the system's default
  std::string output;
  // MOIM_VOICE_CLOCK: on exit, write the devices' clocks and how many voice frames were sent and
  // received here (benchmarks and tests read it).
  std::string clock_file;
};

class Voice {
 public:
  Voice(NetworkThread& net, VoiceOptions options);
  ~Voice();
  Voice(const Voice&) = delete;
  Voice& operator=(const Voice&) = delete;

  void set_push_to_talk(bool held);
  void set_mode(voice::TalkMode mode);
  // Everyone in view, relative to us (tiles); called every update.
  void set_offsets(std::unordered_map<std::uint64_t, voice::Offset> offsets);
  void set_volume(std::uint64_t user, float volume);
  float volume(std::uint64_t user) const;
  // Reopens the devices (empty name: the default); the state says how it went.
  void choose_devices(const std::string& output, const std::string& input);
  std::vector<std::string> outputs() const { return outputs_; }
  std::vector<std::string> inputs() const { return inputs_; }

  VoiceState state() const;

 private:
  void start();
  void stop();
  void run();
  void capture_step(std::vector<std::int16_t>& scratch);
  void receive_step();
  void playback_step();
  void publish();
  void write_clock() const;
  void keep_marks();

  NetworkThread& net_;
  VoiceOptions options_;
  std::unique_ptr<AudioDevices> devices_;
  std::shared_ptr<VoiceInbox> inbox_ = std::make_shared<VoiceInbox>();
  std::vector<std::string> outputs_;
  std::vector<std::string> inputs_;

  // Owned by the voice thread while it runs.
  voice::VoiceEngine engine_;
  std::unique_ptr<voice::Resampler> capture_resampler_;
  std::unique_ptr<voice::Resampler> play_resampler_;
  std::vector<std::int16_t> captured_;  // 48 kHz mono, not yet a whole frame
  std::size_t discard_frames_ = 0;      // the first frames after a device opens
  std::uint64_t frames_sent_ = 0;
  std::vector<ClockMark> capture_marks_;  // kept only with a clock file
  std::vector<ClockMark> play_marks_;
  std::uint64_t packets_received_ = 0;

  // Controls from the render thread and the state for it, under mutex_.
  mutable std::mutex mutex_;
  bool ptt_ = false;
  voice::TalkMode mode_ = voice::TalkMode::push_to_talk;
  std::unordered_map<std::uint64_t, voice::Offset> offsets_;
  bool offsets_changed_ = false;
  std::unordered_map<std::uint64_t, float> volumes_;
  std::vector<std::pair<std::uint64_t, float>> volume_changes_;
  VoiceState state_;

  std::atomic<bool> running_{false};
  std::thread thread_;
};

}  // namespace moim::client::app
