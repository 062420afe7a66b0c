// Errc (core/errc.hpp), the proto's ErrorCode and the JSON API's error names are one table in
// three places: every code maps both ways, round trips, and carries the same name everywhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "core/errc.hpp"
#include "moim/v1/moim.pb.h"
#include "net/convert.hpp"

namespace moim::net {
namespace {

// Codes only the wire has: the proto's default, and the envelope decoder's answer to an
// envelope with no message in it, which never reaches the domain.
bool wire_only(v1::ErrorCode code) {
  return code == v1::ERROR_CODE_UNSPECIFIED || code == v1::ERROR_CODE_UNKNOWN_MESSAGE;
}

// "ERROR_CODE_NO_SUCH_ROOM" -> "no_such_room".
std::string api_name_of(const std::string& proto_name) {
  const std::string prefix = "ERROR_CODE_";
  EXPECT_EQ(proto_name.rfind(prefix, 0), 0U) << proto_name;
  std::string name = proto_name.substr(prefix.size());
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

TEST(ErrorCodes, EveryErrcHasTheProtoCodeWithItsNumberAndName) {
  const auto* descriptor = v1::ErrorCode_descriptor();
  for (const Errc code : kAllErrc) {
    const v1::ErrorCode wire = to_proto(code);
    EXPECT_EQ(static_cast<int>(wire), static_cast<int>(code)) << errc_name(code);
    const auto* value = descriptor->FindValueByNumber(static_cast<int>(code));
    ASSERT_NE(value, nullptr) << errc_name(code) << " has no ErrorCode";
    EXPECT_EQ(api_name_of(value->name()), errc_name(code));
    EXPECT_EQ(from_proto(wire), code) << errc_name(code) << " does not round-trip";
  }
}

TEST(ErrorCodes, EveryProtoCodeButTheWireOnesHasAnErrc) {
  const auto* descriptor = v1::ErrorCode_descriptor();
  ASSERT_GT(descriptor->value_count(), 0);
  int mapped = 0;
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const auto* value = descriptor->value(i);
    const auto wire = static_cast<v1::ErrorCode>(value->number());
    const auto code = from_proto(wire);
    if (wire_only(wire)) {
      EXPECT_FALSE(code.has_value()) << value->name() << " is wire-only but maps to an Errc";
      continue;
    }
    ASSERT_TRUE(code.has_value()) << value->name() << " has no Errc";
    EXPECT_EQ(errc_name(*code), api_name_of(value->name()));
    EXPECT_EQ(to_proto(*code), wire) << value->name() << " does not round-trip";
    ++mapped;
  }
  EXPECT_EQ(static_cast<std::size_t>(mapped), kAllErrc.size());
}

TEST(ErrorCodes, NamesAreUniqueAndNumbersOutsideTheEnumAreNoErrc) {
  std::set<std::string_view> names;
  for (const Errc code : kAllErrc) {
    EXPECT_TRUE(names.insert(errc_name(code)).second) << errc_name(code) << " twice";
    EXPECT_NE(errc_name(code), "error");
  }
  EXPECT_FALSE(errc_from_number(0).has_value());
  EXPECT_FALSE(errc_from_number(21).has_value());
  EXPECT_FALSE(errc_from_number(256).has_value());
  EXPECT_FALSE(errc_from_number(-1).has_value());
  EXPECT_EQ(errc_name(static_cast<Errc>(250)), "error");
  // A code the domain does not know is sent as INTERNAL, never as a number the client cannot read.
  EXPECT_EQ(to_proto(static_cast<Errc>(250)), v1::ERROR_CODE_INTERNAL);
}

}  // namespace
}  // namespace moim::net
