// The dispatch fuzzer's seeds start from every request a client may send. Which bodies of
// Envelope a client may send is asked of the server itself: each body is sent, empty, by a host
// in the lobby, and the server either handles it or answers "not a message a client may send".
// A request added to the protocol and the server without a seed fails here.
#include <gtest/gtest.h>

#include <set>

#include "dispatch_world.hpp"
#include "moim/proto/envelope.hpp"
#include "seed_messages.hpp"
#include "seeds.hpp"

namespace moim::fuzz {
namespace {

using google::protobuf::FieldDescriptor;

constexpr std::string_view kRefused = "not a message a client may send";

std::vector<const FieldDescriptor*> bodies() {
  const auto* oneof = v1::Envelope::descriptor()->FindOneofByName("body");
  std::vector<const FieldDescriptor*> out;
  for (int i = 0; i < oneof->field_count(); ++i) out.push_back(oneof->field(i));
  return out;
}

// Whether the server handles `body` from a client who has joined.
bool server_accepts(const FieldDescriptor* body) {
  v1::Envelope request;
  request.set_request_id(4242);
  request.GetReflection()->MutableMessage(&request, body);
  std::string input;
  add_message(input, 0, msg::hello());
  add_message(input, 0, msg::join(kHost.name, kHost.invite));
  add_message(input, 0, proto::encode(request));
  bool refused = false, answered = false;
  run_dispatch(reinterpret_cast<const std::uint8_t*>(input.data()), input.size(),
               [&](std::uint8_t, const v1::Envelope& sent) {
                 if (sent.request_id() != 4242) return;
                 answered = true;
                 if (sent.has_error() && sent.error().message() == kRefused) refused = true;
               });
  // Every request is answered, except a move, which is answered only when it is refused.
  EXPECT_TRUE(answered || body->name() == "move") << body->name();
  return !refused;
}

// The body of every message in every dispatch seed.
std::set<int> seeded_bodies() {
  std::set<int> out;
  for (const auto& seed : dispatch_seeds()) {
    const std::string& bytes = seed.bytes;
    std::size_t at = 0;
    while (at < bytes.size()) {
      const auto control = static_cast<std::uint8_t>(bytes[at++]);
      if (control & 0x80) continue;
      const std::size_t length = (std::size_t{static_cast<std::uint8_t>(bytes[at])} << 8) |
                                 static_cast<std::uint8_t>(bytes[at + 1]);
      at += 2;
      v1::Envelope e;
      EXPECT_TRUE(e.ParseFromString(bytes.substr(at, length))) << seed.name;
      out.insert(static_cast<int>(e.body_case()));
      at += length;
    }
  }
  return out;
}

TEST(SeedCoverage, EveryRequestAClientMaySendHasADispatchSeed) {
  const auto seeded = seeded_bodies();
  int client = 0, server = 0;
  for (const auto* body : bodies()) {
    if (!server_accepts(body)) {
      ++server;
      continue;
    }
    ++client;
    EXPECT_TRUE(seeded.contains(body->number())) << body->name() << " has no dispatch seed";
  }
  // Both kinds exist: the check above cannot pass by calling everything one or the other.
  EXPECT_GT(client, 40);
  EXPECT_GT(server, 20);
}

TEST(SeedCoverage, ServerOnlyBodiesAreRefused) {
  for (const auto* body : bodies()) {
    if (body->name() == "welcome" || body->name() == "frame" || body->name() == "cards_export") {
      EXPECT_FALSE(server_accepts(body)) << body->name();
    }
  }
}

// The seeds do not just send each request: in the prepared world they succeed, so fuzzing
// starts past the checks that turn a request away (a missing group, talk, roster entry, or the
// wrong place to stand). A successful raffle draw is not among them: it needs someone who
// completed their sticker card, which takes accepted offers, whose ids come from the clock.
TEST(SeedCoverage, SeedsReachTheSuccessfulAnswers) {
  std::set<int> answers;
  for (const auto& seed : dispatch_seeds()) {
    run_dispatch(reinterpret_cast<const std::uint8_t*>(seed.bytes.data()), seed.bytes.size(),
                 [&](std::uint8_t, const v1::Envelope& sent) {
                   answers.insert(static_cast<int>(sent.body_case()));
                 });
  }
  for (const auto expected : {
           v1::Envelope::kJoined,          v1::Envelope::kStudyGroup,
           v1::Envelope::kStudyGroupList,  v1::Envelope::kRoomEntered,
           v1::Envelope::kFocusTimer,      v1::Envelope::kTalk,
           v1::Envelope::kTalkList,        v1::Envelope::kQuestion,
           v1::Envelope::kQuestionList,    v1::Envelope::kSeatBooking,
           v1::Envelope::kHandQueue,       v1::Envelope::kStageGiven,
           v1::Envelope::kSessionReminder, v1::Envelope::kCheckedIn,
           v1::Envelope::kGraduation,      v1::Envelope::kOfferMade,
           v1::Envelope::kOfferReceived,   v1::Envelope::kCardsExport,
           v1::Envelope::kOnlineList,      v1::Envelope::kLocation,
       }) {
    EXPECT_TRUE(answers.contains(static_cast<int>(expected)))
        << v1::Envelope::descriptor()->FindFieldByNumber(static_cast<int>(expected))->name()
        << " is never sent";
  }
}

}  // namespace
}  // namespace moim::fuzz
