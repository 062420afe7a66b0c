#include "api/body.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace moim::api {
namespace {

using nlohmann::json;

std::string refusal(std::string_view text) {
  auto body = parse_json_object(text);
  EXPECT_FALSE(body) << text;
  return body ? "" : body.error().message;
}

TEST(JsonBody, AcceptsAPlainObject) {
  auto body = parse_json_object(R"({"role":"host","max_uses":3,"tags":[1,2],"x":{"y":null}})");
  ASSERT_TRUE(body) << body.error().message;
  EXPECT_EQ((*body)["role"], "host");
  EXPECT_EQ((*body)["max_uses"], 3);
  EXPECT_EQ((*body)["x"]["y"], nullptr);
}

TEST(JsonBody, RefusesDuplicateKeysAtAnyDepth) {
  EXPECT_NE(refusal(R"({"role":"admin","role":"attendee"})").find("\"role\" appears twice"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"colors":[{"name":"a","name":"b"}]})").find("\"name\""), std::string::npos);
  EXPECT_NE(refusal(R"({"a":{"b":{"c":1,"c":2}}})").find("\"c\""), std::string::npos);
  // An escape spelling the same key is the same key.
  EXPECT_NE(refusal(R"({"role":"host","\u0072ole":"admin"})").find("twice"), std::string::npos);
  // The same key in two different objects is fine.
  EXPECT_TRUE(parse_json_object(R"({"a":{"n":1},"b":{"n":2},"c":[{"n":1},{"n":2}]})"));
}

TEST(JsonBody, RefusesNumbersWithAFractionOrExponent) {
  EXPECT_NE(refusal(R"({"max_uses":1.5})").find("whole numbers"), std::string::npos);
  EXPECT_NE(refusal(R"({"max_uses":1.0})").find("whole numbers"), std::string::npos);
  EXPECT_NE(refusal(R"({"max_uses":1e3})").find("whole numbers"), std::string::npos);
  EXPECT_NE(refusal(R"({"list":[1,2,-0.25]})").find("whole numbers"), std::string::npos);
  EXPECT_TRUE(parse_json_object(R"({"n":-12,"big":18446744073709551615})"));
}

TEST(JsonBody, RefusesMalformedJsonAndNonObjects) {
  EXPECT_NE(refusal("{nope").find("invalid JSON"), std::string::npos);
  EXPECT_NE(refusal("").find("invalid JSON"), std::string::npos);
  EXPECT_NE(refusal("[1,2]").find("JSON object"), std::string::npos);
  EXPECT_NE(refusal("\"text\"").find("JSON object"), std::string::npos);
}

TEST(JsonBody, AnEmptyBodyIsAnEmptyObjectOnlyWhereTheRouteSaysSo) {
  ApiRequest request;
  EXPECT_FALSE(json_body(request));
  auto empty = json_body(request, EmptyBody::as_empty_object);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->is_object() && empty->empty());
  request.body = R"({"a":1,"a":2})";
  EXPECT_FALSE(json_body(request, EmptyBody::as_empty_object));
}

TEST(JsonBody, IntFieldsAreWholeNumbersInRange) {
  const json body = json::parse(R"({"n":7,"neg":-1,"s":"7","huge":18446744073709551615,"f":2.5})");
  EXPECT_EQ(*int_field(body, "n", 1, 0, 10), 7);
  EXPECT_EQ(*int_field(body, "absent", 1, 0, 10), 1);
  EXPECT_FALSE(int_field(body, "neg", 1, 0, 10));
  EXPECT_FALSE(int_field(body, "n", 1, 0, 5));
  EXPECT_FALSE(int_field(body, "s", 1, 0, 10));
  EXPECT_FALSE(int_field(body, "huge", 1, 0, std::numeric_limits<std::int64_t>::max()));
  auto fraction = int_field(body, "f", 1, 0, 10);
  ASSERT_FALSE(fraction);
  EXPECT_EQ(fraction.error().code, Errc::bad_request);
  EXPECT_NE(fraction.error().message.find("f must be a whole number from 0 to 10"),
            std::string::npos);
}

}  // namespace
}  // namespace moim::api
