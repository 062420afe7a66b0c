#include "audio_devices.hpp"

#include <cstring>

namespace moim::client::app {

namespace {

constexpr int kAskRate = 48000;
constexpr Uint16 kAskSamples = 512;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void DeviceClock::mark(std::uint64_t frames) {
  const std::int64_t t = now_ns();
  std::int64_t zero = 0;
  first_ns.compare_exchange_strong(zero, t);
  const std::uint64_t total = samples.fetch_add(frames) + frames;
  last_ns.store(t);
  const ClockMark m{t, total};
  marks.push(&m, 1);
}

AudioDevices::AudioDevices() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    error_ = SDL_GetError();
    return;
  }
  ok_ = true;
}

AudioDevices::~AudioDevices() {
  close();
  if (ok_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

std::vector<std::string> AudioDevices::names(bool capture) {
  std::vector<std::string> out;
  const int n = SDL_GetNumAudioDevices(capture ? 1 : 0);
  for (int i = 0; i < n; ++i) {
    if (const char* name = SDL_GetAudioDeviceName(i, capture ? 1 : 0)) out.emplace_back(name);
  }
  return out;
}

std::optional<OpenedDevice> AudioDevices::open_device(const std::string& name, bool capture,
                                                      std::string& why) {
  if (!ok_) {
    why = error_;
    return std::nullopt;
  }
  SDL_AudioSpec want{};
  want.freq = kAskRate;
  want.format = AUDIO_S16SYS;
  want.channels = capture ? 1 : 2;  // a mono microphone; stereo for the panned mix
  want.samples = kAskSamples;
  want.callback = capture ? &AudioDevices::capture_callback : &AudioDevices::play_callback;
  want.userdata = this;
  SDL_AudioSpec got{};
  const SDL_AudioDeviceID id =
      SDL_OpenAudioDevice(name.empty() ? nullptr : name.c_str(), capture ? 1 : 0, &want, &got,
                          SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE);
  if (id == 0) {
    why = SDL_GetError();
    return std::nullopt;
  }
  return OpenedDevice{id, got.freq, got.channels, got.samples, name};
}

bool AudioDevices::open_playback(const std::string& name, std::string& why) {
  auto opened = open_device(name, false, why);
  if (!opened) return false;
  playback_ = *opened;
  SDL_PauseAudioDevice(playback_.id, 0);
  return true;
}

bool AudioDevices::open_capture(const std::string& name, std::string& why) {
  auto opened = open_device(name, true, why);
  if (!opened) return false;
  capture_ = *opened;
  // Whatever the device kept from before it started is not what the person says now.
  capture_ring_.clear();
  SDL_PauseAudioDevice(capture_.id, 0);
  return true;
}

void AudioDevices::close() {
  if (capture_.id != 0) SDL_CloseAudioDevice(capture_.id);
  if (playback_.id != 0) SDL_CloseAudioDevice(playback_.id);
  capture_ = {};
  playback_ = {};
}

void AudioDevices::play_callback(void* self, Uint8* stream, int len) {
  auto& d = *static_cast<AudioDevices*>(self);
  const auto want = static_cast<std::size_t>(len) / sizeof(std::int16_t);
  auto* out = reinterpret_cast<std::int16_t*>(stream);
  const std::size_t got = d.play_ring_.pop(out, want);
  if (got < want) {
    std::memset(out + got, 0, (want - got) * sizeof(std::int16_t));
    d.underruns_.fetch_add(want - got, std::memory_order_relaxed);
  }
  d.play_clock_.mark(want / static_cast<std::size_t>(std::max(1, d.playback_.channels)));
}

void AudioDevices::capture_callback(void* self, Uint8* stream, int len) {
  auto& d = *static_cast<AudioDevices*>(self);
  const auto n = static_cast<std::size_t>(len) / sizeof(std::int16_t);
  const std::size_t put = d.capture_ring_.push(reinterpret_cast<const std::int16_t*>(stream), n);
  if (put < n) d.overruns_.fetch_add(n - put, std::memory_order_relaxed);
  d.capture_clock_.mark(n / static_cast<std::size_t>(std::max(1, d.capture_.channels)));
}

}  // namespace moim::client::app
