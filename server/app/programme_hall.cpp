// ProgrammeService, the tech-talk hall: the programme, RSVPs, questions and votes, seats, notes,
// and the checks before hands and the stage go to the hall's stage feature. Every host action
// checks the role first.
#include "app/hub.hpp"
#include "app/programme_service.hpp"

namespace moim::app {

namespace req = programme_request;
namespace ev = programme_event;
using namespace moim::programme;

namespace {

constexpr std::int64_t kDayMs = 24 * 3'600'000;

// Fills one page of `items` from `offset` into `out`: at most page_limit(requested) entries
// and about kMaxPageBytes as `size_of` counts them (always at least one). Returns the next
// page's offset, 0 at the end.
template <typename Item, typename Entry, typename Make, typename SizeOf>
std::uint32_t fill_page(const std::vector<Item>& items, std::uint32_t offset,
                        std::uint32_t requested, std::vector<Entry>& out, Make make,
                        SizeOf size_of) {
  const auto limit = page_limit(requested);
  std::size_t bytes = 0;
  std::size_t i = offset;
  for (; i < items.size() && out.size() < limit; ++i) {
    Entry entry = make(items[i]);
    const auto size = size_of(entry);
    if (!out.empty() && bytes + size > kMaxPageBytes) break;
    bytes += size;
    out.push_back(std::move(entry));
  }
  return i < items.size() ? static_cast<std::uint32_t>(i) : 0;
}

}  // namespace

ev::Talk ProgrammeService::talk_view(const Identity& who, const Talk& t) {
  ev::Talk out{t, false, std::nullopt};
  if (auto going = store_.has_rsvp(t.id, who.id)) out.rsvped = *going;
  if (has_seats(t.kind)) {
    if (auto seat = store_.seat(t.id, who.id)) out.seat = *seat;
  }
  return out;
}

ProgrammeService::Reply ProgrammeService::list_talks(const Identity& who, std::uint32_t rid,
                                                     const req::ListTalks& m) {
  const auto now = now_ms();
  const auto from = m.from_ms != 0 ? m.from_ms : now - kDayMs;
  const auto to = m.to_ms != 0 ? m.to_ms : from + 28 * kDayMs;
  if (to <= from || to - from > 366 * kDayMs) {
    return error(rid, {Errc::bad_request, "ask for at most a year of the programme"});
  }
  auto talks = store_.list_talks(from, to);
  if (!talks) return error(rid, talks.error());
  ev::TalkList list;
  list.server_time_ms = now;
  const auto& encoder = encoder_;
  list.next_offset = fill_page(
      *talks, m.offset, m.limit, list.talks, [&](const Talk& t) { return talk_view(who, t); },
      [&](const ev::Talk& t) { return encoder.entry_size(t); });
  return reply(rid, list);
}

ProgrammeService::Reply ProgrammeService::schedule_talk(const Identity& who, std::uint32_t rid,
                                                        const req::ScheduleTalk& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  if (!m.talk) return error(rid, m.talk.error());
  auto talk = *m.talk;
  if (!hub_.room(talk.room)) {
    return error(rid, {Errc::no_such_room, "no room called '" + talk.room + "'"});
  }
  talk.created_at_ms = talk.updated_at_ms = now_ms();
  auto saved =
      talk.id == 0 ? store_.create_talk(std::move(talk)) : store_.update_talk(std::move(talk));
  if (!saved) return error(rid, saved.error());
  return reply(rid, talk_view(who, *saved));
}

ProgrammeService::Reply ProgrammeService::rsvp(const Identity& who, std::uint32_t rid,
                                               const req::Rsvp& m) {
  auto talk = store_.rsvp(m.talk, who.id, m.going, now_ms());
  if (!talk) return error(rid, talk.error());
  return reply(rid, talk_view(who, *talk));
}

ProgrammeService::Reply ProgrammeService::ask(const Identity& who, std::uint32_t rid,
                                              const req::AskQuestion& m) {
  auto question = store_.ask(m.talk, who.id, who.name, m.text, now_ms(), question_quota(who));
  if (!question) return error(rid, question.error());
  return reply(rid, ev::Question{*question});
}

ProgrammeService::Reply ProgrammeService::vote(const Identity& who, std::uint32_t rid,
                                               const req::VoteQuestion& m) {
  auto question = store_.vote(m.question, who.id, now_ms());
  if (!question) return error(rid, question.error());
  return reply(rid, ev::Question{*question});
}

ProgrammeService::Reply ProgrammeService::mark_answered(const Identity& who, std::uint32_t rid,
                                                        const req::MarkAnswered& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto question = store_.mark_answered(m.question, m.answered);
  if (!question) return error(rid, question.error());
  return reply(rid, ev::Question{*question});
}

// The ranking is computed over the whole session (bounded by --max-questions-per-session) and
// answered a page at a time.
ProgrammeService::Reply ProgrammeService::list_questions(const Identity& who, std::uint32_t rid,
                                                         const req::ListQuestions& m) {
  auto questions = store_.questions(m.talk, who.id);
  if (!questions) return error(rid, questions.error());
  ev::QuestionList list;
  list.talk = m.talk;
  list.total = static_cast<std::uint32_t>(questions->size());
  const auto& encoder = encoder_;
  list.next_offset = fill_page(
      *questions, m.offset, m.limit, list.questions, [](const Question& q) { return q; },
      [&](const Question& q) { return encoder.entry_size(q); });
  return reply(rid, list);
}

ProgrammeService::Reply ProgrammeService::remove_question(const Identity& who, std::uint32_t rid,
                                                          const req::RemoveQuestion& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  if (auto removed = store_.remove_question(m.talk, m.question); !removed) {
    return error(rid, removed.error());
  }
  return ack(rid);
}

ProgrammeService::Reply ProgrammeService::book_seat(const Identity& who, std::uint32_t rid,
                                                    TalkId id) {
  auto seat = store_.book_seat(id, who.id, now_ms());
  if (!seat) return error(rid, seat.error());
  return reply(rid, ev::Seat{id, *seat});
}

ProgrammeService::Reply ProgrammeService::cancel_seat(const Identity& who, std::uint32_t rid,
                                                      TalkId id) {
  auto promoted = store_.cancel_seat(id, who.id);
  if (!promoted) return error(rid, promoted.error());
  if (*promoted != 0) {
    // Tell the person who moved up, if they are online.
    if (auto entry = directory_.find(*promoted)) {
      entry->link->deliver(
          reply(0, ev::Seat{id, SeatBooking{*promoted, SeatStatus::confirmed, 0}}));
    }
  }
  return reply(rid, ev::Seat{id, SeatBooking{who.id, SeatStatus::none, 0}});
}

ProgrammeService::Reply ProgrammeService::post_notes(const Identity& who, std::uint32_t rid,
                                                     const req::PostNotes& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto talk = store_.set_notes(m.talk, m.notes);
  if (!talk) return error(rid, talk.error());
  return reply(rid, talk_view(who, *talk));
}

// --- hands and the stage ------------------------------------------------------------------------

Result<std::shared_ptr<RoomHost>> ProgrammeService::stage_of(const Talk& talk) {
  auto room = hub_.room(talk.room);
  if (!room) return Error{Errc::no_such_room, "the session's room is gone"};
  if (!room->offers("stage")) {
    return Error{Errc::no_such_room, talk.room + " has no stage for hands and speakers"};
  }
  return room;
}

ProgrammeService::Reply ProgrammeService::raise_hand(const Identity& who, const Link& link,
                                                     std::uint32_t rid, const req::RaiseHand& m) {
  auto talk = store_.find_talk(m.talk);
  if (!talk) return error(rid, talk.error());
  if (m.raised && phase_at(*talk, now_ms()) != TalkPhase::live) {
    return error(rid, {Errc::session_over, "hands go up while the session is on"});
  }
  auto room = stage_of(*talk);
  if (!room) return error(rid, room.error());
  (*room)->feature_call(who, rid, stage::RaiseHand{talk->id, m.raised, link});
  return std::nullopt;
}

ProgrammeService::Reply ProgrammeService::next_hand(const Identity& who, const Link& link,
                                                    std::uint32_t rid, const req::NextHand& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto talk = store_.find_talk(m.talk);
  if (!talk) return error(rid, talk.error());
  auto room = stage_of(*talk);
  if (!room) return error(rid, room.error());
  (*room)->feature_call(who, rid, stage::NextHand{talk->id, link});
  return std::nullopt;
}

ProgrammeService::Reply ProgrammeService::give_stage(const Identity& who, const Link& link,
                                                     std::uint32_t rid, const req::GiveStage& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto target = directory_.find(m.speaker);
  if (!target) return error(rid, {Errc::no_such_user, "that person is not online"});
  auto talk = store_.find_talk(m.talk);
  if (!talk) return error(rid, talk.error());
  auto room = stage_of(*talk);
  if (!room) return error(rid, room.error());
  (*room)->feature_call(who, rid, stage::Give{talk->id, target->who.id, target->who.name, link});
  return std::nullopt;
}

}  // namespace moim::app
