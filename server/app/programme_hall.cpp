// ProgrammeService, the tech-talk hall: the programme, RSVPs, questions and votes, seats, notes,
// the raise-hand queue and the stage. Every host action checks the role first.
#include <boost/asio/post.hpp>

#include "app/hub.hpp"
#include "app/programme_service.hpp"
#include "moim/proto/envelope.hpp"
#include "net/convert.hpp"
#include "net/encode_shared.hpp"
#include "net/programme_convert.hpp"

namespace moim::app {

using net::encode_shared;

using namespace moim::programme;

namespace {

constexpr std::int64_t kDayMs = 24 * 3'600'000;

// Fills one page of `items` from `offset` into `out`: at most page_limit(requested) entries
// and about kMaxPageBytes (always at least one). Returns the next page's offset, 0 at the end.
template <typename Item, typename Info, typename Fill>
std::uint32_t fill_page(const std::vector<Item>& items, std::uint32_t offset,
                        std::uint32_t requested, google::protobuf::RepeatedPtrField<Info>& out,
                        Fill fill) {
  const auto limit = page_limit(requested);
  std::size_t bytes = 0;
  std::size_t i = offset;
  for (; i < items.size() && static_cast<std::size_t>(out.size()) < limit; ++i) {
    Info info;
    fill(info, items[i]);
    const auto size = info.ByteSizeLong();
    if (!out.empty() && bytes + size > kMaxPageBytes) break;
    bytes += size;
    out.Add()->Swap(&info);
  }
  return i < items.size() ? static_cast<std::uint32_t>(i) : 0;
}

}  // namespace

void ProgrammeService::fill_for(v1::TalkInfo& out, const Identity& who, const Talk& t) {
  net::fill(out, t);
  if (auto going = store_.has_rsvp(t.id, who.id)) out.set_rsvped(*going);
  if (has_seats(t.kind)) {
    if (auto seat = store_.seat(t.id, who.id)) {
      out.set_seat(net::to_proto(seat->status));
      out.set_waitlist_position(static_cast<std::uint32_t>(seat->waitlist_position));
    }
  }
}

v1::Envelope ProgrammeService::talk_reply(std::uint32_t rid, const Identity& who, const Talk& t) {
  Envelope out;
  out.set_request_id(rid);
  fill_for(*out.mutable_talk(), who, t);
  return out;
}

v1::Envelope ProgrammeService::list_talks(const Identity& who, std::uint32_t rid,
                                          const v1::ListTalks& m) {
  const auto now = now_ms();
  const auto from = m.from_ms() != 0 ? m.from_ms() : now - kDayMs;
  const auto to = m.to_ms() != 0 ? m.to_ms() : from + 28 * kDayMs;
  if (to <= from || to - from > 366 * kDayMs) {
    return error(rid, {Errc::bad_request, "ask for at most a year of the programme"});
  }
  auto talks = store_.list_talks(from, to);
  if (!talks) return error(rid, talks.error());
  Envelope out;
  out.set_request_id(rid);
  auto* list = out.mutable_talk_list();
  list->set_server_time_ms(now);
  list->set_next_offset(
      fill_page(*talks, m.offset(), m.limit(), *list->mutable_talks(),
                [&](v1::TalkInfo& info, const Talk& t) { fill_for(info, who, t); }));
  return out;
}

v1::Envelope ProgrammeService::schedule_talk(const Identity& who, std::uint32_t rid,
                                             const v1::ScheduleTalk& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto talk = net::talk_from(m.talk());
  if (!talk) return error(rid, talk.error());
  if (!hub_.room(talk->room)) {
    return error(rid, {Errc::no_such_room, "no room called '" + talk->room + "'"});
  }
  talk->created_at_ms = talk->updated_at_ms = now_ms();
  auto saved =
      talk->id == 0 ? store_.create_talk(std::move(*talk)) : store_.update_talk(std::move(*talk));
  if (!saved) return error(rid, saved.error());
  return talk_reply(rid, who, *saved);
}

v1::Envelope ProgrammeService::rsvp(const Identity& who, std::uint32_t rid, const v1::Rsvp& m) {
  auto talk = store_.rsvp(m.talk_id(), who.id, m.going(), now_ms());
  if (!talk) return error(rid, talk.error());
  return talk_reply(rid, who, *talk);
}

v1::Envelope ProgrammeService::ask(const Identity& who, std::uint32_t rid,
                                   const v1::AskQuestion& m) {
  auto question =
      store_.ask(m.talk_id(), who.id, who.name, m.text(), now_ms(), question_quota(who));
  if (!question) return error(rid, question.error());
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_question(), *question);
  return out;
}

v1::Envelope ProgrammeService::vote(const Identity& who, std::uint32_t rid,
                                    const v1::VoteQuestion& m) {
  auto question = store_.vote(m.question_id(), who.id, now_ms());
  if (!question) return error(rid, question.error());
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_question(), *question);
  return out;
}

v1::Envelope ProgrammeService::mark_answered(const Identity& who, std::uint32_t rid,
                                             const v1::MarkAnswered& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto question = store_.mark_answered(m.question_id(), m.answered());
  if (!question) return error(rid, question.error());
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_question(), *question);
  return out;
}

// The ranking is computed over the whole session (bounded by --max-questions-per-session) and
// answered a page at a time.
v1::Envelope ProgrammeService::list_questions(const Identity& who, std::uint32_t rid,
                                              const v1::ListQuestions& m) {
  auto questions = store_.questions(m.talk_id(), who.id);
  if (!questions) return error(rid, questions.error());
  Envelope out;
  out.set_request_id(rid);
  auto* list = out.mutable_question_list();
  list->set_talk_id(m.talk_id());
  list->set_total(static_cast<std::uint32_t>(questions->size()));
  list->set_next_offset(
      fill_page(*questions, m.offset(), m.limit(), *list->mutable_questions(),
                [](v1::QuestionInfo& info, const Question& q) { net::fill(info, q); }));
  return out;
}

v1::Envelope ProgrammeService::remove_question(const Identity& who, std::uint32_t rid,
                                               const v1::RemoveQuestion& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  if (auto removed = store_.remove_question(m.talk_id(), m.question_id()); !removed) {
    return error(rid, removed.error());
  }
  return proto::make_ack(rid);
}

v1::Envelope ProgrammeService::book_seat(const Identity& who, std::uint32_t rid, TalkId id) {
  auto seat = store_.book_seat(id, who.id, now_ms());
  if (!seat) return error(rid, seat.error());
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_seat_booking(), id, *seat);
  return out;
}

v1::Envelope ProgrammeService::cancel_seat(const Identity& who, std::uint32_t rid, TalkId id) {
  auto promoted = store_.cancel_seat(id, who.id);
  if (!promoted) return error(rid, promoted.error());
  if (*promoted != 0) {
    // Tell the person who moved up, if they are online.
    if (auto entry = hub_.directory().find(*promoted)) {
      Envelope push;
      net::fill(*push.mutable_seat_booking(), id, SeatBooking{*promoted, SeatStatus::confirmed, 0});
      entry->link->deliver(encode_shared(push));
    }
  }
  Envelope out;
  out.set_request_id(rid);
  net::fill(*out.mutable_seat_booking(), id, SeatBooking{who.id, SeatStatus::none, 0});
  return out;
}

v1::Envelope ProgrammeService::post_notes(const Identity& who, std::uint32_t rid,
                                          const v1::PostNotes& m) {
  if (auto host = check_host(who.role); !host) return error(rid, host.error());
  auto talk = store_.set_notes(m.talk_id(), m.notes());
  if (!talk) return error(rid, talk.error());
  return talk_reply(rid, who, *talk);
}

// --- hands and the stage ------------------------------------------------------------------------

v1::Envelope ProgrammeService::hand_queue(TalkId id) {
  Envelope out;
  auto* queue = out.mutable_hand_queue();
  queue->set_talk_id(id);
  if (auto it = hands_.find(id); it != hands_.end()) {
    for (const auto& hand : it->second.hands()) {
      auto* entry = queue->add_hands();
      entry->set_user_id(hand.user);
      entry->set_display_name(hand.name);
    }
  }
  return out;
}

void ProgrammeService::broadcast_hands(const Talk& talk) {
  Envelope push;
  {
    std::lock_guard lock(hands_mutex_);
    push = hand_queue(talk.id);
  }
  if (auto room = hub_.room(talk.room)) room->broadcast(encode_shared(push));
}

v1::Envelope ProgrammeService::raise_hand(const Identity& who, std::uint32_t rid,
                                          const v1::RaiseHand& m) {
  auto talk = store_.find_talk(m.talk_id());
  if (!talk) return error(rid, talk.error());
  if (m.raised()) {
    if (phase_at(*talk, now_ms()) != TalkPhase::live) {
      return error(rid, {Errc::session_over, "hands go up while the session is on"});
    }
    auto here = hub_.directory().find(who.id);
    if (!here || here->room != talk->room) {
      return error(rid, {Errc::forbidden, "come to " + talk->room + " to raise your hand"});
    }
  }
  {
    std::lock_guard lock(hands_mutex_);
    auto& queue = hands_[talk->id];
    if (m.raised()) {
      queue.raise(who.id, who.name);
    } else {
      queue.lower(who.id);
    }
  }
  broadcast_hands(*talk);
  return proto::make_ack(rid);
}

void ProgrammeService::next_hand(const Identity& who, const Link& link, std::uint32_t rid,
                                 TalkId id) {
  auto reply_error = [&](const Error& e) { link->deliver(encode_shared(error(rid, e))); };
  if (auto host = check_host(who.role); !host) return reply_error(host.error());
  auto talk = store_.find_talk(id);
  if (!talk) return reply_error(talk.error());
  Result<RaisedHand> next = Error{Errc::hand_queue_empty, "no hands are raised"};
  {
    std::lock_guard lock(hands_mutex_);
    if (auto it = hands_.find(id); it != hands_.end()) next = it->second.next();
  }
  if (!next) return reply_error(next.error());
  broadcast_hands(*talk);
  give_stage(who, link, rid, id, next->user, next->name);
}

void ProgrammeService::give_stage(const Identity& who, const Link& link, std::uint32_t rid,
                                  TalkId id, store::UserId speaker, std::string speaker_name) {
  auto reply_error = [&](const Error& e) { link->deliver(encode_shared(error(rid, e))); };
  if (auto host = check_host(who.role); !host) return reply_error(host.error());
  auto talk = store_.find_talk(id);
  if (!talk) return reply_error(talk.error());
  auto room = hub_.room(talk->room);
  if (!room) return reply_error({Errc::no_such_room, "the session's room is gone"});
  // The move happens on the room's strand; the answer and the announcement follow from there.
  room->place_on_stage(
      speaker, [room, link, rid, id, speaker, name = std::move(speaker_name)](Status placed) {
        if (!placed) {
          link->deliver(encode_shared(net::error_envelope(rid, placed.error())));
          return;
        }
        v1::Envelope push;
        auto* given = push.mutable_stage_given();
        given->set_talk_id(id);
        given->set_user_id(speaker);
        given->set_display_name(name);
        room->broadcast(encode_shared(push));
        link->deliver(encode_shared(proto::make_ack(rid)));
      });
}

}  // namespace moim::app
