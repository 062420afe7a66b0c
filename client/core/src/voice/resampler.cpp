#include "moim/client/core/voice/resampler.hpp"

#include <speex/speex_resampler.h>

#include <stdexcept>

namespace moim::client::voice {

Resampler::Resampler(int channels, int in_rate, int out_rate)
    : channels_(channels), in_rate_(in_rate), out_rate_(out_rate) {
  if (in_rate_ == out_rate_) return;
  int err = 0;
  state_ = speex_resampler_init(static_cast<spx_uint32_t>(channels_),
                                static_cast<spx_uint32_t>(in_rate_),
                                static_cast<spx_uint32_t>(out_rate_), 5, &err);
  if (state_ == nullptr) throw std::runtime_error(speex_resampler_strerror(err));
  speex_resampler_skip_zeros(state_);
}

Resampler::~Resampler() {
  if (state_ != nullptr) speex_resampler_destroy(state_);
}

void Resampler::process(std::span<const std::int16_t> in, std::vector<std::int16_t>& out) {
  if (state_ == nullptr) {
    out.insert(out.end(), in.begin(), in.end());
    return;
  }
  const auto ch = static_cast<std::size_t>(channels_);
  std::size_t frames_in = in.size() / ch;
  const std::int16_t* src = in.data();
  while (frames_in > 0) {
    const std::size_t room =
        frames_in * static_cast<std::size_t>(out_rate_) / static_cast<std::size_t>(in_rate_) + 64;
    const std::size_t at = out.size();
    out.resize(at + room * ch);
    auto consumed = static_cast<spx_uint32_t>(frames_in);
    auto produced = static_cast<spx_uint32_t>(room);
    speex_resampler_process_interleaved_int(state_, src, &consumed, out.data() + at, &produced);
    out.resize(at + produced * ch);
    if (consumed == 0) break;
    src += consumed * ch;
    frames_in -= consumed;
  }
}

}  // namespace moim::client::voice
