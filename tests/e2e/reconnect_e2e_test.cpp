// A dropped connection: others keep seeing the avatar where it stood, dimmed, until the person
// resumes (normal again, same tile, never removed) or the grace period ends (removed). Someone
// who says goodbye (WebSocket 1001) is removed at once.
#include <boost/asio/connect.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include "moim/proto/envelope.hpp"
#include "raw_clients.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

// Joins over a bare WebSocket, then loses its TCP connection without a goodbye, as a phone on a
// Wi-Fi blip does.
class DroppingClient {
 public:
  DroppingClient(std::uint16_t port, const std::string& name) : ws_(io_) {
    namespace asio = boost::asio;
    boost::beast::get_lowest_layer(ws_).connect({asio::ip::make_address("127.0.0.1"), port});
    ws_.handshake("127.0.0.1", "/ws");
    send_hello_and_join(ws_, name);
    for (int i = 0; i < 20 && joined_.user_id() == 0; ++i) {
      boost::beast::flat_buffer buffer;
      ws_.read(buffer);
      const auto data = buffer.cdata();
      auto decoded = proto::decode_envelope({static_cast<const char*>(data.data()), data.size()});
      if (auto* e = std::get_if<v1::Envelope>(&decoded); e && e->has_joined())
        joined_ = e->joined();
    }
  }
  const v1::Joined& joined() const { return joined_; }
  void drop() { boost::beast::get_lowest_layer(ws_).socket().close(); }

 private:
  boost::asio::io_context io_;
  RawWebSocket ws_;
  v1::Joined joined_;
};

// What a frame says about one person.
struct Seen {
  bool upserted = false;
  bool removed = false;
  v1::Avatar avatar;
};

Seen seen_in(const v1::Envelope& e, std::uint64_t id) {
  Seen seen;
  if (!e.has_frame()) return seen;
  for (const auto& a : e.frame().upserts()) {
    if (a.user_id() == id) {
      seen.upserted = true;
      seen.avatar = a;
    }
  }
  for (auto gone : e.frame().removed()) seen.removed = seen.removed || gone == id;
  return seen;
}

std::optional<v1::Envelope> resume(SyncClient& c, const std::string& token) {
  v1::Envelope hello;
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  if (!c.request(hello)) return std::nullopt;
  v1::Envelope back;
  back.mutable_resume()->set_resume_token(token);
  return c.request(back);
}

TEST(ReconnectE2E, ADroppedAvatarStaysDimmedAndComesBackInPlaceWithoutARemoval) {
  TestServer server;
  DroppingClient a(server.port(), "와이파이");
  const auto& joined = a.joined();
  ASSERT_NE(joined.user_id(), 0u);
  const auto a_id = joined.user_id();
  v1::Joined jb;
  auto b = server.join("지켜보는이", "", &jb);
  bool saw_a = false;
  for (const auto& other : jb.room().avatars()) saw_a = saw_a || other.user_id() == a_id;
  ASSERT_TRUE(saw_a) << "B must see A for this test";

  a.drop();
  bool removed = false;
  auto dimmed = b->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, a_id);
    removed = removed || s.removed;
    return s.upserted && s.avatar.reconnecting();
  });
  ASSERT_TRUE(dimmed) << "B never saw A marked reconnecting";
  EXPECT_FALSE(removed);
  const auto& held = seen_in(*dimmed, a_id).avatar;
  EXPECT_EQ(held.x(), joined.room().you().x());
  EXPECT_EQ(held.y(), joined.room().you().y());

  // While away: not in the online list, and a direct message says they are unavailable.
  v1::Envelope list;
  list.mutable_list_online();
  auto online = b->request(list);
  ASSERT_TRUE(online && online->has_online_list());
  for (const auto& entry : online->online_list().entries()) EXPECT_NE(entry.user_id(), a_id);
  auto direct = b->request(chat(v1::CHAT_SCOPE_DIRECT, "괜찮아요?", a_id));
  ASSERT_TRUE(direct && direct->has_error());
  EXPECT_EQ(direct->error().code(), v1::ERROR_CODE_RECIPIENT_UNAVAILABLE);

  auto again = server.connect();
  auto back = resume(*again, joined.resume_token());
  ASSERT_TRUE(back && back->has_joined()) << (back ? back->DebugString() : "timeout");
  EXPECT_EQ(back->joined().user_id(), a_id);
  EXPECT_EQ(back->joined().room().you().x(), held.x());
  EXPECT_FALSE(back->joined().room().you().reconnecting());
  auto normal = b->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, a_id);
    removed = removed || s.removed;
    return s.upserted && !s.avatar.reconnecting();
  });
  ASSERT_TRUE(normal) << "B never saw A back";
  EXPECT_FALSE(removed) << "A was removed and added again";
  EXPECT_EQ(seen_in(*normal, a_id).avatar.x(), held.x());
  EXPECT_EQ(seen_in(*normal, a_id).avatar.y(), held.y());
  // And A hears the room again.
  ASSERT_TRUE(b->request(chat(v1::CHAT_SCOPE_ROOM, "돌아왔네요"))->has_ack());
  EXPECT_TRUE(again->wait_for(chat_with("돌아왔네요")));
}

TEST(ReconnectE2E, WhenTheGracePeriodEndsTheHeldAvatarIsRemoved) {
  TestServer server([](ServerConfig& c) { c.resume_grace = std::chrono::seconds(1); });
  DroppingClient a(server.port(), "잠깐만");
  const auto a_id = a.joined().user_id();
  ASSERT_NE(a_id, 0u);
  auto b = server.join("기다리는이");
  a.drop();
  auto dimmed = b->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, a_id);
    return s.upserted && s.avatar.reconnecting();
  });
  ASSERT_TRUE(dimmed);
  const auto dimmed_at = std::chrono::steady_clock::now();
  auto gone = b->wait_for([&](const v1::Envelope& e) { return seen_in(e, a_id).removed; }, 5s);
  ASSERT_TRUE(gone) << "the held avatar was never removed";
  EXPECT_GE(std::chrono::steady_clock::now() - dimmed_at, 500ms);  // not at once: after the grace
  auto late = server.connect();
  auto refused = resume(*late, a.joined().resume_token());
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_RESUME_EXPIRED);
}

// Quitting is not a drop: a client that closes with 1001 (going away), as the desktop client
// does when the person leaves, is gone for everyone at once and cannot resume.
TEST(ReconnectE2E, AClientThatSaysGoodbyeIsRemovedAtOnceAndCannotResume) {
  TestServer server;
  v1::Joined ja;
  auto a = server.join("떠나는이", "", &ja);
  auto b = server.join("남는이");
  a->leave("bye");
  bool dimmed = false;
  auto gone = b->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, ja.user_id());
    dimmed = dimmed || (s.upserted && s.avatar.reconnecting());
    return s.removed;
  });
  ASSERT_TRUE(gone) << "the avatar of someone who left stayed";
  EXPECT_FALSE(dimmed) << "someone who left was shown as reconnecting";
  auto late = server.connect();
  auto refused = resume(*late, ja.resume_token());
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_RESUME_EXPIRED);
}

TEST(ReconnectE2E, JoiningAfreshWhileAwayReplacesTheHeldAvatar) {
  TestServer server([](ServerConfig& c) { c.dev = false; });
  const auto code = random_invite_code().value();
  ASSERT_TRUE(server.server().store().create_invite(code, store::Role::attendee, 0, "t"));
  auto watcher = server.connect();
  ASSERT_TRUE(watcher->hello_and_join("보는이", code)->has_joined());
  auto first = server.connect();
  auto joined = first->hello_and_join("돌아올사람", code);
  ASSERT_TRUE(joined && joined->has_joined());
  const auto id = joined->joined().user_id();
  first->close();  // away, held
  ASSERT_TRUE(watcher->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, id);
    return s.upserted && s.avatar.reconnecting();
  }));
  // The same device joins again instead of resuming (its token was lost): the same person, in
  // the room once, normal; the old token is spent.
  auto second = server.connect();
  second->set_device_key(first->device_key());
  auto rejoined = second->hello_and_join("돌아올사람", code);
  ASSERT_TRUE(rejoined && rejoined->has_joined()) << rejoined->DebugString();
  EXPECT_EQ(rejoined->joined().user_id(), id);
  ASSERT_TRUE(watcher->wait_for([&](const v1::Envelope& e) {
    const Seen s = seen_in(e, id);
    return s.upserted && !s.avatar.reconnecting();
  }));
  auto stale = server.connect();
  auto refused = resume(*stale, joined->joined().resume_token());
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_RESUME_EXPIRED);
}

}  // namespace
}  // namespace moim::e2e
