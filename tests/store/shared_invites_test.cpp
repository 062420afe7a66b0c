// Shared invite codes: the device, not the name, is the person.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/secret_hash.hpp"
#include "store/name_marks.hpp"
#include "store/sqlite_store.hpp"
#include "temp_db.hpp"

namespace moim::store {
namespace {

using testing::raw_value;
using testing::TempDir;

constexpr std::string_view shared = "MOIM-OPEN-DAY0-CODE";
constexpr std::string_view phone = "device-key-of-minji-phone-1";
constexpr std::string_view laptop = "device-key-of-other-laptop-2";
constexpr std::string_view tablet = "device-key-of-third-tablet-3";

class SharedInvites : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_->create_invite(shared, Role::attendee, 0, "open day").has_value());
  }
  User redeem(std::string_view name, std::string_view device) {
    auto user = store_->redeem_invite(shared, name, device);
    if (!user) {
      ADD_FAILURE() << name << ": " << user.error().message;
      return User{};
    }
    return *user;
  }
  std::string stored_name(UserId id) {
    auto found = store_->find_user(id);
    return found && *found ? (*found)->display_name : std::string{};
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_.file("moim.db");
  std::unique_ptr<Store> store_ = open_sqlite_store(file_);
};

TEST_F(SharedInvites, WithoutADeviceKeyTheJoinIsRefusedAndSaysWhy) {
  auto refused = store_->redeem_invite(shared, "김민지", "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, Errc::bad_request);
  EXPECT_NE(refused.error().message.find("device_key"), std::string::npos);
  auto short_key = store_->redeem_invite(shared, "김민지", "too-short");
  ASSERT_FALSE(short_key.has_value());
  EXPECT_EQ(short_key.error().code, Errc::bad_request);
  auto long_key = store_->redeem_invite(shared, "김민지", std::string(kMaxDeviceKeyBytes + 1, 'k'));
  ASSERT_FALSE(long_key.has_value());
  EXPECT_EQ(long_key.error().code, Errc::bad_request);
  EXPECT_EQ(raw_value(file_, "SELECT count(*) FROM users"), "0");
  EXPECT_EQ(raw_value(file_, "SELECT uses FROM invites"), "0");
}

TEST_F(SharedInvites, TwoDevicesWithOneNameAreTwoPeopleAndTheLaterIsMarked) {
  const User first = redeem("김민지", phone);
  const User second = redeem("김민지", laptop);
  const User third = redeem("김민지", tablet);
  EXPECT_NE(first.id, second.id);
  EXPECT_NE(second.id, third.id);
  EXPECT_EQ(first.display_name, "김민지");
  EXPECT_EQ(second.display_name, "김민지 (2)");
  EXPECT_EQ(third.display_name, "김민지 (3)");
  EXPECT_EQ(stored_name(second.id), "김민지 (2)");
  EXPECT_EQ(raw_value(file_, "SELECT uses FROM invites"), "3");
}

TEST_F(SharedInvites, TheSameDeviceComesBackAsTheSamePersonEvenUnderAnotherName) {
  const User first = redeem("김민지", phone);
  const User again = redeem("김민지", phone);
  EXPECT_EQ(again.id, first.id);
  const User renamed = redeem("민지", phone);
  EXPECT_EQ(renamed.id, first.id);
  EXPECT_EQ(renamed.display_name, "민지");
  EXPECT_EQ(stored_name(first.id), "민지");
  EXPECT_EQ(raw_value(file_, "SELECT uses FROM invites"), "1");
  // The old name is free again: someone else now gets it without a mark.
  EXPECT_EQ(redeem("김민지", laptop).display_name, "김민지");
}

TEST_F(SharedInvites, AMarkedPersonKeepsTheirMarkUntilTheNameIsFree) {
  const User first = redeem("김민지", phone);
  const User second = redeem("김민지", laptop);
  ASSERT_EQ(second.display_name, "김민지 (2)");
  EXPECT_EQ(redeem("김민지", laptop).display_name, "김민지 (2)");  // not "(3)" on every join
  EXPECT_EQ(redeem("Minji", phone).id, first.id);                  // the first one moves away
  const User back = redeem("김민지", laptop);
  EXPECT_EQ(back.id, second.id);
  EXPECT_EQ(back.display_name, "김민지");
}

TEST_F(SharedInvites, RenamingOntoATakenNameGivesAMark) {
  redeem("Ana", phone);
  const User bo = redeem("Bo", laptop);
  const User renamed = redeem("Ana", laptop);
  EXPECT_EQ(renamed.id, bo.id);
  EXPECT_EQ(renamed.display_name, "Ana (2)");
}

TEST_F(SharedInvites, ABanOnTheDevicesPersonHoldsAcrossANameChange) {
  const User troll = redeem("말썽꾼", phone);
  ASSERT_TRUE(store_->put_ban({troll.id, 0, "spam", 0}).has_value());
  const User renamed = redeem("착한사람", phone);
  EXPECT_EQ(renamed.id, troll.id);
  auto ban = store_->active_ban(renamed.id, 1);
  ASSERT_TRUE(ban.has_value());
  EXPECT_TRUE(ban->has_value());
  // The join will be refused, and it does not free the name they were banned under.
  EXPECT_EQ(renamed.display_name, "말썽꾼");
  EXPECT_EQ(stored_name(troll.id), "말썽꾼");
  EXPECT_EQ(redeem("말썽꾼", laptop).display_name, "말썽꾼 (2)");
}

TEST_F(SharedInvites, DeviceKeysAreStoredOnlyAsTheirHash) {
  const User user = redeem("Ana", phone);
  EXPECT_EQ(raw_value(file_, "SELECT device_hash FROM users WHERE id = " + std::to_string(user.id)),
            sha256_hex(phone));
  store_.reset();  // closing checkpoints the WAL into the main file
  std::ifstream in(file_, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(bytes.find(phone), std::string::npos);
}

TEST_F(SharedInvites, SomeoneFromBeforeDevicesIsClaimedByTheFirstDeviceBackWithTheirName) {
  // As a database upgraded from before devices were recorded holds them.
  const User old = redeem("이서연", phone);
  testing::raw_column(file_, "UPDATE users SET device_hash = NULL");
  const User claimed = redeem("이서연", laptop);
  EXPECT_EQ(claimed.id, old.id);
  EXPECT_EQ(raw_value(file_, "SELECT device_hash FROM users"), sha256_hex(laptop));
  const User other = redeem("이서연", phone);  // the name is claimed now
  EXPECT_NE(other.id, old.id);
  EXPECT_EQ(other.display_name, "이서연 (2)");
}

TEST_F(SharedInvites, ASingleUseCodeIsStillItsNameWhateverTheDevice) {
  ASSERT_TRUE(store_->create_invite("MOIM-ONE0-ONE0-ONE0", Role::attendee, 1, "").has_value());
  auto first = store_->redeem_invite("MOIM-ONE0-ONE0-ONE0", "Ana", phone);
  auto second = store_->redeem_invite("MOIM-ONE0-ONE0-ONE0", "Ana", laptop);
  auto none = store_->redeem_invite("MOIM-ONE0-ONE0-ONE0", "Ana", "");
  ASSERT_TRUE(first && second && none);
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(first->id, none->id);
  auto other = store_->redeem_invite("MOIM-ONE0-ONE0-ONE0", "Bo", phone);
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, Errc::invalid_invite);
}

TEST_F(SharedInvites, AUsedUpSharedCodeStillLetsItsDevicesBack) {
  ASSERT_TRUE(store_->create_invite("MOIM-TWO0-TWO0-TWO0", Role::attendee, 2, "").has_value());
  const auto code = "MOIM-TWO0-TWO0-TWO0";
  ASSERT_TRUE(store_->redeem_invite(code, "a", phone).has_value());
  ASSERT_TRUE(store_->redeem_invite(code, "b", laptop).has_value());
  auto third = store_->redeem_invite(code, "c", tablet);
  ASSERT_FALSE(third.has_value());
  EXPECT_EQ(third.error().code, Errc::invalid_invite);
  auto back = store_->redeem_invite(code, "a again", phone);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->display_name, "a again");
}

TEST(NameMarks, MarksStayWithinTheLimitAndCutAtCodePoints) {
  EXPECT_EQ(marked_name("김민지", 2, 32), "김민지 (2)");
  const std::string long_name(32, 'x');
  EXPECT_EQ(marked_name(long_name, 12, 32), std::string(27, 'x') + " (12)");
  // Ten Hangul syllables (three bytes each) in 10 code points: "가나다라마 (2)" fits in 9.
  EXPECT_EQ(marked_name("가나다라마바사아자차", 2, 9), "가나다라마 (2)");
  EXPECT_TRUE(is_marked_form("김민지 (2)", "김민지", 32));
  EXPECT_TRUE(is_marked_form(std::string(27, 'x') + " (12)", long_name, 32));
  EXPECT_FALSE(is_marked_form("김민지", "김민지", 32));
  EXPECT_FALSE(is_marked_form("김민지 (1)", "김민지", 32));
  EXPECT_FALSE(is_marked_form("김민지 (02)", "김민지", 32));
  EXPECT_FALSE(is_marked_form("박지훈 (2)", "김민지", 32));
}

}  // namespace
}  // namespace moim::store
