// ProgrammeService: study groups, their rooms and focus timers, reminders, and the dispatch of
// every programme request. The hall's requests are in programme_hall.cpp.
#include "app/programme_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

#include "app/hub.hpp"
#include "core/overloaded.hpp"

namespace moim::app {

namespace asio = boost::asio;
namespace req = programme_request;
namespace ev = programme_event;
using namespace moim::programme;

namespace {

// A schedule as the lead asked for it; `default_zone` when they named none. No days and no
// one-off times is the default evening (daily 21:00-24:00); days without times run then too.
Result<Schedule> schedule_from(const req::ScheduleDraft& in, const std::string& default_zone) {
  const std::string zone = in.time_zone.empty() ? default_zone : in.time_zone;
  const bool one_off = in.once_start_ms != 0 || in.once_end_ms != 0;
  if (in.days.empty() && one_off) return once(in.once_start_ms, in.once_end_ms, zone);
  const std::string_view days = in.days.empty() ? kDefaultDays : std::string_view(in.days);
  const std::string_view times = in.times.empty() ? kDefaultTimes : std::string_view(in.times);
  return weekly(days, times, zone);
}

}  // namespace

ProgrammeService::ProgrammeService(asio::io_context& io, Hub& hub, ProgrammeParts parts)
    : io_(io),
      hub_(hub),
      store_(parts.store),
      directory_(parts.directory),
      encoder_(parts.encoder),
      config_(parts.config),
      reminder_timer_(asio::make_strand(io)) {}

std::int64_t ProgrammeService::now_ms() const {
  return hub_.now_ms();
}

SharedBytes ProgrammeService::error(std::uint32_t rid, const Error& e) const {
  return encoder_.error(rid, e);
}

SharedBytes ProgrammeService::ack(std::uint32_t rid) const {
  return encoder_.ack(rid);
}

SharedBytes ProgrammeService::reply(std::uint32_t rid, const ProgrammeEvent& event) const {
  return encoder_.programme(rid, event);
}

void ProgrammeService::handle(const Identity& who, const Link& link, std::uint32_t rid,
                              const ProgrammeRequest& request) {
  const Reply out = std::visit(
      Overloaded{
          [&](const req::CreateGroup& m) { return create_group(who, rid, m); },
          [&](const req::ListGroups& m) { return list_groups(who, rid, m); },
          [&](const req::JoinGroup& m) { return join_group(who, rid, m.group); },
          [&](const req::LeaveGroup& m) { return leave_group(who, rid, m.group); },
          [&](const req::RemoveGroup& m) { return remove_group(who, rid, m.group); },
          [&](const req::SetGroupAccess& m) { return set_access(who, rid, m); },
          [&](const req::EnterRoom& m) { return enter_room(who, link, rid, m.room); },
          [&](const req::StartFocusTimer& m) {
            const int focus = m.focus_minutes == 0 ? 50 : static_cast<int>(m.focus_minutes);
            const int rest = m.focus_minutes == 0 && m.break_minutes == 0
                                 ? 10
                                 : static_cast<int>(std::min(m.break_minutes, 1000u));
            return set_timer(who, rid, m.group, start_timer(now_ms(), std::min(focus, 1000), rest));
          },
          [&](const req::StopFocusTimer& m) { return set_timer(who, rid, m.group, std::nullopt); },
          [&](const req::GetFocusTimer& m) { return get_timer(who, rid, m.group); },
          [&](const req::ListTalks& m) { return list_talks(who, rid, m); },
          [&](const req::ScheduleTalk& m) { return schedule_talk(who, rid, m); },
          [&](const req::Rsvp& m) { return rsvp(who, rid, m); },
          [&](const req::AskQuestion& m) { return ask(who, rid, m); },
          [&](const req::VoteQuestion& m) { return vote(who, rid, m); },
          [&](const req::MarkAnswered& m) { return mark_answered(who, rid, m); },
          [&](const req::ListQuestions& m) { return list_questions(who, rid, m); },
          [&](const req::RemoveQuestion& m) { return remove_question(who, rid, m); },
          [&](const req::GiveStage& m) { return give_stage(who, link, rid, m); },
          [&](const req::RaiseHand& m) { return raise_hand(who, link, rid, m); },
          [&](const req::NextHand& m) { return next_hand(who, link, rid, m); },
          [&](const req::BookSeat& m) { return book_seat(who, rid, m.talk); },
          [&](const req::CancelSeat& m) { return cancel_seat(who, rid, m.talk); },
          [&](const req::PostNotes& m) { return post_notes(who, rid, m); },
      },
      request);
  if (out) link->deliver(*out);
}

// --- study groups -------------------------------------------------------------------------------

ev::Group ProgrammeService::group_view(const Identity& who, const StudyGroup& g) {
  auto member = store_.is_member(g.id, who.id);
  return {g, member && *member, now_ms()};
}

Quota ProgrammeService::group_quota(const Identity& who) const {
  const auto& limits = config_.programme_limits;
  return {who.role == store::Role::attendee ? limits.groups_per_person : 0, limits.groups_total};
}

Quota ProgrammeService::question_quota(const Identity& who) const {
  const auto& limits = config_.programme_limits;
  return {who.role == store::Role::attendee ? limits.questions_per_person : 0,
          limits.questions_per_session};
}

// What the lead left out gets the defaults of study_group.hpp (the schedule's: schedule_from).
ProgrammeService::Reply ProgrammeService::create_group(const Identity& who, std::uint32_t rid,
                                                       const req::CreateGroup& m) {
  if (!m.kind) return error(rid, {Errc::bad_request, "unknown kind of study group"});
  auto schedule = schedule_from(m.schedule, config_.time_zone);
  if (!schedule) return error(rid, schedule.error());
  StudyGroup g;
  g.topic = m.topic;
  g.kind = *m.kind;
  g.description = m.description;
  g.schedule = std::move(*schedule);
  g.capacity =
      m.capacity == 0 ? kDefaultCapacity : static_cast<int>(std::min(m.capacity, 100'000u));
  g.lead = who.id;
  g.visitors_allowed = m.visitors_allowed;
  g.created_at_ms = now_ms();
  auto created = store_.create_group(std::move(g), group_quota(who));
  if (!created) return error(rid, created.error());
  spdlog::info("study group {} '{}' created by {}", created->id, created->topic, who.id);
  return reply(rid, group_view(who, *created));
}

namespace {

// Groups read from the store per step, and looked at per request, matching or not: a search
// that matches little answers with a short page (and a next one) rather than reading them all.
constexpr std::size_t kScanBatch = 100;
constexpr std::size_t kMaxScanned = 500;

}  // namespace

ProgrammeService::Reply ProgrammeService::list_groups(const Identity& who, std::uint32_t rid,
                                                      const req::ListGroups& m) {
  if (m.query.size() > 200) return error(rid, {Errc::text_too_long, "search is too long"});
  if (m.after_id < 0) return error(rid, {Errc::bad_request, "after_id must not be negative"});
  auto mine = store_.groups_of(who.id);
  if (!mine) return error(rid, mine.error());
  ev::GroupList list;
  const auto now = now_ms();
  const auto limit = page_limit(m.limit);
  GroupId after = m.after_id;
  std::size_t scanned = 0;
  std::size_t bytes = 0;
  bool more = false;
  while (!more) {
    auto batch = store_.list_groups(after, kScanBatch);
    if (!batch) return error(rid, batch.error());
    for (const auto& g : *batch) {
      if (list.groups.size() == limit || scanned == kMaxScanned) {
        more = true;
        break;
      }
      const bool member = std::find(mine->begin(), mine->end(), g.id) != mine->end();
      if ((!m.mine || member) && matches(g, m.query)) {
        ev::Group entry{g, member, now};
        const auto size = encoder_.entry_size(entry);
        if (!list.groups.empty() && bytes + size > kMaxPageBytes) {
          more = true;
          break;
        }
        bytes += size;
        list.groups.push_back(std::move(entry));
      }
      ++scanned;
      after = g.id;
    }
    if (batch->size() < kScanBatch) break;
  }
  list.next_after_id = more ? after : 0;
  return reply(rid, list);
}
ProgrammeService::Reply ProgrammeService::join_group(const Identity& who, std::uint32_t rid,
                                                     GroupId id) {
  auto joined = store_.join_group(id, who.id, now_ms());
  if (!joined) return error(rid, joined.error());
  return reply(rid, group_view(who, *joined));
}

ProgrammeService::Reply ProgrammeService::leave_group(const Identity& who, std::uint32_t rid,
                                                      GroupId id) {
  auto before = store_.find_group(id);
  if (!before) return error(rid, before.error());
  auto left = store_.leave_group(id, who.id);
  if (!left) return error(rid, left.error());
  if (!*left) {
    // The lead left alone: the group is gone, and so is its room.
    move_out(id, nullptr, before->topic + " has ended: you are back in the lobby");
    return ack(rid);
  }
  move_out(id, &**left,
           "you left " + before->topic + ", whose room is for members: you are back in the lobby");
  return reply(rid, group_view(who, **left));
}

ProgrammeService::Reply ProgrammeService::remove_group(const Identity& who, std::uint32_t rid,
                                                       GroupId id) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto removed = remove_group(id);
  if (!removed) return error(rid, removed.error());
  spdlog::info("study group {} removed by host {}", id, who.id);
  return ack(rid);
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
  for (const auto& entry : directory_.list(std::numeric_limits<std::size_t>::max())) {
    if (entry.room != room_id) continue;
    if (group != nullptr) {
      auto member = store_.is_member(id, entry.who.id);
      if (member && programme::check_enter(*group, actor(entry.who), *member)) continue;
    }
    if (!room) room = hub_.room(room_id);
    if (!room) return;  // never opened: nobody can be in it
    entry.link->deliver(reply(0, ev::Notice{why}));
    // As a portal would: the lobby answers with RoomEntered.
    room->transfer(entry.who.id, config_.lobby, 0);
  }
}

ProgrammeService::Reply ProgrammeService::set_access(const Identity& who, std::uint32_t rid,
                                                     const req::SetGroupAccess& m) {
  auto group = store_.find_group(m.group);
  if (!group) return error(rid, group.error());
  if (auto allowed = check_lead_action(*group, actor(who)); !allowed) {
    return error(rid, allowed.error());
  }
  auto changed = store_.set_group_access(m.group, m.recruiting, m.visitors_allowed);
  if (!changed) return error(rid, changed.error());
  if (!changed->visitors_allowed) {
    move_out(changed->id, &*changed,
             changed->topic + " is closed to visitors now: you are back in the lobby");
  }
  return reply(rid, group_view(who, *changed));
}

ProgrammeService::Reply ProgrammeService::set_timer(const Identity& who, std::uint32_t rid,
                                                    GroupId id, std::optional<FocusTimer> timer) {
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
  const ev::FocusTimer state{id, changed->timer, now_ms()};
  if (auto room = hub_.room(room_of(id))) room->broadcast(reply(0, state));
  return reply(rid, state);
}

ProgrammeService::Reply ProgrammeService::get_timer(const Identity& who, std::uint32_t rid,
                                                    GroupId id) {
  auto group = store_.find_group(id);
  if (!group) return error(rid, group.error());
  auto member = store_.is_member(id, who.id);
  if (!member) return error(rid, member.error());
  if (auto allowed = programme::check_enter(*group, actor(who), *member); !allowed) {
    return error(rid, allowed.error());
  }
  return reply(rid, ev::FocusTimer{id, group->timer, now_ms()});
}

// The target room answers with RoomEntered (the transfer carries `rid`), or an Error.
ProgrammeService::Reply ProgrammeService::enter_room(const Identity& who, const Link& /*link*/,
                                                     std::uint32_t rid, const std::string& room) {
  if (auto allowed = hub_.check_enter(who, room); !allowed) return error(rid, allowed.error());
  if (!hub_.room(room)) return error(rid, {Errc::no_such_room, "no room called '" + room + "'"});
  auto here = directory_.find(who.id);
  auto current = here ? hub_.room(here->room) : nullptr;
  if (!current) return error(rid, {Errc::not_joined, "between rooms; try again"});
  if (here->room == room) return ack(rid);
  current->transfer(who.id, room, rid);
  return std::nullopt;
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
    const auto bytes = reply(0, ev::SessionReminder{talk});
    int sent = 0;
    for (auto user : *people) {
      if (auto entry = directory_.find(user)) {
        entry->link->deliver(bytes);
        ++sent;
      }
    }
    spdlog::info("session {} '{}' started: reminded {} of {} people", talk.id, talk.title, sent,
                 people->size());
  }
}

}  // namespace moim::app
