#pragma once
// How loud, and on which side, each person you hear is. The server says why you hear them (the
// reach); the client turns that and where they stand into a gain and a pan:
// - nearby: full within 2 tiles, silent from 5, a smoothstep in between (no audible corner where
//   the fade starts or ends), panned left/right by where they stand relative to you;
// - the same private area: full volume, panned the same way;
// - the stage: full volume, centred (the hall's loudspeakers); while a stage speaker is live,
//   nearby chatter is turned down by 12 dB so the talk carries.
// Each person's own volume (0 to 2, default 1) multiplies the result.

namespace moim::client::voice {

enum class Reach { nearby, area, stage };

inline constexpr float kFullWithinTiles = 2.0f;
inline constexpr float kSilentFromTiles = 5.0f;
inline constexpr float kStageDuckDb = -12.0f;
// Beyond this horizontal offset (tiles) a speaker is hard left or right.
inline constexpr float kPanSpanTiles = 5.0f;

float distance_gain(float distance_tiles);
// -1 (left) .. +1 (right) from the speaker's x minus the listener's.
float pan_position(float dx_tiles);

struct Placement {
  Reach reach = Reach::nearby;
  float dx = 0;  // speaker minus listener, tiles
  float dy = 0;
  float volume = 1.0f;  // this person's own volume
};

struct ChannelGains {
  float left = 0;
  float right = 0;
};

// The gains for one speaker. `stage_live`: someone on the stage is being heard now.
ChannelGains speaker_gains(const Placement& p, bool stage_live);

float db_to_gain(float db);

}  // namespace moim::client::voice
