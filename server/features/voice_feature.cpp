#include "features/voice_feature.hpp"

#include <algorithm>

#include "app/encoder.hpp"
#include "core/overloaded.hpp"
#include "room/room.hpp"

namespace moim::features {

bool VoiceFeature::handle(app::FeatureRoom& room, const app::Identity& who,
                          std::uint32_t request_id, const app::FeatureRequest& request) {
  return std::visit(Overloaded{[&](const app::voice::Frame& frame) {
                                 speak(room, who, frame);
                                 return true;
                               },
                               [&](const app::voice::Mute& m) {
                                 mute(room, who, request_id, m);
                                 return true;
                               },
                               [](const auto&) { return false; }},
                    request);
}

bool VoiceFeature::is_muted(app::FeatureRoom& room, room::UserId who) const {
  if (mutes_.muted(who)) return true;
  // A chat mute (Moderate MUTE) silences voice too: -1 is not muted, 0 until lifted.
  const auto until = room.room().muted_until(who);
  return until == 0 || until > room.now_ms();
}

void VoiceFeature::speak(app::FeatureRoom& room, const app::Identity& who,
                         app::voice::Frame frame) {
  if (is_muted(room, who.id)) {
    metrics_.voice_dropped(Metrics::VoiceDrop::muted);
    return tell(room, who.id, Told{{}, false, true});
  }
  ++metrics_.voice_frames_in_total;
  auto [it, first] = pending_.try_emplace(who.id);
  Pending& pending = it->second;
  if (first) speakers_.push_back(who.id);
  if (pending.frames.size() >= kMaxPendingFrames) {
    pending.frames.erase(pending.frames.begin());
    metrics_.voice_dropped(Metrics::VoiceDrop::overflow);
  }
  pending.level = std::max(pending.level, frame.level);
  pending.frames.push_back(std::move(frame));
  room.request_flush();
}

void VoiceFeature::mute(app::FeatureRoom& room, const app::Identity& who, std::uint32_t request_id,
                        const app::voice::Mute& m) {
  if (who.role == store::Role::attendee) {
    return room.send(
        who.id, room.encoder().error(request_id, {Errc::forbidden, "only hosts can mute voice"}));
  }
  if (m.user == 0) {
    return room.send(who.id,
                     room.encoder().error(request_id, {Errc::bad_request, "say whom to mute"}));
  }
  mutes_.set(m.user, m.muted);
  // Someone here learns at once; elsewhere they learn when they next speak.
  if (room.room().contains(m.user)) tell(room, m.user, Told{{}, false, m.muted});
  room.send(who.id, room.encoder().ack(request_id));
}

void VoiceFeature::left(app::FeatureRoom& /*room*/, room::UserId who) {
  told_.erase(who);
  if (pending_.erase(who) != 0) std::erase(speakers_, who);
}

void VoiceFeature::flush(app::FeatureRoom& room) {
  if (speakers_.empty()) return;
  route(room);
  send_batches(room);
  tell_speakers(room);
  pending_.clear();
  speakers_.clear();
}

void VoiceFeature::route(app::FeatureRoom& room) {
  mix_.clear();
  audiences_.resize(std::max(audiences_.size(), speakers_.size()));
  heard_by_.resize(std::max(heard_by_.size(), speakers_.size()));
  for (std::uint32_t i = 0; i < speakers_.size(); ++i) {
    Pending& pending = pending_.at(speakers_[i]);
    auto& audience = audiences_[i];
    heard_by_[i].clear();
    // Muted since the frame came (the mute takes effect at this flush), or nobody can hear
    // them where they stand now (a quiet zone): their frames go no further.
    const bool muted = is_muted(room, speakers_[i]);
    if (muted || !room.room().voice_audience(speakers_[i], audience)) {
      audience.hearers.clear();
      audience.reach = room::VoiceReach::nearby;  // not the stage, whatever it was last time
      metrics_.voice_dropped(muted ? Metrics::VoiceDrop::muted : Metrics::VoiceDrop::unheard,
                             pending.frames.size());
      pending.frames.clear();
      continue;
    }
    mix_.add(i, audience, pending.level);
  }
  mix_.finish();
}

void VoiceFeature::send_batches(app::FeatureRoom& room) {
  // Listeners who hear exactly the same speakers get the same bytes: key them by their picks.
  groups_.clear();
  std::string key;
  for (const auto& [listener, picks] : mix_.picks()) {
    const auto view = picks.view();
    key.assign(reinterpret_cast<const char*>(view.data()), view.size_bytes());
    Group& group = groups_[key];
    group.picks = &picks;
    group.listeners.push_back(listener);
    for (auto speaker : view) heard_by_[speaker].push_back(listener);
  }
  for (const auto& [_, group] : groups_) {
    packets_.clear();
    for (auto speaker : group.picks->view()) {
      const auto id = speakers_[speaker];
      const auto reach = audiences_[speaker].reach;
      for (const auto& frame : pending_.at(id).frames) {
        packets_.push_back({id, frame.seq, frame.opus, reach});
      }
    }
    if (packets_.empty()) continue;
    room.send_voice(group.listeners, room.encoder().voice_batch(packets_));
    metrics_.voice_packets_out_total += packets_.size() * group.listeners.size();
  }
}

void VoiceFeature::tell_speakers(app::FeatureRoom& room) {
  for (std::uint32_t i = 0; i < speakers_.size(); ++i) {
    const auto speaker = speakers_[i];
    Told now;
    now.muted = is_muted(room, speaker);
    if (!now.muted) {
      now.users = std::move(heard_by_[i]);
      std::sort(now.users.begin(), now.users.end());
      now.on_stage = audiences_[i].reach == room::VoiceReach::stage;
    }
    heard_by_[i].clear();
    tell(room, speaker, std::move(now));
  }
}

void VoiceFeature::tell(app::FeatureRoom& room, room::UserId speaker, Told now) {
  auto it = told_.find(speaker);
  if (it != told_.end() && it->second == now) return;
  room.send(speaker, room.encoder().voice_listeners({now.users, now.on_stage, now.muted}));
  if (it == told_.end()) {
    told_.emplace(speaker, std::move(now));
  } else {
    it->second = std::move(now);
  }
}

app::FeatureRegistry::Factory voice_factory(VoiceMutes& mutes, Metrics& metrics) {
  return [&mutes, &metrics](const std::string&) -> std::unique_ptr<app::RoomFeature> {
    return std::make_unique<VoiceFeature>(mutes, metrics);
  };
}

}  // namespace moim::features
