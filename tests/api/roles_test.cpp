#include "core/roles.hpp"

#include <gtest/gtest.h>

namespace moim::store {
namespace {

TEST(Roles, EveryRoleHasOneNameBothWays) {
  for (const auto& info : kRoles) {
    EXPECT_EQ(role_named(info.name), info.role);
    EXPECT_EQ(role_name(info.role), info.name);
  }
  EXPECT_FALSE(role_named("Host"));  // callers lower-case what people type
  EXPECT_FALSE(role_named("king"));
  EXPECT_FALSE(role_named(""));
}

TEST(Roles, OnlyHostsAndAdminsHoldTokens) {
  EXPECT_FALSE(may_hold_token(Role::attendee));
  EXPECT_TRUE(may_hold_token(Role::host));
  EXPECT_TRUE(may_hold_token(Role::admin));
  EXPECT_EQ(role_names(&RoleInfo::token), "host or admin");
  EXPECT_EQ(role_names(&RoleInfo::invite), "attendee, host or admin");
  EXPECT_EQ(role_names(), "attendee, host or admin");
}

TEST(Roles, WhoMayInviteWhomOverTheApi) {
  EXPECT_TRUE(may_invite_over_api(Role::host, Role::attendee));
  EXPECT_TRUE(may_invite_over_api(Role::admin, Role::attendee));
  EXPECT_FALSE(may_invite_over_api(Role::host, Role::host));
  EXPECT_TRUE(may_invite_over_api(Role::admin, Role::host));
  EXPECT_FALSE(may_invite_over_api(Role::admin, Role::admin));  // only the CLI makes admins
  EXPECT_FALSE(may_invite_over_api(Role::attendee, Role::attendee));
}

}  // namespace
}  // namespace moim::store
