// Joining, coming back, moderation and presence, end to end.
#include "core/secret_hash.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

std::string make_invite(TestServer& server, store::Role role) {
  const auto code = random_invite_code().value();
  auto created = server.server().store().create_invite(code, role, 0, "test");
  EXPECT_TRUE(created.has_value());
  return code;
}

v1::Envelope moderate(v1::ModerationAction action, std::uint64_t user, std::string reason = {}) {
  v1::Envelope e;
  e.mutable_moderate()->set_action(action);
  e.mutable_moderate()->set_user_id(user);
  e.mutable_moderate()->set_reason(std::move(reason));
  return e;
}

TEST(SessionE2E, WithoutDevModeAnInviteIsRequiredAndCarriesItsRole) {
  TestServer server([](ServerConfig& c) { c.dev = false; });
  auto guest = server.connect();
  auto refused = guest->hello_and_join("손님");
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_INVALID_INVITE);
  auto wrong = server.connect()->hello_and_join("손님", "MOIM-NOPE-NOPE-NOPE");
  ASSERT_TRUE(wrong && wrong->has_error());
  EXPECT_EQ(wrong->error().code(), v1::ERROR_CODE_INVALID_INVITE);

  const auto code = make_invite(server, store::Role::host);
  auto host = server.connect();
  auto joined = host->hello_and_join("진행자", code);
  ASSERT_TRUE(joined && joined->has_joined());
  EXPECT_EQ(joined->joined().role(), v1::ROLE_HOST);
  EXPECT_FALSE(joined->joined().resume_token().empty());
}

TEST(SessionE2E, ResumeBringsYouBackToTheSamePlace) {
  TestServer server;
  const auto& lobby = shipped_map("lobby");
  v1::Joined first;
  auto a = server.join("돌아올게요", "", &first);
  const auto spot = far_tile(lobby, position(first), 3);
  walk(*a, lobby, position(first), spot);
  a.reset();  // the connection drops

  auto again = server.connect();
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  ASSERT_TRUE(again->request(hello));
  v1::Envelope resume;
  resume.mutable_resume()->set_resume_token(first.resume_token());
  auto back = again->request(resume);
  ASSERT_TRUE(back && back->has_joined()) << (back ? back->DebugString() : "timeout");
  EXPECT_EQ(back->joined().user_id(), first.user_id());
  EXPECT_EQ(back->joined().room().room(), "lobby");
  EXPECT_EQ(back->joined().room().you().x(), spot.x);
  EXPECT_EQ(back->joined().room().you().y(), spot.y);
  EXPECT_NE(back->joined().resume_token(), first.resume_token());

  // A token works once.
  auto thief = server.connect();
  ASSERT_TRUE(thief->request(hello));
  auto stolen = thief->request(resume);
  ASSERT_TRUE(stolen && stolen->has_error());
  EXPECT_EQ(stolen->error().code(), v1::ERROR_CODE_RESUME_EXPIRED);
}

TEST(SessionE2E, AFullRoomSaysSo) {
  TestServer server([](ServerConfig& c) { c.room.capacity = 2; });
  auto a = server.join("하나");
  auto b = server.join("둘");
  auto c = server.connect();
  auto refused = c->hello_and_join("셋");
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_ROOM_FULL);
  // Still connected, and can pick another room.
  v1::Envelope join;
  join.mutable_join()->set_display_name("셋");
  join.mutable_join()->set_room("hall");
  auto hall = c->request(join);
  ASSERT_TRUE(hall && hall->has_joined()) << (hall ? hall->DebugString() : "timeout");
}

TEST(SessionE2E, HostsKickMuteAndBanAndTheBanOutlivesARestart) {
  TestServer server([](ServerConfig& c) { c.dev = false; });
  const auto host_code = make_invite(server, store::Role::host);
  const auto guest_code = make_invite(server, store::Role::attendee);
  auto host = server.connect();
  ASSERT_TRUE(host->hello_and_join("호스트", host_code));
  auto guest = server.connect();
  auto joined = guest->hello_and_join("말썽꾼", guest_code);
  ASSERT_TRUE(joined && joined->has_joined());
  const auto guest_id = joined->joined().user_id();

  // Attendees cannot moderate.
  auto denied = guest->request(moderate(v1::MODERATION_ACTION_KICK, 1));
  ASSERT_TRUE(denied && denied->has_error());
  EXPECT_EQ(denied->error().code(), v1::ERROR_CODE_FORBIDDEN);

  // Mute.
  auto muted = host->request(moderate(v1::MODERATION_ACTION_MUTE, guest_id));
  ASSERT_TRUE(muted && muted->has_ack());
  auto silent = guest->request(chat(v1::CHAT_SCOPE_ROOM, "들리나요"));
  ASSERT_TRUE(silent && silent->has_error());
  EXPECT_EQ(silent->error().code(), v1::ERROR_CODE_MUTED);
  ASSERT_TRUE(host->request(moderate(v1::MODERATION_ACTION_UNMUTE, guest_id)));
  auto spoken = guest->request(chat(v1::CHAT_SCOPE_ROOM, "이제 들리나요"));
  ASSERT_TRUE(spoken && spoken->has_ack());

  // Kick: closed with a reason, may come back.
  ASSERT_TRUE(host->request(moderate(v1::MODERATION_ACTION_KICK, guest_id, "쉬세요")));
  ASSERT_TRUE(guest->wait_closed(3s));
  EXPECT_EQ(guest->close_info()->code, 4001);
  EXPECT_NE(guest->close_info()->reason.find("쉬세요"), std::string::npos);
  // The code is shared, so the guest is their device: they come back from the same one.
  const std::string device = guest->device_key();
  guest = server.connect();
  guest->set_device_key(device);
  ASSERT_TRUE(guest->hello_and_join("말썽꾼", guest_code)->has_joined());

  // Ban: closed, and refused again even after a restart.
  ASSERT_TRUE(host->request(moderate(v1::MODERATION_ACTION_BAN, guest_id)));
  ASSERT_TRUE(guest->wait_closed(3s));
  EXPECT_EQ(guest->close_info()->code, 4002);
  host.reset();
  server.restart();
  guest = server.connect();
  guest->set_device_key(device);
  auto banned = guest->hello_and_join("말썽꾼", guest_code);
  ASSERT_TRUE(banned && banned->has_error());
  EXPECT_EQ(banned->error().code(), v1::ERROR_CODE_BANNED);
}

TEST(SessionE2E, OnlineListLocateDirectChatAndStatus) {
  TestServer server;
  v1::Joined ja, jb;
  auto a = server.join("가", "", &ja);
  auto b = server.join("나", "hall", &jb);

  v1::Envelope list;
  list.mutable_list_online();
  auto online = a->request(list);
  ASSERT_TRUE(online && online->has_online_list());
  EXPECT_EQ(online->online_list().entries_size(), 2);

  v1::Envelope locate;
  locate.mutable_locate()->set_user_id(jb.user_id());
  auto where = a->request(locate);
  ASSERT_TRUE(where && where->has_location()) << (where ? where->DebugString() : "timeout");
  EXPECT_EQ(where->location().room(), "hall");
  EXPECT_EQ(where->location().x(), jb.room().you().x());

  auto sent = a->request(chat(v1::CHAT_SCOPE_DIRECT, "귓속말", jb.user_id()));
  ASSERT_TRUE(sent && sent->has_ack()) << (sent ? sent->DebugString() : "timeout");
  auto heard = b->wait_for(chat_with("귓속말"));
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->chat().scope(), v1::CHAT_SCOPE_DIRECT);

  v1::Envelope dnd;
  dnd.mutable_set_status()->set_status(v1::STATUS_DO_NOT_DISTURB);
  ASSERT_TRUE(b->request(dnd)->has_ack());
  auto refused = a->request(chat(v1::CHAT_SCOPE_DIRECT, "바쁘세요?", jb.user_id()));
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_RECIPIENT_UNAVAILABLE);
}

TEST(SessionE2E, SigningInTwiceReplacesTheOlderConnection) {
  TestServer server([](ServerConfig& c) { c.dev = false; });
  const auto code = make_invite(server, store::Role::attendee);
  auto first = server.connect();
  ASSERT_TRUE(first->hello_and_join("나야", code)->has_joined());
  auto second = server.connect();
  second->set_device_key(first->device_key());  // the same person: the same device
  ASSERT_TRUE(second->hello_and_join("나야", code)->has_joined());
  ASSERT_TRUE(first->wait_closed(3s));
  EXPECT_EQ(first->close_info()->code, 4003);
  // The newer connection is the one in the room.
  ASSERT_TRUE(second->request(chat(v1::CHAT_SCOPE_ROOM, "still here"))->has_ack());
}

TEST(SessionE2E, ShutdownClosesEveryoneWithAReason) {
  TestServer server;
  auto a = server.join("마지막");
  server.server().stop();
  ASSERT_TRUE(a->wait_closed(3s));
  EXPECT_EQ(a->close_info()->code, 1001);
  EXPECT_EQ(a->close_info()->reason, "server shutting down");
  server.server().wait();
  server.start();
}

}  // namespace
}  // namespace moim::e2e
