// The admin commands of moim-server, run in-process as main() runs them.
#include "boot/cli.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/secret_hash.hpp"
#include "store/sqlite_store.hpp"

namespace moim::app {
namespace {

using ::testing::internal::CaptureStderr;
using ::testing::internal::CaptureStdout;
using ::testing::internal::GetCapturedStderr;
using ::testing::internal::GetCapturedStdout;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class AdminCli : public ::testing::Test {
 protected:
  AdminCli()
      : dir_(std::filesystem::temp_directory_path() /
             ("moim-cli-test-" + random_token(8).value())) {
    std::filesystem::create_directories(dir_);
  }
  ~AdminCli() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Parses `args` after `moim-server --data-dir <dir>` and runs the admin command.
  Outcome run(std::vector<std::string> args) {
    args.insert(args.begin(), {"moim-server", "--data-dir", dir_.string()});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    Outcome outcome;
    CaptureStdout();
    CaptureStderr();
    auto parsed = parse_command_line(static_cast<int>(argv.size()), argv.data());
    if (auto* code = std::get_if<int>(&parsed)) {
      outcome.exit_code = *code;
    } else {
      outcome.exit_code = run_admin(std::get<CommandLine>(parsed));
    }
    outcome.err = GetCapturedStderr();
    outcome.out = GetCapturedStdout();
    return outcome;
  }

  std::filesystem::path database() const { return dir_ / "moim.db"; }

  std::filesystem::path dir_;
};

TEST_F(AdminCli, RefusesAHostTokenForAnAttendeeWithExitCode2) {
  for (const char* role : {"attendee", "ATTENDEE", "king"}) {
    const auto r = run({"create-host-token", "--role", role});
    EXPECT_EQ(r.exit_code, 2) << role;
    EXPECT_NE(r.err.find("a host token's role is host or admin"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;  // no token printed
  }
  EXPECT_FALSE(std::filesystem::exists(database()));  // and nothing written
}

TEST_F(AdminCli, HostTokensDefaultToHostAndAdminIsAccepted) {
  auto store_role = [&](const std::string& printed) {
    std::istringstream lines(printed);
    std::string token;
    std::getline(lines, token);
    auto store = store::open_sqlite_store(database());
    auto role = store->role_for_token(token);
    return role && *role ? std::optional<store::Role>(**role) : std::nullopt;
  };
  const auto host = run({"create-host-token", "--label", "ops"});
  ASSERT_EQ(host.exit_code, 0) << host.err;
  EXPECT_EQ(store_role(host.out), store::Role::host);
  const auto admin = run({"create-host-token", "--role", "Admin"});
  ASSERT_EQ(admin.exit_code, 0) << admin.err;
  EXPECT_EQ(store_role(admin.out), store::Role::admin);
}

TEST_F(AdminCli, SaysWhichDatabaseItWroteToAndWarnsWhenItWasJustCreated) {
  const auto absolute = std::filesystem::absolute(database()).string();
  const auto first = run({"create-invite", "--count", "2"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("Wrote to the database " + absolute), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("probably not the running server's"), std::string::npos) << first.err;
  const auto second = run({"create-host-token"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("Wrote to the database " + absolute), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find("warning"), std::string::npos) << second.err;
}

TEST_F(AdminCli, InviteRolesComeFromTheRoleTable) {
  const auto host = run({"create-invite", "--role", "host", "--uses", "3"});
  ASSERT_EQ(host.exit_code, 0) << host.err;
  auto store = store::open_sqlite_store(database());
  auto user =
      store->redeem_invite(host.out.substr(0, host.out.find('\n')), "지은", "cli-test-device-0001");
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->role, store::Role::host);
  const auto bad = run({"create-invite", "--role", "king"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("an invite's role is attendee, host or admin"), std::string::npos)
      << bad.err;
}

TEST_F(AdminCli, HelpShowsTheRoleChoicesPlainly) {
  for (const char* command : {"create-invite", "create-host-token"}) {
    const auto r = run({command, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.find("->"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("{,"), std::string::npos) << r.out;
  }
  EXPECT_NE(run({"create-invite", "--help"}).out.find("attendee, host or admin"),
            std::string::npos);
  EXPECT_NE(run({"create-host-token", "--help"}).out.find("host or admin (default host)"),
            std::string::npos);
}

TEST_F(AdminCli, MetricsTokenIsAnOption) {
  std::vector<std::string> args{"moim-server", "--metrics-token", "s3cret"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  auto parsed = parse_command_line(static_cast<int>(argv.size()), argv.data());
  ASSERT_TRUE(std::holds_alternative<CommandLine>(parsed));
  EXPECT_EQ(std::get<CommandLine>(parsed).config.metrics_token, "s3cret");
}

}  // namespace
}  // namespace moim::app
