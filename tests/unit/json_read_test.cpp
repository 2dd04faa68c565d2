// The tolerant integer reader of detail/json_read.hpp, used for error codes, counts and webhook
// timestamps: every value that does not fit in 64 bits or is not whole is absent, never wrapped.

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"

namespace json_util_test {

using nlohmann::json;
using whatsapp::detail::int_at;
using whatsapp::detail::parse_int64;
using whatsapp::detail::to_int64;

constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
constexpr auto kMin = std::numeric_limits<std::int64_t>::min();

TEST(ToInt64, ReadsEveryNumberThatFits) {
  EXPECT_EQ(to_int64(json(131000)), 131000);
  EXPECT_EQ(to_int64(json(-4)), -4);
  EXPECT_EQ(to_int64(json(kMax)), kMax);
  EXPECT_EQ(to_int64(json(kMin)), kMin);
  EXPECT_EQ(to_int64(json(static_cast<std::uint64_t>(kMax))), kMax);
  EXPECT_EQ(to_int64(json(2.0)), 2);
  EXPECT_EQ(to_int64(json(-9223372036854775808.0)), kMin);
  EXPECT_EQ(to_int64(json::parse("1e3")), 1000);
}

TEST(ToInt64, RejectsWhatDoesNotFitOrIsNotWhole) {
  EXPECT_EQ(to_int64(json(static_cast<std::uint64_t>(kMax) + 1)), std::nullopt);
  EXPECT_EQ(to_int64(json(std::numeric_limits<std::uint64_t>::max())), std::nullopt);
  EXPECT_EQ(to_int64(json(9223372036854775808.0)), std::nullopt);
  EXPECT_EQ(to_int64(json::parse("1344444444441044441050")), std::nullopt);  // parsed as a double
  EXPECT_EQ(to_int64(json(1e300)), std::nullopt);
  EXPECT_EQ(to_int64(json(-1e300)), std::nullopt);
  EXPECT_EQ(to_int64(json(1.5)), std::nullopt);
  EXPECT_EQ(to_int64(json(std::numeric_limits<double>::quiet_NaN())), std::nullopt);
  EXPECT_EQ(to_int64(json(std::numeric_limits<double>::infinity())), std::nullopt);
  EXPECT_EQ(to_int64(json(true)), std::nullopt);
  EXPECT_EQ(to_int64(json(nullptr)), std::nullopt);
  EXPECT_EQ(to_int64(json::array({1})), std::nullopt);
}

TEST(ToInt64, ReadsDecimalStrings) {
  EXPECT_EQ(to_int64(json("131056")), 131056);
  EXPECT_EQ(to_int64(json("-17")), -17);
  EXPECT_EQ(to_int64(json("9223372036854775807")), kMax);  // 19 digits
  EXPECT_EQ(to_int64(json("-9223372036854775808")), kMin);
  for (const char* bad :
       {"", "-", "+1", " 1", "1 ", "12a", "0x10", "1.0", "9223372036854775808", "99999999999999999999"}) {
    EXPECT_EQ(to_int64(json(bad)), std::nullopt) << '"' << bad << '"';
    EXPECT_EQ(parse_int64(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(IntAt, AbsentUnlessAnObjectWithThatKey) {
  const json j = {{"code", 100}, {"big", 1e20}};
  EXPECT_EQ(int_at(j, "code"), 100);
  EXPECT_EQ(int_at(j, "big"), std::nullopt);
  EXPECT_EQ(int_at(j, "missing"), std::nullopt);
  EXPECT_EQ(int_at(json::array({100}), "code"), std::nullopt);
}

}  // namespace json_util_test
