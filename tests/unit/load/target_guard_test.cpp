// The target guard: loopback targets pass, anything else is refused with the way to allow it,
// and the --resolve map is what decides where a public name goes.
#include "harness/load/target_guard.hpp"
#include "tests/support/expect_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::load {
namespace {

using test_support::expect_contains_all;
using ::testing::HasSubstr;

TEST(TargetGuard, LoopbackAddressesAreAllowed) {
    EXPECT_TRUE(is_loopback_address("127.0.0.1"));
    EXPECT_TRUE(is_loopback_address("127.0.0.2"));
    EXPECT_TRUE(is_loopback_address("127.255.1.9"));
    EXPECT_TRUE(is_loopback_address("::1"));
    EXPECT_TRUE(is_loopback_address("::ffff:127.0.0.1"));
    EXPECT_FALSE(is_loopback_address("128.0.0.1"));
    EXPECT_FALSE(is_loopback_address("10.0.0.1"));
    EXPECT_FALSE(is_loopback_address("::2"));
    EXPECT_FALSE(is_loopback_address("not an address"));
}

TEST(TargetGuard, PublicNamesMappedToLoopbackPass) {
    http::ResolveMap resolve;
    resolve.add("asurso.ru", 8080, "127.0.0.1");
    resolve.add("esia.gosuslugi.ru", 8080, "127.0.0.2");
    EXPECT_EQ(
        check_load_target({"http://asurso.ru:8080", "http://esia.gosuslugi.ru:8080"}, resolve, {}),
        "");
}

TEST(TargetGuard, AddressOutsideLoopbackIsRefusedUnlessAllowed) {
    http::ResolveMap resolve;
    resolve.add("asurso.ru", 443, "192.0.2.10");
    const std::string error = check_load_target({"https://asurso.ru"}, resolve, {});
    expect_contains_all(error,
                        {"refusing to load asurso.ru", "192.0.2.10", "--allow-target asurso.ru"});
    EXPECT_EQ(check_load_target({"https://asurso.ru"}, resolve, {"ASURSO.ru"}), "");
}

TEST(TargetGuard, IpLiteralOutsideLoopbackIsRefused) {
    EXPECT_THAT(check_load_target({"http://192.0.2.7:8080"}, {}, {}),
                HasSubstr("refusing to load 192.0.2.7"));
    EXPECT_EQ(check_load_target({"http://127.0.0.1:8080"}, {}, {}), "");
}

TEST(TargetGuard, NotAUrlIsAnError) {
    EXPECT_THAT(check_load_target({"asurso.ru"}, {}, {}), HasSubstr("is not an http(s) URL"));
}

} // namespace
} // namespace logintest::harness::load
