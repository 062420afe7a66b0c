// ProgrammeService: study groups, their rooms and focus timers, reminders, and the dispatch of
// every programme request. The hall's requests are in programme_hall.cpp.
#include "app/programme_service.hpp"

#include <spdlog/spdlog.h>

#include <limits>

#include "app/hub.hpp"
#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"
#include "net/encode_shared.hpp"
#include "net/programme_convert.hpp"

namespace moim::app {

using net::encode_shared;

namespace asio = boost::asio;
using namespace moim::programme;

ProgrammeService::ProgrammeService(asio::io_context& io, Hub& hub, ProgrammeStore& store)
    : io_(io), hub_(hub), store_(store), reminder_timer_(asio::make_strand(io)) {}

std::int64_t ProgrammeService::now_ms() const {
  return hub_.now_ms();
}

v1::Envelope ProgrammeService::error(std::uint32_t rid, const Error& e) const {
  return net::error_envelope(rid, e);
}

bool ProgrammeService::handle(const Identity& who, const Link& link, const v1::Envelope& in) {
  const auto rid = in.request_id();
  std::optional<Envelope> out;
  switch (in.body_case()) {
    case Envelope::kCreateStudyGroup:
      out = create_group(who, rid, in.create_study_group());
      break;
    case Envelope::kListStudyGroups:
      out = list_groups(who, rid, in.list_study_groups());
      break;
    case Envelope::kJoinStudyGroup:
      out = join_group(who, rid, in.join_study_group().group_id());
      break;
    case Envelope::kLeaveStudyGroup:
      out = leave_group(who, rid, in.leave_study_group().group_id());
      break;
    case Envelope::kRemoveStudyGroup:
      out = remove_group(who, rid, in.remove_study_group().group_id());
      break;
    case Envelope::kSetStudyGroupAccess:
      out = set_access(who, rid, in.set_study_group_access());
      break;
    case Envelope::kEnterRoom:
      enter_room(who, link, rid, in.enter_room().room());
      return true;
    case Envelope::kStartFocusTimer: {
      const auto& m = in.start_focus_timer();
      const int focus = m.focus_minutes() == 0 ? 50 : static_cast<int>(m.focus_minutes());
      const int rest = m.focus_minutes() == 0 && m.break_minutes() == 0
                           ? 10
                           : static_cast<int>(std::min(m.break_minutes(), 1000u));
      out = set_timer(who, rid, m.group_id(), start_timer(now_ms(), std::min(focus, 1000), rest));
      break;
    }
    case Envelope::kStopFocusTimer:
      out = set_timer(who, rid, in.stop_focus_timer().group_id(), std::nullopt);
      break;
    case Envelope::kGetFocusTimer:
      out = get_timer(who, rid, in.get_focus_timer().group_id());
      break;
    case Envelope::kListTalks:
      out = list_talks(who, rid, in.list_talks());
      break;
    case Envelope::kScheduleTalk:
      out = schedule_talk(who, rid, in.schedule_talk());
      break;
    case Envelope::kRsvp:
      out = rsvp(who, rid, in.rsvp());
      break;
    case Envelope::kAskQuestion:
      out = ask(who, rid, in.ask_question());
      break;
    case Envelope::kVoteQuestion:
      out = vote(who, rid, in.vote_question());
      break;
    case Envelope::kMarkAnswered:
      out = mark_answered(who, rid, in.mark_answered());
      break;
    case Envelope::kListQuestions:
      out = list_questions(who, rid, in.list_questions());
      break;
    case Envelope::kRemoveQuestion:
      out = remove_question(who, rid, in.remove_question());
      break;
    case Envelope::kGiveStage: {
      if (auto host = check_host(who.role); !host) {
        out = error(rid, host.error());
        break;
      }
      auto target = hub_.directory().find(in.give_stage().user_id());
      if (!target) {
        out = error(rid, {Errc::no_such_user, "that person is not online"});
        break;
      }
      give_stage(who, link, rid, in.give_stage().talk_id(), target->who.id, target->who.name);
      return true;
    }
    case Envelope::kRaiseHand:
      out = raise_hand(who, rid, in.raise_hand());
      break;
    case Envelope::kNextHand:
      next_hand(who, link, rid, in.next_hand().talk_id());
      return true;
    case Envelope::kBookSeat:
      out = book_seat(who, rid, in.book_seat().talk_id());
      break;
    case Envelope::kCancelSeat:
      out = cancel_seat(who, rid, in.cancel_seat().talk_id());
      break;
    case Envelope::kPostNotes:
      out = post_notes(who, rid, in.post_notes());
      break;
    default:
      return false;
  }
  link->deliver(encode_shared(*out));
  return true;
}

// --- study groups -------------------------------------------------------------------------------

v1::Envelope ProgrammeService::group_reply(std::uint32_t rid, const Identity& who,
                                           const StudyGroup& g) {
  auto member = store_.is_member(g.id, who.id);
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_study_group(), g, member && *member, now_ms());
  return out;
}

Quota ProgrammeService::group_quota(const Identity& who) const {
  const auto& limits = hub_.config().programme_limits;
  return {who.role == store::Role::attendee ? limits.groups_per_person : 0, limits.groups_total};
}

Quota ProgrammeService::question_quota(const Identity& who) const {
  const auto& limits = hub_.config().programme_limits;
  return {who.role == store::Role::attendee ? limits.questions_per_person : 0,
          limits.questions_per_session};
}

// What the lead left out gets the defaults of study_group.hpp (the schedule's: schedule_from).
v1::Envelope ProgrammeService::create_group(const Identity& who, std::uint32_t rid,
                                            const v1::CreateStudyGroup& m) {
  auto kind = m.kind() == v1::STUDY_GROUP_KIND_UNSPECIFIED ? std::optional(kDefaultKind)
                                                           : net::from_proto(m.kind());
  if (!kind) return error(rid, {Errc::bad_request, "unknown kind of study group"});
  auto schedule = net::schedule_from(m.schedule(), hub_.config().time_zone);
  if (!schedule) return error(rid, schedule.error());
  StudyGroup g;
  g.topic = m.topic();
  g.kind = *kind;
  g.description = m.description();
  g.schedule = std::move(*schedule);
  g.capacity =
      m.capacity() == 0 ? kDefaultCapacity : static_cast<int>(std::min(m.capacity(), 100'000u));
  g.lead = who.id;
  g.visitors_allowed = m.visitors_allowed();
  g.created_at_ms = now_ms();
  auto created = store_.create_group(std::move(g), group_quota(who));
  if (!created) return error(rid, created.error());
  spdlog::info("study group {} '{}' created by {}", created->id, created->topic, who.id);
  return group_reply(rid, who, *created);
}

namespace {

// Groups read from the store per step, and looked at per request, matching or not: a search
// that matches little answers with a short page (and a next one) rather than reading them all.
constexpr std::size_t kScanBatch = 100;
constexpr std::size_t kMaxScanned = 500;

}  // namespace

v1::Envelope ProgrammeService::list_groups(const Identity& who, std::uint32_t rid,
                                           const v1::ListStudyGroups& m) {
  if (m.query().size() > 200) return error(rid, {Errc::text_too_long, "search is too long"});
  if (m.after_id() < 0) return error(rid, {Errc::bad_request, "after_id must not be negative"});
  auto mine = store_.groups_of(who.id);
  if (!mine) return error(rid, mine.error());
  Envelope out;
  out.set_request_id(rid);
  auto* list = out.mutable_study_group_list();
  const auto now = now_ms();
  const auto limit = page_limit(m.limit());
  GroupId after = m.after_id();
  std::size_t scanned = 0;
  std::size_t bytes = 0;
  bool more = false;
  while (!more) {
    auto batch = store_.list_groups(after, kScanBatch);
    if (!batch) return error(rid, batch.error());
    for (const auto& g : *batch) {
      if (static_cast<std::size_t>(list->groups_size()) == limit || scanned == kMaxScanned) {
        more = true;
        break;
      }
      const bool member = std::find(mine->begin(), mine->end(), g.id) != mine->end();
      if ((!m.mine() || member) && matches(g, m.query())) {
        v1::StudyGroupInfo info;
        net::fill(info, g, member, now);
        const auto size = info.ByteSizeLong();
        if (list->groups_size() > 0 && bytes + size > kMaxPageBytes) {
          more = true;
          break;
        }
        bytes += size;
        list->add_groups()->Swap(&info);
      }
      ++scanned;
      after = g.id;
    }
    if (batch->size() < kScanBatch) break;
  }
  list->set_next_after_id(more ? after : 0);
  return out;
}

v1::Envelope ProgrammeService::join_group(const Identity& who, std::uint32_t rid, GroupId id) {
  auto joined = store_.join_group(id, who.id, now_ms());
  if (!joined) return error(rid, joined.error());
  return group_reply(rid, who, *joined);
}

v1::Envelope ProgrammeService::leave_group(const Identity& who, std::uint32_t rid, GroupId id) {
  auto before = store_.find_group(id);
  if (!before) return error(rid, before.error());
  auto left = store_.leave_group(id, who.id);
  if (!left) return error(rid, left.error());
  if (!*left) {
    // The lead left alone: the group is gone, and so is its room.
    move_out(id, nullptr, before->topic + " has ended: you are back in the lobby");
    return proto::make_ack(rid);
  }
  move_out(id, &**left,
           "you left " + before->topic + ", whose room is for members: you are back in the lobby");
  return group_reply(rid, who, **left);
}

v1::Envelope ProgrammeService::remove_group(const Identity& who, std::uint32_t rid, GroupId id) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto removed = remove_group(id);
  if (!removed) return error(rid, removed.error());
  spdlog::info("study group {} removed by host {}", id, who.id);
  return proto::make_ack(rid);
}

Status ProgrammeService::remove_group(GroupId id) {
  auto group = store_.find_group(id);
  if (!group) return group.error();
  if (auto removed = store_.remove_group(id); !removed) return removed;
  move_out(id, nullptr, group->topic + " was removed by a host: you are back in the lobby");
  return ok();
}

void ProgrammeService::move_out(GroupId id, const StudyGroup* group, const std::string& why) {
  const auto room_id = room_of(id);
  std::shared_ptr<RoomHost> room;
  for (const auto& entry : hub_.directory().list(std::numeric_limits<std::size_t>::max())) {
    if (entry.room != room_id) continue;
    if (group != nullptr) {
      auto member = store_.is_member(id, entry.who.id);
      if (member && programme::check_enter(*group, actor(entry.who), *member)) continue;
    }
    if (!room) room = hub_.room(room_id);
    if (!room) return;  // never opened: nobody can be in it
    Envelope notice;
    notice.mutable_notice()->set_text(why);
    entry.link->deliver(encode_shared(notice));
    // As a portal would: the lobby answers with RoomEntered.
    room->transfer(entry.who.id, hub_.config().lobby, 0);
  }
}

v1::Envelope ProgrammeService::set_access(const Identity& who, std::uint32_t rid,
                                          const v1::SetStudyGroupAccess& m) {
  auto group = store_.find_group(m.group_id());
  if (!group) return error(rid, group.error());
  if (auto allowed = check_lead_action(*group, actor(who)); !allowed) {
    return error(rid, allowed.error());
  }
  auto changed = store_.set_group_access(m.group_id(), m.recruiting(), m.visitors_allowed());
  if (!changed) return error(rid, changed.error());
  if (!changed->visitors_allowed) {
    move_out(changed->id, &*changed,
             changed->topic + " is closed to visitors now: you are back in the lobby");
  }
  return group_reply(rid, who, *changed);
}

v1::Envelope ProgrammeService::set_timer(const Identity& who, std::uint32_t rid, GroupId id,
                                         std::optional<FocusTimer> timer) {
  auto group = store_.find_group(id);
  if (!group) return error(rid, group.error());
  auto member = store_.is_member(id, who.id);
  if (!member) return error(rid, member.error());
  if (auto allowed = check_member_action(*group, actor(who), *member); !allowed) {
    return error(rid, allowed.error());
  }
  // Stopping keeps the lengths so the next start offers the same rhythm.
  FocusTimer next = timer ? *timer : group->timer;
  if (!timer) next.started_at_ms = 0;
  auto changed = store_.set_focus_timer(id, next);
  if (!changed) return error(rid, changed.error());
  Envelope push;
  net::fill(*push.mutable_focus_timer(), id, changed->timer, now_ms());
  if (auto room = hub_.room(room_of(id))) room->broadcast(encode_shared(push));
  push.set_request_id(rid);
  return push;
}

v1::Envelope ProgrammeService::get_timer(const Identity& who, std::uint32_t rid, GroupId id) {
  auto group = store_.find_group(id);
  if (!group) return error(rid, group.error());
  auto member = store_.is_member(id, who.id);
  if (!member) return error(rid, member.error());
  if (auto allowed = programme::check_enter(*group, actor(who), *member); !allowed) {
    return error(rid, allowed.error());
  }
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_focus_timer(), id, group->timer, now_ms());
  return out;
}

std::optional<GroupId> ProgrammeService::group_for_room(std::string_view room) {
  auto id = group_of_room(room);
  if (!id) return std::nullopt;
  auto group = store_.find_group(*id);
  if (!group) return std::nullopt;
  return *id;
}

RoomHost::PresenceHook ProgrammeService::attendance_hook(GroupId group) {
  return [this, group](store::UserId user, bool entered) {
    const auto now = now_ms();
    auto recorded =
        entered ? store_.record_enter(group, user, now) : store_.record_leave(group, user, now);
    if (!recorded) {
      spdlog::warn("attendance of {} in group {}: {}", user, group, recorded.error().message);
    }
  };
}

Status ProgrammeService::check_enter(const Identity& who, std::string_view room) {
  auto id = group_of_room(room);
  if (!id) return ok();
  auto group = store_.find_group(*id);
  if (!group) return group.error();
  auto member = store_.is_member(*id, who.id);
  if (!member) return member.error();
  return programme::check_enter(*group, actor(who), *member);
}

void ProgrammeService::enter_room(const Identity& who, const Link& link, std::uint32_t rid,
                                  const std::string& room) {
  auto reply_error = [&](const Error& e) { link->deliver(encode_shared(error(rid, e))); };
  if (auto allowed = check_enter(who, room); !allowed) return reply_error(allowed.error());
  if (!hub_.room(room)) return reply_error({Errc::no_such_room, "no room called '" + room + "'"});
  auto here = hub_.directory().find(who.id);
  auto current = here ? hub_.room(here->room) : nullptr;
  if (!current) return reply_error({Errc::not_joined, "between rooms; try again"});
  if (here->room == room) return link->deliver(encode_shared(proto::make_ack(rid)));
  current->transfer(who.id, room, rid);
}

// --- reminders ----------------------------------------------------------------------------------

void ProgrammeService::start(std::chrono::milliseconds period) {
  reminder_period_ = period;
  asio::post(reminder_timer_.get_executor(), [this] {
    running_ = true;
    schedule_reminders();
  });
}

void ProgrammeService::stop() {
  asio::post(reminder_timer_.get_executor(), [this] {
    running_ = false;
    reminder_timer_.cancel();
  });
}

void ProgrammeService::schedule_reminders() {
  if (!running_) return;
  reminder_timer_.expires_after(reminder_period_);
  reminder_timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || !running_) return;
    send_due_reminders();
    schedule_reminders();
  });
}

void ProgrammeService::send_due_reminders() {
  auto due = store_.take_due_reminders(now_ms());
  if (!due) {
    spdlog::warn("reminders: {}", due.error().message);
    return;
  }
  for (const auto& talk : *due) {
    auto people = store_.people_to_remind(talk.id);
    if (!people) continue;
    Envelope push;
    auto* reminder = push.mutable_session_reminder();
    net::fill(*reminder->mutable_talk(), talk);
    reminder->set_room(talk.room);
    const auto bytes = encode_shared(push);
    int sent = 0;
    for (auto user : *people) {
      if (auto entry = hub_.directory().find(user)) {
        entry->link->deliver(bytes);
        ++sent;
      }
    }
    spdlog::info("session {} '{}' started: reminded {} of {} people", talk.id, talk.title, sent,
                 people->size());
  }
}

}  // namespace moim::app
