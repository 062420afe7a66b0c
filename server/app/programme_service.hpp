#pragma once
// Study rooms and the tech-talk hall in the running server: turns programme requests from
// sessions (domain values: app/programme_requests.hpp) into store calls checked against the
// sender's role and membership, and answers and pushes what others must see (focus timers,
// reminders) through the Encoder it is given. Rules live in programme/ (plain C++); this is the
// wiring. What happens inside a room is a room feature's: attendance
// (features/study_group_feature.hpp) and the hall's hands and stage (features/stage_feature.hpp,
// which the hall requests go to).
//
// Threads: called from any session strand. The store is thread-safe; pushes go through room
// hosts (their strands) or session links.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>

#include "app/config.hpp"
#include "app/directory.hpp"
#include "app/encoder.hpp"
#include "app/identity.hpp"
#include "app/programme_events.hpp"
#include "app/programme_requests.hpp"
#include "app/session_link.hpp"
#include "programme/programme_store.hpp"

namespace moim::app {

class Hub;
class RoomHost;

// What the service works with besides the hub, handed over by whoever starts the server
// (boot/server.cpp). Each outlives the service.
struct ProgrammeParts {
  programme::ProgrammeStore& store;
  Directory& directory;        // where people are: reminders, moves, the stage's speaker
  const Encoder& encoder;      // how answers and pushes become bytes
  const ServerConfig& config;  // per-person limits, the default time zone, the lobby
};

class ProgrammeService {
 public:
  using Link = std::shared_ptr<app::SessionLink>;

  // `hub` opens rooms and says who may enter them.
  ProgrammeService(boost::asio::io_context& io, Hub& hub, ProgrammeParts parts);

  programme::ProgrammeStore& store() { return store_; }
  // Looks for sessions that have started every `period` and reminds who RSVP'd.
  void start(std::chrono::milliseconds period);
  void stop();

  // Handles one programme request and answers it through `link` (now, or from a room's strand
  // for the stage and for moves).
  void handle(const Identity& who, const Link& link, std::uint32_t request_id,
              const ProgrammeRequest& request);

  // Reminds online people who RSVP'd to sessions that have started (the timer calls this).
  void send_due_reminders();

  // Removes a study group (a host's decision, over the protocol or the host API) and moves
  // everyone in its room back to the lobby with a notice.
  Status remove_group(programme::GroupId id);

 private:
  // What a request is answered with now; nothing when the answer comes later (from a room).
  using Reply = std::optional<SharedBytes>;

  std::int64_t now_ms() const;
  SharedBytes error(std::uint32_t rid, const Error& e) const;
  SharedBytes ack(std::uint32_t rid) const;
  SharedBytes reply(std::uint32_t rid, const ProgrammeEvent& event) const;
  programme_event::Group group_view(const Identity& who, const programme::StudyGroup& g);
  programme_event::Talk talk_view(const Identity& who, const programme::Talk& t);
  programme::Actor actor(const Identity& who) const { return {who.id, who.role}; }
  // The limits of ServerConfig::programme_limits for `who` (hosts have no per-person limit).
  programme::Quota group_quota(const Identity& who) const;
  programme::Quota question_quota(const Identity& who) const;
  // Access is checked on entering and again whenever it may have changed: everyone in the
  // group's room who may no longer be there goes back to the lobby, told `why`. Without a
  // group (dissolved or removed) that is everyone.
  void move_out(programme::GroupId id, const programme::StudyGroup* group, const std::string& why);
  void schedule_reminders();

  // Study groups (programme_service.cpp).
  Reply create_group(const Identity& who, std::uint32_t rid,
                     const programme_request::CreateGroup& m);
  Reply list_groups(const Identity& who, std::uint32_t rid, const programme_request::ListGroups& m);
  Reply join_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Reply leave_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Reply remove_group(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Reply set_access(const Identity& who, std::uint32_t rid,
                   const programme_request::SetGroupAccess& m);
  Reply set_timer(const Identity& who, std::uint32_t rid, programme::GroupId id,
                  std::optional<programme::FocusTimer> timer);
  Reply get_timer(const Identity& who, std::uint32_t rid, programme::GroupId id);
  Reply enter_room(const Identity& who, const Link& link, std::uint32_t rid,
                   const std::string& room);

  // The hall (programme_hall.cpp).
  Reply list_talks(const Identity& who, std::uint32_t rid, const programme_request::ListTalks& m);
  Reply schedule_talk(const Identity& who, std::uint32_t rid,
                      const programme_request::ScheduleTalk& m);
  Reply rsvp(const Identity& who, std::uint32_t rid, const programme_request::Rsvp& m);
  Reply ask(const Identity& who, std::uint32_t rid, const programme_request::AskQuestion& m);
  Reply vote(const Identity& who, std::uint32_t rid, const programme_request::VoteQuestion& m);
  Reply mark_answered(const Identity& who, std::uint32_t rid,
                      const programme_request::MarkAnswered& m);
  Reply list_questions(const Identity& who, std::uint32_t rid,
                       const programme_request::ListQuestions& m);
  Reply remove_question(const Identity& who, std::uint32_t rid,
                        const programme_request::RemoveQuestion& m);
  Reply book_seat(const Identity& who, std::uint32_t rid, programme::TalkId id);
  Reply cancel_seat(const Identity& who, std::uint32_t rid, programme::TalkId id);
  Reply post_notes(const Identity& who, std::uint32_t rid, const programme_request::PostNotes& m);
  // Hands and the stage: checked here, done by the stage feature of the session's room.
  Reply raise_hand(const Identity& who, const Link& link, std::uint32_t rid,
                   const programme_request::RaiseHand& m);
  Reply next_hand(const Identity& who, const Link& link, std::uint32_t rid,
                  const programme_request::NextHand& m);
  Reply give_stage(const Identity& who, const Link& link, std::uint32_t rid,
                   const programme_request::GiveStage& m);
  // The stage feature of `talk`'s room, or the error to answer.
  Result<std::shared_ptr<RoomHost>> stage_of(const programme::Talk& talk);

  boost::asio::io_context& io_;
  Hub& hub_;
  programme::ProgrammeStore& store_;
  Directory& directory_;
  const Encoder& encoder_;
  const ServerConfig& config_;
  boost::asio::steady_timer reminder_timer_;
  std::chrono::milliseconds reminder_period_{5000};
  bool running_ = false;
};

}  // namespace moim::app
