// The schema-driven JSON configuration reader (support/config/config_schema.hpp): kinds in
// messages, key paths, near misses and the fixed unknown-key note of the target file.
#include "support/config/config_schema.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::support {
namespace {

using ::testing::ElementsAre;

TEST(JsonKind, NamesEveryKindWithAndWithoutIntegers) {
    const auto v = boost::json::parse(R"([null, true, 1, 1.5, "s", [], {}])").as_array();
    std::vector<std::string> distinct;
    std::vector<std::string> numbers;
    std::vector<std::string> names;
    for (const auto& item : v) {
        distinct.emplace_back(json_kind(item));
        numbers.emplace_back(json_kind(item, Integers::numbers));
        names.emplace_back(json_type_name(item));
    }
    EXPECT_THAT(distinct, ElementsAre("null", "a boolean", "an integer", "a number", "a string",
                                      "an array", "an object"));
    EXPECT_EQ(numbers[2], "a number");
    EXPECT_THAT(names,
                ElementsAre("null", "boolean", "number", "number", "string", "array", "object"));
}

TEST(ConfigSchema, ReadsNestedKeysAndNamesEveryProblemWithItsPath) {
    int threshold = 0;
    bool enabled = false;
    ConfigSchema schema;
    schema.add("lockout.threshold", read_into(threshold, 1, 10));
    schema.add("enabled", read_into(enabled));
    std::vector<std::string> errors;
    schema.apply(boost::json::parse(R"({"lockout":{"threshold":3},"enabled":1,"lockot":{}})"),
                 "asurso", errors);
    EXPECT_EQ(threshold, 3);
    EXPECT_THAT(
        errors,
        ElementsAre("asurso.enabled: expected a boolean (true or false), got an integer (1)",
                    "asurso.lockot: unknown key (did you mean \"lockout\"?)"));
}

TEST(ConfigSchema, AFixedNoteReplacesTheNearMiss) {
    std::string url;
    ConfigSchema schema;
    schema.add("asurso", read_into(url));
    schema.set_unknown_key_note(" (known: asurso)");
    std::vector<std::string> errors;
    schema.apply(boost::json::parse(R"({"asurs":"x"})"), "", errors);
    EXPECT_THAT(errors, ElementsAre("asurs: unknown key (known: asurso)"));
}

} // namespace
} // namespace logintest::support
