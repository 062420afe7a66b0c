#include "app/hub.hpp"

#include <vector>

#include "app/graduation_look.hpp"
#include "core/secret_hash.hpp"
#include "moim/proto/text.hpp"

namespace moim::app {

namespace {

// The feature a map names for graduation day's floors (features/graduation_feature.hpp).
constexpr std::string_view kGraduationFeature = "graduation";

bool outranks(store::Role actor, store::Role target) {
  return static_cast<int>(actor) > static_cast<int>(target);
}

}  // namespace

Hub::Hub(boost::asio::io_context& io, ServerConfig config, HubParts parts)
    : config_(std::move(config)),
      store_(parts.store),
      metrics_(parts.metrics),
      directory_(parts.directory),
      address_limits_(config_.address_limits),
      io_(io),
      gate_(parts.gate),
      encoder_(parts.encoder),
      graduation_(parts.graduation),
      features_(parts.features) {
  for (const auto& id : parts.maps.ids()) {
    auto map = parts.maps.share(id);
    maps_.emplace(id, map);
    rooms_.emplace(id, make_room(id, std::move(map)));
  }
  metrics_.rooms = static_cast<std::int64_t>(rooms_.size());
}

std::shared_ptr<RoomHost> Hub::make_room(std::string id, std::shared_ptr<const world::Map> map) {
  auto features = features_.make(id, map->features());
  RoomHostParts parts{config_, store_, metrics_, encoder_, directory_, resumes_};
  return std::make_shared<RoomHost>(io_.get_executor(), std::move(id), std::move(map), *this, parts,
                                    std::move(features));
}

std::int64_t Hub::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::shared_ptr<RoomHost> Hub::room(std::string_view id) {
  {
    std::lock_guard lock(rooms_mutex_);
    auto it = rooms_.find(id);
    if (it != rooms_.end()) return it->second;
  }
  return open_instance(id);
}

std::shared_ptr<RoomHost> Hub::open_instance(std::string_view id) {
  auto map_id = gate_.instance_of(id);
  if (!map_id) return nullptr;
  auto map = maps_.find(*map_id);
  if (map == maps_.end()) return nullptr;
  std::lock_guard lock(rooms_mutex_);
  auto [it, inserted] = rooms_.try_emplace(std::string(id));
  if (inserted) {
    it->second = make_room(std::string(id), map->second);
    metrics_.rooms = static_cast<std::int64_t>(rooms_.size());
  }
  return it->second;
}

Result<Identity> Hub::authenticate(std::string_view display_name, std::string_view invite_code,
                                   std::string_view device_key) {
  if (auto problem = proto::check_display_name(display_name); problem != proto::TextProblem::ok) {
    return Error{Errc::invalid_name, std::string("display name ") + proto::describe(problem)};
  }
  Result<store::User> user = Error{Errc::invalid_invite, "an invite code is required"};
  if (!invite_code.empty()) {
    user = store_.redeem_invite(invite_code, display_name, device_key);
  } else if (config_.dev) {
    user = store_.create_guest(display_name);
  }
  if (!user) return user.error();
  if (auto banned = check_ban(user->id); !banned) return banned.error();
  if (!invite_code.empty()) {
    graduation_.note_login(user->id, sha256_hex(normalize_invite_code(invite_code)));
  }
  return Identity{user->id, user->display_name, user->role};
}

Status Hub::check_ban(store::UserId id) {
  auto ban = store_.active_ban(id, now_ms());
  if (!ban) return ban.error();
  if (*ban) {
    const auto& reason = (*ban)->reason;
    return Error{Errc::banned, reason.empty() ? "you are banned" : "you are banned: " + reason};
  }
  return ok();
}

std::int64_t Hub::active_mute(store::UserId id) {
  auto mute = store_.active_mute(id, now_ms());
  return (mute && *mute) ? (*mute)->until_ms : -1;
}

void Hub::enter(std::shared_ptr<SessionLink> link, const Identity& who, RoomHost& room,
                room::Arrival arrival, std::uint32_t request_id) {
  if (arrival.kind == room::ArrivalKind::join) {
    // A fresh join while an earlier connection is away: that avatar gives way (posted before
    // the admission, so a room holding it drops it first) and its resume token is spent.
    if (auto held = resumes_.take_person(who.id)) {
      if (auto held_room = this->room(held->room)) held_room->drop_held(who.id);
    }
  }
  if (auto previous = directory_.sign_in(who, link)) {
    // Closing first makes a pending admission of the old connection fail (it can no longer
    // attach); leaving is posted before our admission, so the room sees them in that order.
    previous->link->close(CloseCode::replaced, "signed in from another connection");
    if (auto old_room = this->room(previous->room)) {
      old_room->leave(who.id, previous->link.get(), room::LeaveReason::replaced);
    }
  }
  arrival.avatar.id = who.id;
  arrival.avatar.name = who.name;
  arrival.avatar.role = who.role;
  arrival.avatar.color = room::avatar_color(who.id);
  arrival.avatar.look = look_of(who.id);
  arrival.muted_until_ms = active_mute(who.id);
  room.admit(std::move(link), std::move(arrival), request_id);
}

std::optional<Parked> Hub::take_parked(const std::string& resume_token) {
  return resumes_.take(resume_token, now_ms());
}

void Hub::refused(std::shared_ptr<SessionLink> link, const room::Arrival& arrival,
                  std::uint32_t request_id, const Error& error, const std::string& room_id) {
  link->deliver(encoder_.error(request_id, error));
  if (arrival.kind == room::ArrivalKind::portal && !arrival.from_room.empty() &&
      arrival.from_room != room_id) {
    // The other side is full: back where they came from, on the portal they stepped on.
    if (auto origin = room(arrival.from_room)) {
      room::Arrival back = arrival;
      back.place = arrival.avatar.pos;
      back.from_room.clear();
      return origin->admit(std::move(link), std::move(back), 0);
    }
  }
  directory_.sign_out(arrival.avatar.id, link.get());
  link->detach();
}

void Hub::portal(std::shared_ptr<SessionLink> link, room::Arrival arrival,
                 const std::string& target_room, const std::string& from_room,
                 std::uint32_t request_id) {
  arrival.from_room = from_room;
  auto target = room(target_room);
  if (!target) {
    return refused(std::move(link), arrival, request_id,
                   Error{Errc::no_such_room, "portal leads to unknown room " + target_room},
                   target_room);
  }
  directory_.set_room(arrival.avatar.id, {});
  target->admit(std::move(link), std::move(arrival), request_id);
}

Status Hub::route_direct(const room::ChatView& chat) {
  auto entry = directory_.find(chat.to);
  if (!entry || entry->room.empty()) {
    return Error{Errc::recipient_unavailable, "that person is not online"};
  }
  if (entry->presence == room::Presence::do_not_disturb) {
    return Error{Errc::recipient_unavailable, entry->who.name + " does not want to be disturbed"};
  }
  auto target = room(entry->room);
  if (!target) return Error{Errc::recipient_unavailable, "that person is between rooms"};
  target->deliver_direct(chat);
  return ok();
}

std::vector<PresenceEntry> Hub::online() const {
  return directory_.list(5000);
}

namespace {

// Locating shows a tile, which is more than the online list's room: it respects what the
// person asked for (do-not-disturb, like direct messages) and where the asker could go. A room
// the asker may not enter is named (ListOnline shows it anyway) but its tiles are not.
Status may_locate(RoomGate& gate, const Identity& asker, const PresenceEntry& target) {
  if (asker.role != store::Role::attendee || asker.id == target.who.id) return ok();
  if (target.presence == room::Presence::do_not_disturb) {
    return Error{Errc::recipient_unavailable, target.who.name + " does not want to be disturbed"};
  }
  if (auto allowed = gate.check_enter(asker, target.room); !allowed) {
    return Error{Errc::forbidden,
                 target.who.name + " is in " + target.room + ", a room you cannot enter"};
  }
  return ok();
}

}  // namespace

void Hub::locate(const Identity& asker, std::shared_ptr<SessionLink> requester,
                 std::uint32_t request_id, store::UserId target) {
  auto refuse = [&](const Error& error) { requester->deliver(encoder_.error(request_id, error)); };
  auto entry = directory_.find(target);
  auto host = entry ? room(entry->room) : nullptr;
  if (!host) return refuse({Errc::no_such_user, "that person is not online"});
  if (auto allowed = may_locate(gate_, asker, *entry); !allowed) {
    return refuse(allowed.error());
  }
  host->locate(target, [this, requester, request_id, room_id = host->id()](auto avatar) {
    requester->deliver(
        avatar ? encoder_.location(request_id, *avatar, room_id)
               : encoder_.error(request_id, {Errc::no_such_user, "that person just left"}));
  });
}

Status Hub::moderate(const Identity& actor, Moderation action, store::UserId target,
                     std::chrono::seconds duration, const std::string& reason) {
  if (actor.role == store::Role::attendee) {
    return Error{Errc::forbidden, "only hosts can moderate"};
  }
  auto user = store_.find_user(target);
  if (!user) return user.error();
  if (!*user) return Error{Errc::no_such_user, "no such person"};
  if (!outranks(actor.role, (*user)->role)) {
    return Error{Errc::forbidden, "you cannot moderate someone of your own role or above"};
  }
  const auto until = duration.count() == 0 ? 0 : now_ms() + duration.count() * 1000;
  const store::Sanction sanction{target, until, reason, actor.id};
  auto entry = directory_.find(target);
  auto host = entry ? room(entry->room) : nullptr;
  switch (action) {
    case Moderation::mute:
      if (auto stored = store_.put_mute(sanction); !stored) return stored;
      if (host) host->set_muted(target, until);
      break;
    case Moderation::unmute:
      if (auto stored = store_.lift_mute(target); !stored) return stored;
      if (host) host->set_muted(target, -1);
      break;
    case Moderation::kick:
      if (!entry) return Error{Errc::no_such_user, "that person is not online"};
      entry->link->close(CloseCode::kicked,
                         reason.empty() ? "removed by a host" : "removed by a host: " + reason);
      break;
    case Moderation::ban:
      if (auto stored = store_.put_ban(sanction); !stored) return stored;
      if (entry) {
        entry->link->close(CloseCode::banned,
                           reason.empty() ? "banned by a host" : "banned by a host: " + reason);
      } else if (auto held = resumes_.take_person(target)) {
        // Away with a dropped connection: they cannot resume, so their avatar goes now.
        if (auto held_room = room(held->room)) held_room->drop_held(target);
      }
      break;
  }
  return ok();
}

void Hub::announce_venue(const SharedBytes& bytes) {
  // Study rooms are added to rooms_ while the server runs: walk it under the lock, send after.
  std::vector<std::shared_ptr<RoomHost>> venue;
  {
    std::lock_guard lock(rooms_mutex_);
    for (const auto& [id, room] : rooms_) {
      if (room->offers(kGraduationFeature)) venue.push_back(room);
    }
  }
  for (const auto& room : venue) room->broadcast(bytes);
}

room::Look Hub::look_of(store::UserId id) const {
  return room_look(graduation_.look(id));
}

void Hub::graduation_changed(store::UserId user) {
  auto entry = directory_.find(user);
  if (!entry || entry->room.empty()) return;
  auto host = room(entry->room);
  if (!host) return;
  // Off the graduation floors only the cap and gown show; there is no HUD to update.
  if (!host->offers(kGraduationFeature)) return host->refresh_look(user);
  host->feature_request(entry->who, 0, graduation::Request{graduation::Refresh{}});
}

Result<graduation::RaffleRecord> Hub::open_raffle(int winners, int extra_every) {
  auto raffle = graduation_.create_raffle(winners, extra_every);
  if (!raffle) return raffle;
  announce_venue(encoder_.graduation_event(0, graduation::news_of(*raffle, {})));
  return raffle;
}

Result<graduation::DrawOutcome> Hub::draw_raffle(std::int64_t raffle_id) {
  auto drawn = graduation_.draw(raffle_id, now_ms());
  if (!drawn) return drawn;
  if (!drawn->already) {
    announce_venue(
        encoder_.graduation_event(0, graduation::news_of(drawn->raffle, drawn->winners)));
  }
  return drawn;
}

void Hub::shutdown() {
  for (auto& link : directory_.links()) {
    link->close(CloseCode::going_away, "server shutting down");
  }
}

}  // namespace moim::app
