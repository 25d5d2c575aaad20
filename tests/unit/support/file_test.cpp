// Whole-file reading (support/text/file.hpp) and the Problem/Result type
// (support/text/problem.hpp).
#include "support/text/file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace logintest::support {
namespace {

TEST(ReadFile, ReadsEveryByte) {
    const auto path = std::filesystem::temp_directory_path() / "logintest-read-file-test.bin";
    const std::string bytes("a\0b\r\n\xFF", 6);
    std::ofstream(path, std::ios::binary) << bytes;
    const auto text = read_file(path);
    ASSERT_TRUE(text);
    EXPECT_EQ(*text, bytes);
    std::filesystem::remove(path);
}

TEST(ReadFile, AMissingFileIsAProblemNamingItAndTheReason) {
    const auto text = read_file("/no/such/file.json");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.problem().file, "/no/such/file.json");
    EXPECT_EQ(text.problem().message, "No such file or directory");
}

TEST(Problem, TextShowsTheSetParts) {
    EXPECT_EQ((Problem{"a.xml", 3, "bad"}.text()), "a.xml:3: bad");
    EXPECT_EQ((Problem{"a.xml", 0, "bad"}.text()), "a.xml: bad");
    EXPECT_EQ((Problem{"", 0, "bad"}.text()), "bad");
}

} // namespace
} // namespace logintest::support
