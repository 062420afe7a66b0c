#include "app/room_host.hpp"

#include <time.h>
#include <algorithm>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include "app/hub.hpp"

namespace moim::app {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Offers `request` to each feature in turn until one takes it; false if none does.
bool hand_to_features(const std::vector<std::unique_ptr<RoomFeature>>& features, FeatureRoom& room,
                      const Identity& who, std::uint32_t request_id,
                      const FeatureRequest& request) {
  return std::ranges::any_of(features, [&](const auto& feature) {
    return feature->handle(room, who, request_id, request);
  });
}

}  // namespace

RoomHost::RoomHost(Executor executor, std::string id, std::shared_ptr<const world::Map> map,
                   Hub& hub, RoomHostParts parts,
                   std::vector<std::unique_ptr<RoomFeature>> features)
    : id_(id),
      hub_(hub),
      parts_(parts),
      strand_(asio::make_strand(executor)),
      flush_timer_(strand_),
      hold_timer_(strand_),
      room_(std::move(id), std::move(map), parts.config.room, parts.archive, *this),
      features_(std::move(features)) {
  for (const auto& feature : features_) feature_tags_.push_back(feature->tag());
}

const Encoder& RoomHost::encoder() const {
  return parts_.encoder;
}

std::int64_t RoomHost::now_ms() const {
  return hub_.now_ms();
}

void RoomHost::send_all(const SharedBytes& bytes) {
  for (auto& [id, link] : links_) link->deliver(bytes);
}

void RoomHost::send_voice(std::span<const store::UserId> to, const SharedBytes& bytes) {
  fanout_ += to.size();
  for (auto id : to) {
    if (auto it = links_.find(id); it != links_.end()) it->second->deliver_voice(bytes);
  }
}

void RoomHost::feature_request(const Identity& who, std::uint32_t request_id,
                               FeatureRequest request) {
  on_strand([this, who, request_id, request = std::move(request)] {
    if (!room_.contains(who.id)) return;  // left meanwhile: nobody to answer
    if (hand_to_features(features_, *this, who, request_id, request)) return;
    send_to(who.id,
            parts_.encoder.error(request_id, {Errc::bad_request, "this room does not offer that"}));
  });
}

bool RoomHost::offers(std::string_view name) const {
  return std::any_of(feature_tags_.begin(), feature_tags_.end(),
                     [&](const FeatureTag& tag) { return tag.name == name; });
}

void RoomHost::feature_call(const Identity& who, std::uint32_t request_id, FeatureRequest request) {
  on_strand([this, who, request_id, request = std::move(request)] {
    hand_to_features(features_, *this, who, request_id, request);
  });
}

template <typename F>
void RoomHost::on_strand(F&& f) {
  asio::post(strand_, [self = shared_from_this(), f = std::forward<F>(f)]() mutable {
    f();
    self->after_input();
  });
}

void RoomHost::admit(std::shared_ptr<app::SessionLink> link, room::Arrival arrival,
                     std::uint32_t request_id) {
  on_strand([this, link = std::move(link), arrival = std::move(arrival), request_id]() mutable {
    const auto id = arrival.avatar.id;
    if (!link->attach(shared_from_this())) {
      return parts_.directory.sign_out(id, link.get());  // the connection is gone already
    }
    // Resuming onto their own held avatar: the same person stays, nobody saw them leave.
    const bool returning = arrival.kind == room::ArrivalKind::resume && room_.held(id);
    if (!returning && room_.held(id)) {
      // A join that overtook the hold (the Hub found nothing parked yet): the same clean-up.
      parts_.resumes.take_person(id);
      room_.leave(id, room::LeaveReason::replaced);
      tell_presence(id, false);
    }
    links_[id] = link;  // the snapshot is sent through it
    // The directory names this room before the snapshot leaves: a client that acts on its
    // snapshot at once (a host checks them in over the API) must find them here. A refusal
    // puts them back in their old room or signs them out, which corrects it.
    parts_.directory.set_room(id, id_);
    auto admitted = room_.admit(arrival, request_id);
    if (!admitted) {
      links_.erase(id);
      return hub_.refused(std::move(link), arrival, request_id, admitted.error(), id_);
    }
    if (!returning) tell_presence(id, true);
  });
}

void RoomHost::leave(store::UserId id, const app::SessionLink* link, room::LeaveReason reason) {
  on_strand([this, id, link, reason] {
    auto it = links_.find(id);
    if (it == links_.end() || it->second.get() != link) return;
    if (reason == room::LeaveReason::disconnected) {
      hold(id, *it->second);
      links_.erase(it);
      return;
    }
    auto avatar = room_.leave(id, reason);
    links_.erase(it);
    if (avatar) tell_presence(id, false);
  });
}

void RoomHost::drop_held(store::UserId id) {
  on_strand([this, id] {
    if (!room_.held(id)) return;
    room_.leave(id, room::LeaveReason::replaced);
    tell_presence(id, false);
  });
}

void RoomHost::tell_presence(store::UserId id, bool entered) {
  if (features_.empty()) return;
  if (!entered) {
    for (auto& feature : features_) feature->left(*this, id);
    return;
  }
  if (auto avatar = room_.find(id)) {
    const Identity who{id, avatar->name, avatar->role};
    for (auto& feature : features_) feature->entered(*this, who);
  }
}

void RoomHost::transfer(store::UserId id, std::string target_room, std::uint32_t request_id) {
  on_strand([this, id, target = std::move(target_room), request_id] {
    auto it = links_.find(id);
    if (it == links_.end()) return;  // left meanwhile: nothing to move
    const std::int64_t muted = room_.muted_until(id);
    auto avatar = room_.leave(id, room::LeaveReason::portal);
    auto link = std::move(it->second);
    links_.erase(it);
    if (!avatar) return;
    tell_presence(id, false);
    room::Arrival arrival;
    arrival.kind = room::ArrivalKind::portal;
    arrival.avatar = *avatar;
    arrival.muted_until_ms = muted;
    hub_.portal(std::move(link), std::move(arrival), target, id_, request_id);
  });
}

void RoomHost::hold(store::UserId id, const app::SessionLink& link) {
  const auto now = hub_.now_ms();
  const auto until = now + std::chrono::milliseconds(parts_.config.resume_grace).count();
  auto avatar = room_.hold(id, until);
  if (!avatar) return;
  Parked parked{Identity{id, avatar->name, avatar->role}, id_, *avatar, until};
  parts_.resumes.park(link.resume_token(), std::move(parked), now);
  arm_hold_timer();
}

void RoomHost::end_holds() {
  for (auto id : room_.expire_held(hub_.now_ms())) tell_presence(id, false);
  after_input();  // the removals go out in the next flush
  arm_hold_timer();
}

void RoomHost::arm_hold_timer() {
  const auto next = room_.next_hold_end();
  if (!next || (hold_timer_due_ms_ && *hold_timer_due_ms_ <= *next)) return;
  hold_timer_due_ms_ = *next;
  // Re-arming cancels an earlier wait; its handler then sees operation_aborted.
  hold_timer_.expires_after(
      std::chrono::milliseconds(std::max<std::int64_t>(1, *next - hub_.now_ms())));
  hold_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (ec) return;
    self->hold_timer_due_ms_.reset();
    self->end_holds();
  });
}

void RoomHost::move(store::UserId id, room::MoveIntent intent) {
  on_strand([this, id, intent] { room_.move(id, intent, hub_.now_ms()); });
}

void RoomHost::chat(store::UserId id, std::uint32_t request_id, room::ChatIntent intent) {
  on_strand([this, id, request_id, intent = std::move(intent)] {
    room_.chat(id, request_id, intent, hub_.now_ms());
  });
}

void RoomHost::set_presence(store::UserId id, std::uint32_t request_id, room::Presence presence) {
  on_strand([this, id, request_id, presence] {
    room_.set_presence(id, request_id, presence);
    parts_.directory.set_presence(id, presence);
  });
}

void RoomHost::deliver_direct(room::ChatView chat) {
  on_strand([this, chat = std::move(chat)] { room_.deliver_direct(chat); });
}

void RoomHost::set_muted(store::UserId id, std::int64_t until_ms) {
  on_strand([this, id, until_ms] { room_.set_muted(id, until_ms); });
}

void RoomHost::locate(store::UserId id, LocateReply reply) {
  on_strand([this, id, reply = std::move(reply)] { reply(room_.find(id)); });
}

void RoomHost::refresh_look(store::UserId id) {
  on_strand([this, id] {
    if (room_.contains(id)) room_.set_look(id, hub_.look_of(id));
  });
}

void RoomHost::broadcast(SharedBytes bytes) {
  on_strand([this, bytes = std::move(bytes)] { send_all(bytes); });
}

void RoomHost::after_input() {
  if (flush_scheduled_ || (!room_.dirty() && !features_flush_)) return;
  flush_scheduled_ = true;
  const auto due = std::max(Clock::now(), last_flush_ + flush_interval());
  flush_timer_.expires_at(due);
  flush_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->run_flush();
  });
}

Clock::duration RoomHost::flush_interval() const {
  const auto& config = parts_.config;
  const auto budget =
      std::chrono::duration<double>(static_cast<double>(last_fanout_) / config.fanout_per_second);
  return std::max<Clock::duration>(config.flush_min,
                                   std::chrono::duration_cast<Clock::duration>(budget));
}

void RoomHost::run_flush() {
  flush_scheduled_ = false;
  const auto start = Clock::now();
  const double cpu_start = thread_cpu_seconds();
  last_flush_ = start;
  fanout_ = 0;
  room_.flush();
  if (features_flush_) {
    features_flush_ = false;
    for (auto& feature : features_) feature->flush(*this);
  }
  last_fanout_ = fanout_;
  parts_.metrics.flush_duration_seconds.observe(Clock::now() - start);
  parts_.metrics.flush_cpu_seconds.observe(thread_cpu_seconds() - cpu_start);
}

void RoomHost::share(std::span<const store::UserId> recipients, const app::SharedBytes& bytes) {
  fanout_ += recipients.size();
  for (auto id : recipients) {
    if (auto it = links_.find(id); it != links_.end()) it->second->deliver(bytes);
  }
}

void RoomHost::send_to(store::UserId id, const SharedBytes& bytes) {
  const store::UserId one[] = {id};
  share(one, bytes);
}

void RoomHost::frame(std::span<const store::UserId> recipients, const room::FrameView& frame) {
  if (recipients.empty()) return;
  share(recipients, parts_.encoder.frame(frame));
}

void RoomHost::chat(std::span<const store::UserId> recipients, const room::ChatView& chat) {
  if (recipients.empty()) return;
  share(recipients, parts_.encoder.chat(chat));
}

void RoomHost::direct_chat(store::UserId from, std::uint32_t request_id,
                           const room::ChatView& chat) {
  auto routed = hub_.route_direct(chat);
  if (!routed) return error(from, request_id, routed.error());
  ack(from, request_id);
  const store::UserId echo[] = {from};
  this->chat(echo, chat);  // the sender's own copy, for their direct-chat tab
}

void RoomHost::snapshot(store::UserId to, std::uint32_t request_id, room::ArrivalKind kind,
                        const room::SnapshotView& snapshot) {
  auto it = links_.find(to);
  if (it == links_.end()) return;
  const Welcome welcome{
      request_id,
      kind,
      to,
      snapshot.you.role,
      kind == room::ArrivalKind::portal ? std::string() : it->second->resume_token(),
      &snapshot,
      feature_tags_};
  send_to(to, parts_.encoder.welcome(welcome));
}

void RoomHost::move_rejected(store::UserId to, const room::MoveView& where, std::uint32_t seq,
                             const Error& why) {
  send_to(to, parts_.encoder.move_refused(where, seq, why));
}

void RoomHost::ack(store::UserId to, std::uint32_t request_id) {
  if (request_id != 0) send_to(to, parts_.encoder.ack(request_id));
}

void RoomHost::error(store::UserId to, std::uint32_t request_id, const Error& error) {
  send_to(to, parts_.encoder.error(request_id, error));
}

void RoomHost::portal(const room::AvatarView& avatar, std::int64_t muted_until_ms,
                      const std::string& target_room, const std::string& target_spawn) {
  auto it = links_.find(avatar.id);
  if (it == links_.end()) return;
  auto link = std::move(it->second);
  links_.erase(it);
  room::Arrival arrival;
  arrival.kind = room::ArrivalKind::portal;
  arrival.avatar = avatar;
  arrival.spawn = target_spawn;
  arrival.muted_until_ms = muted_until_ms;
  tell_presence(avatar.id, false);
  hub_.portal(std::move(link), std::move(arrival), target_room, id_);
}

}  // namespace moim::app
