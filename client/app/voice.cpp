#include "voice.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "moim/client/core/voice/resampler.hpp"

namespace moim::client::app {

namespace {

using namespace std::chrono_literals;

// The voice thread wakes this often: well under one 20 ms frame.
constexpr auto kPoll = 4ms;
// The first 100 ms a microphone delivers are dropped: buffers the device filled before we asked.
constexpr std::size_t kDiscardFrames = 5;

voice::Reach reach_of(v1::VoiceReach r) {
  switch (r) {
    case v1::VOICE_REACH_AREA:
      return voice::Reach::area;
    case v1::VOICE_REACH_STAGE:
      return voice::Reach::stage;
    default:
      return voice::Reach::nearby;
  }
}

}  // namespace

Voice::Voice(NetworkThread& net, VoiceOptions options) : net_(net), options_(std::move(options)) {
  if (!options_.enabled) return;
  devices_ = std::make_unique<AudioDevices>();
  if (!devices_->ok()) {
    state_.availability = VoiceAvailability::text_only;
    state_.message = "No sound system (" + devices_->error() + "): voice is off, chat works.";
    return;
  }
  outputs_ = AudioDevices::names(false);
  inputs_ = AudioDevices::names(true);
  net_.set_voice_inbox(inbox_);
  choose_devices(options_.output, options_.input);
}

Voice::~Voice() {
  stop();
  write_clock();
  if (devices_) devices_->close();
}

void Voice::choose_devices(const std::string& output, const std::string& input) {
  if (!devices_ || !devices_->ok()) return;
  stop();
  devices_->close();
  VoiceState fresh;
  fresh.mode = mode_;
  fresh.output = output;
  fresh.input = input;
  std::string why;
  if (!devices_->open_playback(output, why)) {
    fresh.availability = VoiceAvailability::text_only;
    fresh.message = "No sound card (" + why + "): voice is off, chat works.";
  } else if (!devices_->open_capture(input, why)) {
    fresh.availability = VoiceAvailability::listen_only;
    fresh.message = "No microphone (" + why + "): you can listen but not talk.";
  } else {
    fresh.availability = VoiceAvailability::full;
  }
  {
    std::lock_guard lock(mutex_);
    state_ = fresh;
  }
  if (fresh.availability == VoiceAvailability::text_only) return;
  const auto& play = devices_->playback();
  play_resampler_ = std::make_unique<voice::Resampler>(2, voice::kSampleRate, play.rate);
  if (devices_->capture().id != 0) {
    capture_resampler_ =
        std::make_unique<voice::Resampler>(1, devices_->capture().rate, voice::kSampleRate);
  }
  captured_.clear();
  discard_frames_ = kDiscardFrames;
  start();
}

void Voice::start() {
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void Voice::stop() {
  running_ = false;
  if (thread_.joinable()) thread_.join();
}

void Voice::set_push_to_talk(bool held) {
  std::lock_guard lock(mutex_);
  ptt_ = held;
}

void Voice::set_mode(voice::TalkMode mode) {
  std::lock_guard lock(mutex_);
  mode_ = mode;
  state_.mode = mode;
}

void Voice::set_offsets(std::unordered_map<std::uint64_t, voice::Offset> offsets) {
  std::lock_guard lock(mutex_);
  offsets_ = std::move(offsets);
  offsets_changed_ = true;
}

void Voice::set_volume(std::uint64_t user, float volume) {
  volume = std::clamp(volume, 0.0f, 2.0f);
  std::lock_guard lock(mutex_);
  volumes_[user] = volume;
  volume_changes_.emplace_back(user, volume);
}

float Voice::volume(std::uint64_t user) const {
  std::lock_guard lock(mutex_);
  auto it = volumes_.find(user);
  return it == volumes_.end() ? 1.0f : it->second;
}

VoiceState Voice::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void Voice::run() {
  std::vector<std::int16_t> scratch(8192);
  while (running_) {
    {
      std::lock_guard lock(mutex_);
      engine_.set_push_to_talk(ptt_);
      engine_.set_mode(mode_);
      if (offsets_changed_) {
        engine_.set_offsets(offsets_);
        offsets_changed_ = false;
      }
      for (const auto& [user, volume] : volume_changes_) engine_.set_volume(user, volume);
      volume_changes_.clear();
    }
    capture_step(scratch);
    receive_step();
    playback_step();
    publish();
    keep_marks();
    std::this_thread::sleep_for(kPoll);
  }
}

void Voice::capture_step(std::vector<std::int16_t>& scratch) {
  const auto& cap = devices_->capture();
  if (cap.id == 0) return;
  const auto channels = static_cast<std::size_t>(std::max(1, cap.channels));
  std::vector<std::int16_t> mono;
  for (;;) {
    const std::size_t n = devices_->capture_ring().pop(scratch.data(), scratch.size());
    if (n == 0) break;
    mono.clear();
    for (std::size_t i = 0; i + channels <= n; i += channels) {
      int sum = 0;
      for (std::size_t c = 0; c < channels; ++c) sum += scratch[i + c];
      mono.push_back(static_cast<std::int16_t>(sum / static_cast<int>(channels)));
    }
    capture_resampler_->process(mono, captured_);
  }
  std::size_t at = 0;
  while (captured_.size() - at >= voice::kFrameSamples) {
    voice::Frame frame;
    std::copy_n(captured_.begin() + static_cast<std::ptrdiff_t>(at), frame.size(), frame.begin());
    at += frame.size();
    if (discard_frames_ > 0) {
      --discard_frames_;
      continue;
    }
    if (auto out = engine_.capture(frame)) {
      net_.send_voice(voice_frame_envelope(out->seq, out->opus, out->level));
      ++frames_sent_;
    }
  }
  captured_.erase(captured_.begin(), captured_.begin() + static_cast<std::ptrdiff_t>(at));
}

void Voice::receive_step() {
  auto drained = inbox_->drain();
  packets_received_ += drained.packets.size();
  for (auto& p : drained.packets) {
    const std::string& opus = p.opus();
    engine_.receive({p.speaker(), p.seq(), std::vector<std::uint8_t>(opus.begin(), opus.end()),
                     reach_of(p.reach())});
  }
  if (drained.listeners) {
    std::lock_guard lock(mutex_);
    state_.have_listeners = true;
    state_.listeners.assign(drained.listeners->users().begin(), drained.listeners->users().end());
    state_.on_stage = drained.listeners->on_stage();
    state_.muted = drained.listeners->muted();
  }
}

void Voice::playback_step() {
  const auto& play = devices_->playback();
  const auto channels = static_cast<std::size_t>(std::max(1, play.channels));
  // Keep one device buffer and 5 ms queued before mixing the next frame: the callback never
  // starves between our wake-ups (every 4 ms), and the ring adds 15-35 ms, not more.
  const std::size_t target =
      (static_cast<std::size_t>(play.buffer) + static_cast<std::size_t>(play.rate) / 200) *
      channels;
  std::vector<std::int16_t> stereo;
  std::vector<std::int16_t> device;
  while (devices_->play_ring().size() < target) {
    const voice::StereoFrame mix = engine_.play();
    stereo.clear();
    play_resampler_->process(mix, stereo);
    device.clear();
    for (std::size_t i = 0; i + 1 < stereo.size(); i += 2) {
      if (channels == 1) {
        device.push_back(static_cast<std::int16_t>((stereo[i] + stereo[i + 1]) / 2));
        continue;
      }
      device.push_back(stereo[i]);
      device.push_back(stereo[i + 1]);
      for (std::size_t c = 2; c < channels; ++c) device.push_back(0);
    }
    devices_->play_ring().push(device.data(), device.size());
  }
}

void Voice::publish() {
  auto speaking = engine_.speaking();
  std::lock_guard lock(mutex_);
  state_.speaking = std::move(speaking);
  state_.transmitting = engine_.transmitting() && devices_->capture().id != 0;
  state_.mic_level = engine_.mic_level();
}

void Voice::keep_marks() {
  ClockMark m;
  while (devices_->capture_clock().marks.pop(&m, 1) == 1) {
    if (!options_.clock_file.empty()) capture_marks_.push_back(m);
  }
  while (devices_->play_clock().marks.pop(&m, 1) == 1) {
    if (!options_.clock_file.empty()) play_marks_.push_back(m);
  }
}

void Voice::write_clock() const {
  if (options_.clock_file.empty() || !devices_) return;
  std::ofstream out(options_.clock_file);
  auto line = [&out](const char* what, const OpenedDevice& d, DeviceClock& c) {
    out << what << ' ' << d.rate << ' ' << d.channels << ' ' << c.first_ns.load() << ' '
        << c.last_ns.load() << ' ' << c.samples.load() << '\n';
  };
  line("capture", devices_->capture(), devices_->capture_clock());
  line("play", devices_->playback(), devices_->play_clock());
  out << "sent " << frames_sent_ << "\nreceived " << packets_received_ << '\n';
  for (const auto& m : capture_marks_) out << "mark capture " << m.ns << ' ' << m.samples << '\n';
  for (const auto& m : play_marks_) out << "mark play " << m.ns << ' ' << m.samples << '\n';
}

}  // namespace moim::client::app
