// Writes the seed corpora: one valid message of each kind a client sends (envelope target) and
// short conversations of them from up to four connections (dispatch target).
//   make_seeds <envelope corpus dir> <dispatch corpus dir>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "dispatch_world.hpp"
#include "moim/proto/envelope.hpp"

namespace {

using namespace moim;

std::string hello() {
  v1::Envelope e;
  e.set_request_id(1);
  e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  e.mutable_hello()->set_client("moim-fuzz-seed");
  return proto::encode(e);
}

std::string join(const std::string& name, std::string_view invite = "",
                 const std::string& room = "") {
  v1::Envelope e;
  e.set_request_id(2);
  e.mutable_join()->set_display_name(name);
  e.mutable_join()->set_invite_code(std::string(invite));
  // The seed world's invites are shared codes, which take a device key: one per name, so the
  // same name is the same device (and the second join below replaces the first).
  e.mutable_join()->set_device_key("fuzz-device-" + name);
  e.mutable_join()->set_room(room);
  return proto::encode(e);
}

std::string move(int x, int y, std::uint32_t seq) {
  v1::Envelope e;
  e.mutable_move()->set_x(x);
  e.mutable_move()->set_y(y);
  e.mutable_move()->set_facing(v1::DIRECTION_RIGHT);
  e.mutable_move()->set_seq(seq);
  return proto::encode(e);
}

std::string chat(v1::ChatScope scope, const std::string& text, std::uint64_t to = 0) {
  v1::Envelope e;
  e.set_request_id(7);
  e.mutable_send_chat()->set_scope(scope);
  e.mutable_send_chat()->set_text(text);
  e.mutable_send_chat()->set_to_user(to);
  return proto::encode(e);
}

std::string status(v1::Status s) {
  v1::Envelope e;
  e.set_request_id(8);
  e.mutable_set_status()->set_status(s);
  return proto::encode(e);
}

std::string simple(int kind) {
  v1::Envelope e;
  e.set_request_id(9);
  switch (kind) {
    case 0:
      e.mutable_ping()->set_client_time_us(123456);
      break;
    case 1:
      e.mutable_list_online();
      break;
    case 2:
      e.mutable_locate()->set_user_id(1);
      break;
    default:
      e.mutable_resume()->set_resume_token("not-a-token");
      break;
  }
  return proto::encode(e);
}

std::string moderate(v1::ModerationAction action, std::uint64_t user, std::uint32_t seconds) {
  v1::Envelope e;
  e.set_request_id(10);
  e.mutable_moderate()->set_action(action);
  e.mutable_moderate()->set_user_id(user);
  e.mutable_moderate()->set_duration_s(seconds);
  e.mutable_moderate()->set_reason("fuzz");
  return proto::encode(e);
}

void write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds <envelope corpus dir> <dispatch corpus dir>\n";
    return 2;
  }
  const std::filesystem::path envelopes = argv[1], dispatch = argv[2];
  std::filesystem::create_directories(envelopes);
  std::filesystem::create_directories(dispatch);

  const std::vector<std::pair<std::string, std::string>> singles = {
      {"hello", hello()},
      {"join", join("김민지", fuzz::kAttendeeInvite)},
      {"move", move(5, 6, 3)},
      {"chat-room", chat(v1::CHAT_SCOPE_ROOM, "안녕하세요")},
      {"chat-nearby", chat(v1::CHAT_SCOPE_NEARBY, "hi")},
      {"chat-direct", chat(v1::CHAT_SCOPE_DIRECT, "psst", 2)},
      {"status", status(v1::STATUS_BUSY)},
      {"ping", simple(0)},
      {"list-online", simple(1)},
      {"locate", simple(2)},
      {"resume", simple(3)},
      {"moderate", moderate(v1::MODERATION_ACTION_MUTE, 2, 60)},
  };
  for (const auto& [name, bytes] : singles) write(envelopes, name, bytes);

  using fuzz::add_drop;
  using fuzz::add_message;
  // One person: hello, join, a few steps, every kind of request.
  std::string walk;
  add_message(walk, 0, hello());
  add_message(walk, 0, join("걷는이"));
  for (int i = 0; i < 4; ++i) add_message(walk, 0, move(10 + i, 10, static_cast<std::uint32_t>(i)));
  add_message(walk, 0, chat(v1::CHAT_SCOPE_ROOM, "room chat"));
  add_message(walk, 0, chat(v1::CHAT_SCOPE_NEARBY, "nearby chat"));
  add_message(walk, 0, status(v1::STATUS_DO_NOT_DISTURB));
  for (int k = 0; k < 3; ++k) add_message(walk, 0, simple(k));
  write(dispatch, "walk", walk);

  // A host and two attendees: direct chat, then mute, kick and ban (user ids are 1, 2, 3).
  std::string hosted;
  add_message(hosted, 0, hello());
  add_message(hosted, 0, join("호스트", fuzz::kHostInvite));
  add_message(hosted, 1, hello());
  add_message(hosted, 1, join("참가자", fuzz::kAttendeeInvite));
  add_message(hosted, 2, hello());
  add_message(hosted, 2, join("손님", "", "hall"));
  add_message(hosted, 1, chat(v1::CHAT_SCOPE_DIRECT, "안녕", 1));
  add_message(hosted, 0, moderate(v1::MODERATION_ACTION_MUTE, 2, 30));
  add_message(hosted, 1, chat(v1::CHAT_SCOPE_ROOM, "muted?"));
  add_message(hosted, 0, moderate(v1::MODERATION_ACTION_UNMUTE, 2, 0));
  add_message(hosted, 0, moderate(v1::MODERATION_ACTION_KICK, 3, 0));
  add_message(hosted, 0, moderate(v1::MODERATION_ACTION_BAN, 2, 0));
  add_message(hosted, 1, moderate(v1::MODERATION_ACTION_BAN, 1, 0));
  write(dispatch, "hosted", hosted);

  // The same person twice (the second replaces the first), drops and rejoins.
  std::string replaced;
  add_message(replaced, 0, hello());
  add_message(replaced, 0, join("같은이", fuzz::kAttendeeInvite));
  add_message(replaced, 1, hello());
  add_message(replaced, 1, join("같은이", fuzz::kAttendeeInvite, "study-room"));
  add_drop(replaced, 1);
  add_message(replaced, 1, hello());
  add_message(replaced, 1, simple(3));
  add_message(replaced, 1, join("같은이", fuzz::kAttendeeInvite));
  add_message(replaced, 0, chat(v1::CHAT_SCOPE_ROOM, "still here?"));
  write(dispatch, "replaced", replaced);

  // Everyone into each room.
  const char* rooms[] = {"lobby", "study-room", "hall", "graduation-1f", "graduation-2f", "bigmap"};
  int i = 0;
  for (const char* room : rooms) {
    std::string visit;
    add_message(visit, 0, hello());
    add_message(visit, 0, join("방문자" + std::to_string(i), "", room));
    add_message(visit, 0, chat(v1::CHAT_SCOPE_ROOM, room));
    write(dispatch, std::string("visit-") + room, visit);
    ++i;
  }
  return 0;
}
