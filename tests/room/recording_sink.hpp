#pragma once
// A RoomSink that remembers what the room said, and helpers to build rooms for tests.
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "memory_chat_archive.hpp"
#include "moim/world/map.hpp"
#include "room/room.hpp"

namespace moim::room::testing {

struct Sent {
  enum class Kind { frame, chat, direct, snapshot, rejected, ack, error, portal } kind;
  std::vector<UserId> to;
  FrameView frame;
  ChatView chat;
  SnapshotView snapshot;
  MoveView where;
  Error error;
  std::uint32_t request_id = 0;
  std::string target_room;
};

class RecordingSink : public RoomSink {
 public:
  std::vector<Sent> sent;

  void frame(std::span<const UserId> r, const FrameView& f) override {
    sent.push_back({Sent::Kind::frame, {r.begin(), r.end()}, f, {}, {}, {}, {}, 0, {}});
  }
  void chat(std::span<const UserId> r, const ChatView& c) override {
    sent.push_back({Sent::Kind::chat, {r.begin(), r.end()}, {}, c, {}, {}, {}, 0, {}});
  }
  void direct_chat(UserId from, std::uint32_t rid, const ChatView& c) override {
    sent.push_back({Sent::Kind::direct, {from}, {}, c, {}, {}, {}, rid, {}});
  }
  void snapshot(UserId to, std::uint32_t rid, ArrivalKind, const SnapshotView& s) override {
    sent.push_back({Sent::Kind::snapshot, {to}, {}, {}, s, {}, {}, rid, {}});
  }
  void move_rejected(UserId to, const MoveView& w, std::uint32_t, const Error& e) override {
    sent.push_back({Sent::Kind::rejected, {to}, {}, {}, {}, w, e, 0, {}});
  }
  void ack(UserId to, std::uint32_t rid) override {
    sent.push_back({Sent::Kind::ack, {to}, {}, {}, {}, {}, {}, rid, {}});
  }
  void error(UserId to, std::uint32_t rid, const Error& e) override {
    sent.push_back({Sent::Kind::error, {to}, {}, {}, {}, {}, e, rid, {}});
  }
  void portal(const AvatarView& a, std::int64_t, const std::string& room,
              const std::string&) override {
    sent.push_back({Sent::Kind::portal, {a.id}, {}, {}, {}, {}, {}, 0, room});
  }

  std::vector<Sent> of(Sent::Kind kind) const {
    std::vector<Sent> out;
    for (const auto& s : sent) {
      if (s.kind == kind) out.push_back(s);
    }
    return out;
  }
  // Everyone who received a chat with this text.
  std::set<UserId> heard(const std::string& text) const {
    std::set<UserId> out;
    for (const auto& s : of(Sent::Kind::chat)) {
      if (s.chat.text == text) out.insert(s.to.begin(), s.to.end());
    }
    return out;
  }
  void clear() { sent.clear(); }
};

// What each person currently believes about the others, built by applying snapshots and frames
// the way a client does. Lets tests check the AOI invariant end to end.
class Observers {
 public:
  void apply(const std::vector<Sent>& sent) {
    for (const auto& s : sent) {
      if (s.kind == Sent::Kind::snapshot) {
        auto& known = views_[s.to[0]];
        known.clear();
        for (const auto& a : s.snapshot.avatars) known[a.id] = a.pos;
      } else if (s.kind == Sent::Kind::frame) {
        for (UserId r : s.to) {
          auto& known = views_[r];
          for (const auto& a : s.frame.upserts) known[a.id] = a.pos;
          for (const auto& m : s.frame.moves) {
            if (known.contains(m.id)) known[m.id] = m.pos;
          }
          for (UserId gone : s.frame.removed) known.erase(gone);
        }
      }
    }
  }
  const std::map<UserId, TilePos>& view(UserId id) { return views_[id]; }

 private:
  std::map<UserId, std::map<UserId, TilePos>> views_;
};

inline AvatarView person(UserId id, std::string name = {}) {
  AvatarView a;
  a.id = id;
  a.name = name.empty() ? "p" + std::to_string(id) : std::move(name);
  return a;
}

inline Arrival arrive_at(UserId id, TilePos pos, Role role = Role::attendee) {
  Arrival arrival;
  arrival.avatar = person(id);
  arrival.avatar.role = role;
  arrival.place = pos;
  return arrival;
}

// A room on an open map built in code, keeping its chat in an archive in memory.
struct RoomFixture {
  explicit RoomFixture(world::Map map, RoomConfig config = {})
      : room("test", std::make_shared<world::Map>(std::move(map)), config, archive, sink) {}
  MemoryChatArchive archive;
  RecordingSink sink;
  Room room;
  std::int64_t now = 1'000'000;

  void admit(UserId id, TilePos pos, Role role = Role::attendee) {
    ASSERT_TRUE(room.admit(arrive_at(id, pos, role), 1).has_value());
  }
  // Steps in a straight line, spacing moves so no rate limit applies.
  void walk(UserId id, TilePos to) {
    auto at = room.find(id)->pos;
    while (!(at == to)) {
      TilePos next = at;
      if (at.x != to.x)
        next.x += at.x < to.x ? 1 : -1;
      else
        next.y += at.y < to.y ? 1 : -1;
      now += 200;
      room.move(id, MoveIntent{next, Direction::down, 0}, now);
      at = room.find(id)->pos;
      if (!(at == next)) return;
    }
  }
};

}  // namespace moim::room::testing
