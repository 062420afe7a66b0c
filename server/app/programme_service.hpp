#pragma once
// Study rooms and the tech-talk hall in the running server: turns programme requests from
// sessions into store calls checked against the sender's role and membership, pushes what others
// must see (focus timers, raised hands, the stage, reminders), opens each study group's room and
// records attendance there. Rules live in programme/ (plain C++); this is the wiring.
//
// Threads: called from any session strand. The store is thread-safe; the raise-hand queues are
// under a mutex; pushes go through room hosts (their strands) or session links.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "app/identity.hpp"
#include "app/room_host.hpp"
#include "app/session_link.hpp"
#include "moim/v1/moim.pb.h"
#include "programme/hand_queue.hpp"
#include "store/programme_store.hpp"

namespace moim::app {

class Hub;

class ProgrammeService {
 public:
  using Link = std::shared_ptr<app::SessionLink>;

  ProgrammeService(boost::asio::io_context& io, Hub& hub, programme::ProgrammeStore& store);

  programme::ProgrammeStore& store() { return store_; }
  // Looks for sessions that have started every `period` and reminds who RSVP'd.
  void start(std::chrono::milliseconds period);
  void stop();

  // The group whose room `room` is, if that group exists.
  std::optional<programme::GroupId> group_for_room(std::string_view room);
  // Records visits to a group's room (runs on the room's strand).
  RoomHost::PresenceHook attendance_hook(programme::GroupId group);
  // Study rooms: members, hosts, and anyone if the lead allows visitors. Other rooms: anyone.
  Status check_enter(const Identity& who, std::string_view room);

  // Handles one programme request and answers it through `link` (now, or from a room's strand
  // for moves). False if `request` is not a programme request.
  bool handle(const Identity& who, const Link& link, const v1::Envelope& request);

  // Reminds online people who RSVP'd to sessions that have started (the timer calls this).
  void send_due_reminders();

  // Removes a study group (a host's decision, over the protocol or the host API) and moves
  // everyone in its room back to the lobby with a notice.
  Status remove_group(programme::GroupId id);

 private:
  using Envelope = v1::Envelope;
  std::int64_t now_ms() const;
  Envelope error(std::uint32_t rid, const Error& e) const;
  Envelope group_reply(std::uint32_t rid, const Identity& who, const programme::StudyGroup& g);
  Envelope talk_reply(std::uint32_t rid, const Identity& who, const programme::Talk& t);
  void fill_for(v1::TalkInfo& out, const Identity& who, const programme::Talk& t);
  programme::Actor actor(const Identity& who) const { return {who.id, who.role}; }
  // The limits of ServerConfig::programme_limits for `who` (hosts have no per-person limit).
  programme::Quota group_quota(const Identity& who) const;
  programme::Quota question_quota(const Identity& who) const;
  // Access is checked on entering and again whenever it may have changed: everyone in the
  // group's room who may no longer be there goes back to the lobby, told `why`. Without a
  // group (dissolved or removed) that is everyone.
  void move_out(programme::GroupId id, const programme::StudyGroup* group, const std::string& why);

  // Study groups (programme_service.cpp).
  Envelope create_group(const Identity& who, std::uint32_t rid, const v1::CreateStudyGroup& m);
  Envelope list_groups(const Identity& who, std::uint32_t rid, const v1::ListStudyGroups& m);
  Envelope join_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Envelope leave_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Envelope remove_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Envelope set_access(const Identity& who, std::uint32_t rid, const v1::SetStudyGroupAccess& m);
  Envelope set_timer(const Identity& who, std::uint32_t rid, programme::GroupId id,
                     std::optional<programme::FocusTimer> timer);
  Envelope get_timer(const Identity& who, std::uint32_t rid, programme::GroupId id);
  void enter_room(const Identity& who, const Link& link, std::uint32_t rid,
                  const std::string& room);
  void schedule_reminders();

  // The hall (programme_hall.cpp).
  Envelope list_talks(const Identity& who, std::uint32_t rid, const v1::ListTalks& m);
  Envelope schedule_talk(const Identity& who, std::uint32_t rid, const v1::ScheduleTalk& m);
  Envelope rsvp(const Identity& who, std::uint32_t rid, const v1::Rsvp& m);
  Envelope ask(const Identity& who, std::uint32_t rid, const v1::AskQuestion& m);
  Envelope vote(const Identity& who, std::uint32_t rid, const v1::VoteQuestion& m);
  Envelope mark_answered(const Identity& who, std::uint32_t rid, const v1::MarkAnswered& m);
  Envelope list_questions(const Identity& who, std::uint32_t rid, const v1::ListQuestions& m);
  Envelope remove_question(const Identity& who, std::uint32_t rid, const v1::RemoveQuestion& m);
  Envelope book_seat(const Identity& who, std::uint32_t rid, programme::TalkId id);
  Envelope cancel_seat(const Identity& who, std::uint32_t rid, programme::TalkId id);
  Envelope post_notes(const Identity& who, std::uint32_t rid, const v1::PostNotes& m);
  Envelope raise_hand(const Identity& who, std::uint32_t rid, const v1::RaiseHand& m);
  void next_hand(const Identity& who, const Link& link, std::uint32_t rid, programme::TalkId id);
  void give_stage(const Identity& who, const Link& link, std::uint32_t rid, programme::TalkId id,
                  store::UserId speaker, std::string speaker_name);
  Envelope hand_queue(programme::TalkId id);  // under hands_mutex_
  void broadcast_hands(const programme::Talk& talk);

  boost::asio::io_context& io_;
  Hub& hub_;
  programme::ProgrammeStore& store_;
  boost::asio::steady_timer reminder_timer_;
  std::chrono::milliseconds reminder_period_{5000};
  bool running_ = false;
  std::mutex hands_mutex_;
  std::map<programme::TalkId, programme::HandQueue> hands_;
};

}  // namespace moim::app
