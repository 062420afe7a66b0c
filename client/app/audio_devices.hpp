#pragma once
// The sound card as voice sees it: an SDL2 playback device and a capture device, each driven by
// SDL's audio thread through a callback that only moves samples between the device and a
// lock-free ring (voice/spsc_ring.hpp). The callbacks never lock, allocate or wait; the voice
// thread fills and drains the rings.
//
// SDL's traps, handled here: we ask for 512-sample buffers (some systems otherwise call back every
// 240 samples), keep whatever spec the device gives (rate and channels; the voice thread
// resamples), and clear the capture ring when a device starts (PulseAudio hands over what it
// recorded while the device was paused).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>

#include "moim/client/core/voice/spsc_ring.hpp"

namespace moim::client::app {

// How one device ran, for the latency benchmark: when its first and latest callbacks came and
// how many samples (per channel) had passed by the latest.
struct ClockMark {
  std::int64_t ns = 0;
  std::uint64_t samples = 0;  // per channel, after this callback
};

struct DeviceClock {
  std::atomic<std::int64_t> first_ns{0};
  std::atomic<std::int64_t> last_ns{0};
  std::atomic<std::uint64_t> samples{0};
  // Every callback's time and count, for the benchmark to map a sample to the clock; the voice
  // thread drains it (a full ring drops marks, never blocks the callback).
  voice::SpscRing<ClockMark> marks{1024};
  void mark(std::uint64_t frames);
};

struct OpenedDevice {
  SDL_AudioDeviceID id = 0;
  int rate = 0;
  int channels = 0;
  int buffer = 0;  // samples per callback
  std::string name;
};

class AudioDevices {
 public:
  // Starts SDL's audio subsystem; ok() is false (and error() says why) without a sound system.
  AudioDevices();
  ~AudioDevices();
  AudioDevices(const AudioDevices&) = delete;
  AudioDevices& operator=(const AudioDevices&) = delete;

  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  static std::vector<std::string> names(bool capture);

  // Opens the loudspeaker (empty name: the system's default). False and a reason on failure.
  bool open_playback(const std::string& name, std::string& why);
  bool open_capture(const std::string& name, std::string& why);
  void close();

  const OpenedDevice& playback() const { return playback_; }
  const OpenedDevice& capture() const { return capture_; }
  voice::SpscRing<std::int16_t>& play_ring() { return play_ring_; }
  voice::SpscRing<std::int16_t>& capture_ring() { return capture_ring_; }
  DeviceClock& play_clock() { return play_clock_; }
  DeviceClock& capture_clock() { return capture_clock_; }
  // Samples the loudspeaker wanted and did not get (the voice thread fell behind).
  std::uint64_t underruns() const { return underruns_.load(); }

 private:
  // Opens a device asking for 48 kHz in kAskSamples buffers; takes what it gives.
  std::optional<OpenedDevice> open_device(const std::string& name, bool capture, std::string& why);
  static void play_callback(void* self, Uint8* stream, int len);
  static void capture_callback(void* self, Uint8* stream, int len);

  bool ok_ = false;
  std::string error_;
  OpenedDevice playback_;
  OpenedDevice capture_;
  // About 340 ms at 48 kHz stereo: far more than the voice thread ever keeps queued.
  voice::SpscRing<std::int16_t> play_ring_{1 << 15};
  voice::SpscRing<std::int16_t> capture_ring_{1 << 15};
  DeviceClock play_clock_;
  DeviceClock capture_clock_;
  std::atomic<std::uint64_t> underruns_{0};
  std::atomic<std::uint64_t> overruns_{0};
};

}  // namespace moim::client::app
