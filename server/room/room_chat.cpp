// Chat: who hears what. Nearby chat reaches people within the proximity radius, unless a zone
// says otherwise: inside a `private` zone only that zone hears (and it hears nobody outside),
// on a `stage` the whole room hears, and a `quiet` zone neither sends nor receives nearby chat.
// Someone whose avatar is held after a dropped connection hears nothing until they resume.
#include <chrono>

#include "moim/proto/text.hpp"
#include "room/room.hpp"

namespace moim::room {
namespace {

Error text_error(proto::TextProblem problem) {
  const Errc code =
      problem == proto::TextProblem::too_long ? Errc::text_too_long : Errc::invalid_text;
  return Error{code, std::string("chat ") + proto::describe(problem)};
}

}  // namespace

void Room::chat(UserId id, std::uint32_t request_id, const ChatIntent& intent,
                std::int64_t now_ms) {
  Member* m = member(id);
  if (!m) return sink_.error(id, request_id, Error{Errc::not_joined, "not in this room"});
  if (auto problem = proto::check_chat_text(intent.text); problem != proto::TextProblem::ok) {
    return sink_.error(id, request_id, text_error(problem));
  }
  if (is_muted(*m, now_ms)) return sink_.error(id, request_id, {Errc::muted, "you are muted"});
  if (!m->chat_budget.try_take(now_ms)) {
    return sink_.error(id, request_id, {Errc::rate_limited, "too many messages; slow down"});
  }

  ChatView chat{0, intent.scope, id, m->avatar.name, intent.text, now_ms, 0, id_};
  switch (intent.scope) {
    case ChatScope::nearby: {
      std::vector<UserId> to;
      if (m->on_stage) {
        chat.scope = ChatScope::stage;
        to = everyone();
      } else if (m->private_zone) {
        chat.scope = ChatScope::private_area;
        to = zone_recipients(*m->private_zone);
      } else if (m->in_quiet) {
        return sink_.error(id, request_id, {Errc::quiet_zone, "this is a quiet zone"});
      } else {
        to = nearby_recipients(*m);
      }
      sink_.ack(id, request_id);
      return sink_.chat(to, chat);
    }
    case ChatScope::room: {
      auto stored = chat_.append(ChatRecord{0, id_, id, m->avatar.name, intent.text, now_ms});
      if (!stored) return sink_.error(id, request_id, {Errc::internal, "could not store chat"});
      chat.id = stored->id;
      sink_.ack(id, request_id);
      return sink_.chat(everyone(), chat);
    }
    case ChatScope::direct:
      if (intent.to == 0 || intent.to == id) {
        return sink_.error(id, request_id, {Errc::bad_request, "direct chat needs a recipient"});
      }
      chat.to = intent.to;
      return sink_.direct_chat(id, request_id, chat);
    case ChatScope::private_area:
    case ChatScope::stage:
      break;
  }
  sink_.error(id, request_id, {Errc::bad_request, "unknown chat scope"});
}

void Room::deliver_direct(const ChatView& chat) {
  if (!members_.contains(chat.to) || held(chat.to)) return;
  const UserId to[] = {chat.to};
  sink_.chat(to, chat);
}

std::vector<UserId> Room::nearby_recipients(const Member& sender) const {
  const TilePos c = sender.avatar.pos;
  const int r = config_.proximity_radius;
  grid_.cells_overlapping({c.x - r, c.y - r, 2 * r + 1, 2 * r + 1}, scratch_cells_);
  std::vector<UserId> out;
  for (int cell : scratch_cells_) {
    for (UserId other : grid_.members(cell)) {
      const Member& o = members_.at(other);
      if (o.private_zone || o.in_quiet) continue;  // they hear only their zone, or nothing
      if (o.held_until_ms != 0) continue;          // their connection is away
      if (world::within_radius(c, o.avatar.pos, r)) out.push_back(other);
    }
  }
  return out;
}

std::vector<UserId> Room::zone_recipients(const world::Zone& zone) const {
  grid_.cells_overlapping(zone.area, scratch_cells_);
  std::vector<UserId> out;
  for (int cell : scratch_cells_) {
    for (UserId other : grid_.members(cell)) {
      const Member& o = members_.at(other);
      if (o.private_zone == &zone && o.held_until_ms == 0) out.push_back(other);
    }
  }
  return out;
}

std::vector<UserId> Room::everyone() const {
  std::vector<UserId> out;
  out.reserve(members_.size());
  for (const auto& [id, m] : members_) {
    if (m.held_until_ms == 0) out.push_back(id);  // a held person's connection is away
  }
  return out;
}

}  // namespace moim::room
