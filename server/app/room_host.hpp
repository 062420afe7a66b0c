#pragma once
// A Room on its own strand. Sessions call the public methods from any thread; each posts onto
// the strand, where the Room is the only code that changes room state. As the Room's sink it
// encodes each message once (through the Encoder it is given) and hands the same bytes to every
// recipient's link.
//
// Flushes: the first input after a quiet spell schedules a flush `flush_interval()` after the
// previous one (at once if that is past), so a lone move is seen within a few milliseconds and a
// busy room still sends at most one frame per interval per observer. The interval is flush_min,
// stretched for rooms whose last flush reached more recipients than fanout_per_second allows
// per flush_min (2,000 people who all see each other: 20 ms at the default 100,000/s).
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "app/config.hpp"
#include "app/directory.hpp"
#include "app/encoder.hpp"
#include "app/metrics.hpp"
#include "app/room_feature.hpp"
#include "app/session_link.hpp"
#include "room/room.hpp"

namespace moim::app {

class Hub;

// What a room host works with besides the hub, handed over by the hub that opens it. Each
// outlives the room host.
struct RoomHostParts {
  const ServerConfig& config;  // the room's rules, flush pacing, the resume grace period
  room::ChatArchive& archive;  // where the room keeps its chat history
  Metrics& metrics;
  const Encoder& encoder;   // how the room turns what it says into bytes
  Directory& directory;     // where people are: the room says when they arrive
  ResumeRegistry& resumes;  // dropped connections wait here for their owner to come back
};

class RoomHost : public std::enable_shared_from_this<RoomHost>,
                 private room::RoomSink,
                 private FeatureRoom {
 public:
  using Executor = boost::asio::any_io_executor;
  using LocateReply = std::function<void(std::optional<room::AvatarView>)>;

  // `hub` routes what leaves the room (portals, direct messages, refused arrivals).
  RoomHost(Executor executor, std::string id, std::shared_ptr<const world::Map> map, Hub& hub,
           RoomHostParts parts, std::vector<std::unique_ptr<RoomFeature>> features = {});

  const std::string& id() const override { return id_; }
  // What this room offers beyond walking and chat, as the snapshot lists it.
  const std::vector<FeatureTag>& features() const { return feature_tags_; }
  // A request for one of this room's features; answered with an error if none handles it.
  void feature_request(const Identity& who, std::uint32_t request_id, FeatureRequest request);
  // Whether this room has the feature called `name` (fixed when the room opens).
  bool offers(std::string_view name) const;
  // A request from a service acting on this room from outside it (a host running the hall's
  // stage from anywhere): the requester need not be here, and the request carries the link its
  // answer goes to. Ask offers() first: a request no feature takes is dropped.
  void feature_call(const Identity& who, std::uint32_t request_id, FeatureRequest request);

  void admit(std::shared_ptr<SessionLink> link, room::Arrival arrival, std::uint32_t request_id);
  // Removes the person if `link` is still theirs (a replaced connection cannot remove its
  // successor). A dropped connection (LeaveReason::disconnected) is parked for resume and its
  // avatar held in place, shown as reconnecting, until the grace period ends.
  void leave(store::UserId id, const SessionLink* link, room::LeaveReason reason);
  // Removes the person's held avatar at once, if there is one (they joined afresh, or were
  // banned, while their old connection was away).
  void drop_held(store::UserId id);
  void move(store::UserId id, room::MoveIntent intent);
  void chat(store::UserId id, std::uint32_t request_id, room::ChatIntent intent);
  void set_presence(store::UserId id, std::uint32_t request_id, room::Presence presence);
  void deliver_direct(room::ChatView chat);
  void set_muted(store::UserId id, std::int64_t until_ms);
  // Calls `reply` on this room's strand with the person's avatar, if they are here.
  void locate(store::UserId id, LocateReply reply);
  // Someone's look changed outside this room (a host checked them in through the API): their
  // avatar wears what Hub::look_of says now, if they are here.
  void refresh_look(store::UserId id);
  // Everyone in this room gets `bytes` (venue-wide announcements).
  void broadcast(SharedBytes bytes);

  // --- study rooms ---
  // Moves the person to `target_room` as a portal would; the target answers `request_id` with
  // RoomEntered, or an Error if the person is no longer here.
  void transfer(store::UserId id, std::string target_room, std::uint32_t request_id);

 private:
  template <typename F>
  void on_strand(F&& f);
  void after_input();
  void run_flush();
  std::chrono::steady_clock::duration flush_interval() const;
  void send_to(store::UserId id, const SharedBytes& bytes);
  // Hands the same bytes to every recipient's link; counts them towards this flush's fan-out.
  void share(std::span<const store::UserId> recipients, const SharedBytes& bytes);
  // Holds the avatar of a dropped connection and parks it for resume under its token.
  void hold(store::UserId id, const SessionLink& link);
  // Removes held avatars whose grace period ended, then waits for the next one to end.
  void end_holds();
  void arm_hold_timer();
  void tell_presence(store::UserId id, bool entered);

  // FeatureRoom
  room::Room& room() override { return room_; }
  const Encoder& encoder() const override;
  std::int64_t now_ms() const override;
  void send(store::UserId to, const SharedBytes& bytes) override { send_to(to, bytes); }
  void send_all(const SharedBytes& bytes) override;
  void send_voice(std::span<const store::UserId> to, const SharedBytes& bytes) override;
  void request_flush() override { features_flush_ = true; }

  // room::RoomSink
  void frame(std::span<const store::UserId> recipients, const room::FrameView& frame) override;
  void chat(std::span<const store::UserId> recipients, const room::ChatView& chat) override;
  void direct_chat(store::UserId from, std::uint32_t request_id,
                   const room::ChatView& chat) override;
  void snapshot(store::UserId to, std::uint32_t request_id, room::ArrivalKind kind,
                const room::SnapshotView& snapshot) override;
  void move_rejected(store::UserId to, const room::MoveView& where, std::uint32_t seq,
                     const Error& why) override;
  void ack(store::UserId to, std::uint32_t request_id) override;
  void error(store::UserId to, std::uint32_t request_id, const Error& error) override;
  void portal(const room::AvatarView& avatar, std::int64_t muted_until_ms,
              const std::string& target_room, const std::string& target_spawn) override;

  std::string id_;
  Hub& hub_;
  RoomHostParts parts_;
  boost::asio::strand<Executor> strand_;
  boost::asio::steady_timer flush_timer_;
  boost::asio::steady_timer hold_timer_;  // the end of the earliest resume grace period
  std::optional<std::int64_t> hold_timer_due_ms_;
  room::Room room_;
  std::unordered_map<store::UserId, std::shared_ptr<SessionLink>> links_;
  std::vector<std::unique_ptr<RoomFeature>> features_;
  std::vector<FeatureTag> feature_tags_;
  bool flush_scheduled_ = false;
  bool features_flush_ = false;  // a feature asked for a flush (request_flush)
  std::chrono::steady_clock::time_point last_flush_{};
  std::size_t fanout_ = 0;       // messages handed to sessions by the flush running now
  std::size_t last_fanout_ = 0;  // ... and by the previous flush
};

}  // namespace moim::app
