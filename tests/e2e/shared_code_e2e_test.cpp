// A shared invite code: each device is its own person, whatever name it types.
#include <set>

#include "core/secret_hash.hpp"
#include "test_server.hpp"

namespace moim::e2e {
namespace {

class SharedCodeE2E : public ::testing::Test {
 protected:
  TestServer server_{[](ServerConfig& c) { c.dev = false; }};
  std::string code_ = make_code(store::Role::attendee);

  std::string make_code(store::Role role) {
    auto code = random_invite_code().value();
    EXPECT_TRUE(server_.server().store().create_invite(code, role, 0, "shared"));
    return code;
  }
  // Joins with the shared code from `device` (a fresh device when empty).
  std::unique_ptr<SyncClient> join(const std::string& name, v1::Joined* joined,
                                   const std::string& device = "") {
    auto c = server_.connect();
    if (!device.empty()) c->set_device_key(device);
    auto reply = c->hello_and_join(name, code_);
    EXPECT_TRUE(reply && reply->has_joined()) << (reply ? reply->DebugString() : "timeout");
    if (reply && reply->has_joined()) *joined = reply->joined();
    return c;
  }
};

TEST_F(SharedCodeE2E, TwoDevicesWithOneNameAreTwoPeopleAndTheSecondIsMarked) {
  v1::Joined ja, jb;
  auto a = join("김민지", &ja);
  auto b = join("김민지", &jb);
  EXPECT_NE(ja.user_id(), jb.user_id());
  EXPECT_EQ(ja.room().you().display_name(), "김민지");
  EXPECT_EQ(jb.room().you().display_name(), "김민지 (2)");
  // The first is not signed out; both are in the room, each as themselves.
  EXPECT_FALSE(a->wait_closed(300ms));
  auto said = a->request(chat(v1::CHAT_SCOPE_ROOM, "저 아직 있어요"));
  ASSERT_TRUE(said && said->has_ack()) << (said ? said->DebugString() : "timeout");
  auto heard = b->wait_for(chat_with("저 아직 있어요"));
  ASSERT_TRUE(heard);
  EXPECT_EQ(heard->chat().from_user(), ja.user_id());
  EXPECT_EQ(heard->chat().from_name(), "김민지");
  v1::Envelope list;
  list.mutable_list_online();
  auto online = b->request(list);
  ASSERT_TRUE(online && online->has_online_list());
  std::set<std::string> names;
  for (const auto& e : online->online_list().entries()) names.insert(e.display_name());
  EXPECT_EQ(names, (std::set<std::string>{"김민지", "김민지 (2)"}));
}

TEST_F(SharedCodeE2E, TheSameDeviceComesBackAsTheSamePersonUnderAnotherName) {
  v1::Joined first, again;
  auto a = join("김민지", &first);
  const std::string device = a->device_key();
  a->close();
  auto back = join("민지", &again, device);
  EXPECT_EQ(again.user_id(), first.user_id());
  EXPECT_EQ(again.room().you().display_name(), "민지");
  // Its old name is free for someone else, unmarked.
  v1::Joined other;
  auto c = join("김민지", &other);
  EXPECT_NE(other.user_id(), first.user_id());
  EXPECT_EQ(other.room().you().display_name(), "김민지");
}

TEST_F(SharedCodeE2E, ABanHoldsAcrossANameChange) {
  const auto host_code = make_code(store::Role::host);
  auto host = server_.connect();
  ASSERT_TRUE(host->hello_and_join("호스트", host_code)->has_joined());
  v1::Joined jt;
  auto troll = join("말썽꾼", &jt);
  const std::string device = troll->device_key();
  v1::Envelope ban;
  ban.mutable_moderate()->set_action(v1::MODERATION_ACTION_BAN);
  ban.mutable_moderate()->set_user_id(jt.user_id());
  ASSERT_TRUE(host->request(ban)->has_ack());
  ASSERT_TRUE(troll->wait_closed(3s));

  auto disguised = server_.connect();
  disguised->set_device_key(device);
  auto refused = disguised->hello_and_join("착한사람", code_);
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_BANNED);
  // Someone else's device typing the banned person's name is not banned: a different person.
  v1::Joined namesake;
  auto other = join("말썽꾼", &namesake);
  EXPECT_NE(namesake.user_id(), jt.user_id());
  EXPECT_EQ(namesake.room().you().display_name(), "말썽꾼 (2)");
}

TEST_F(SharedCodeE2E, AJoinWithoutADeviceKeyIsRefusedWithAClearError) {
  auto c = server_.connect();
  c->set_device_key("");
  auto refused = c->hello_and_join("김민지", code_);
  ASSERT_TRUE(refused && refused->has_error());
  EXPECT_EQ(refused->error().code(), v1::ERROR_CODE_BAD_REQUEST);
  EXPECT_NE(refused->error().message().find("device_key"), std::string::npos)
      << refused->error().message();
  // A single-use code still needs none: the code and the name are the person.
  const auto single = random_invite_code().value();
  ASSERT_TRUE(server_.server().store().create_invite(single, store::Role::attendee, 1, ""));
  auto first = server_.connect();
  first->set_device_key("");
  auto joined = first->hello_and_join("이서연", single);
  ASSERT_TRUE(joined && joined->has_joined()) << joined->DebugString();
  first->close();
  auto again = server_.connect();  // another device, same code and name
  auto back = again->hello_and_join("이서연", single);
  ASSERT_TRUE(back && back->has_joined()) << back->DebugString();
  EXPECT_EQ(back->joined().user_id(), joined->joined().user_id());
}

}  // namespace
}  // namespace moim::e2e
