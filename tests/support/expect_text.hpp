// Shared by the unit and integration tests: expect a text (an error list, a report, a
// response body) to contain each of several parts. Each part is its own non-fatal expectation,
// so a failure names the missing part, exactly as one EXPECT_THAT(text, HasSubstr(part)) a part
// would. Header-only, no state.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace logintest::test_support {

inline void expect_contains_all(const std::string& text,
                                std::initializer_list<std::string_view> parts) {
    for (const std::string_view part : parts) {
        EXPECT_THAT(text, ::testing::HasSubstr(std::string(part)));
    }
}

} // namespace logintest::test_support
