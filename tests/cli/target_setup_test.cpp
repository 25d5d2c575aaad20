// TargetSetup, the one way `check` and `load` reach their target: given URLs lose their
// trailing slashes and start nothing; one URL alone, a bad --resolve entry and an unreadable
// fixture are usage errors naming what is wrong; the fixture is --fixture, else the embedded
// mock's configured one, else the built-in one; the embedded mock starts on loopback and the
// client resolves the public names to it.
#include "cli/target_setup.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TargetOptions deployment(std::string asurso, std::string esia) {
    TargetOptions o;
    o.asurso_url = std::move(asurso);
    o.esia_url = std::move(esia);
    return o;
}

TEST(TargetSetup, GivenUrlsLoseTrailingSlashesAndStartNoMock) {
    TargetSetup target(deployment("http://127.0.0.1:1/", "http://127.0.0.2:1//"));
    EXPECT_FALSE(target.embedded());
    EXPECT_EQ(target.check_urls(), "");
    EXPECT_EQ(target.asurso_base(), "http://127.0.0.1:1");
    EXPECT_EQ(target.esia_base(), "http://127.0.0.2:1");
    // A deployment never reads the mock configuration's fixture: the built-in one.
    EXPECT_EQ(target.read_fixture("/no/such/mock-fixture.json"), "");
    EXPECT_EQ(target.fixture().source, "embedded fixture");
    EXPECT_FALSE(target.accounts().all().empty());
    EXPECT_EQ(target.make_client_options(), "");
    EXPECT_EQ(target.start({}), "");
    EXPECT_EQ(target.mock(), nullptr);
    ASSERT_EQ(target.connect(), "");
    const auto context = target.run_context(false);
    EXPECT_EQ(context.asurso_base, "http://127.0.0.1:1");
    EXPECT_FALSE(context.mock);
}

TEST(TargetSetup, OneUrlAloneIsAUsageError) {
    EXPECT_EQ(TargetSetup(deployment("http://127.0.0.1:1", "")).check_urls(),
              "--asurso-url and --esia-url go together");
    EXPECT_EQ(TargetSetup(deployment("", "http://127.0.0.1:1")).check_urls(),
              "--asurso-url and --esia-url go together");
}

TEST(TargetSetup, BadResolveEntryIsNamed) {
    TargetOptions o;
    o.resolve = {"asurso.ru:443:127.0.0.1", "nonsense"};
    TargetSetup target(o);
    EXPECT_THAT(target.make_client_options(), StartsWith("--resolve nonsense: "));
}

TEST(TargetSetup, OptionsBecomeClientOptions) {
    TargetOptions o = deployment("https://a.example", "https://e.example");
    o.resolve = {"a.example:443:127.0.0.9"};
    o.insecure = true;
    o.connect_timeout_ms = 1234;
    o.request_timeout_ms = 5678;
    TargetSetup target(o);
    ASSERT_EQ(target.make_client_options(), "");
    const auto& client = target.client_options();
    EXPECT_FALSE(client.verify_tls);
    EXPECT_EQ(client.connect_timeout.count(), 1234);
    EXPECT_EQ(client.request_timeout.count(), 5678);
    EXPECT_EQ(client.resolve.lookup("a.example", 443), "127.0.0.9");
}

TEST(TargetSetup, EmbeddedMockReadsTheConfiguredFixtureUnlessFixtureIsGiven) {
    TargetSetup embedded{TargetOptions{}};
    EXPECT_TRUE(embedded.embedded());
    EXPECT_THAT(embedded.read_fixture("/no/such/mock-fixture.json"),
                HasSubstr("cannot read /no/such/mock-fixture.json"));
    TargetOptions o;
    o.fixture_file = "/no/such/fixture.json";
    TargetSetup given(o);
    EXPECT_THAT(given.read_fixture("/no/such/mock-fixture.json"),
                HasSubstr("cannot read /no/such/fixture.json"));
}

TEST(TargetSetup, EmbeddedMockStartsOnLoopbackAndTheClientResolvesItsNames) {
    TargetSetup target{TargetOptions{}};
    ASSERT_EQ(target.check_urls(), "");
    ASSERT_EQ(target.read_fixture(""), "");
    ASSERT_EQ(target.make_client_options(), "");
    ASSERT_EQ(target.start({}), "");
    ASSERT_NE(target.mock(), nullptr);
    EXPECT_EQ(target.asurso_base(), target.mock()->asurso_base_url());
    EXPECT_EQ(target.esia_base(), target.mock()->esia_base_url());
    const auto& resolve = target.client_options().resolve;
    EXPECT_EQ(resolve.lookup("asurso.ru", target.mock()->asurso_port()),
              target.mock()->asurso_address());
    EXPECT_EQ(resolve.lookup("esia.gosuslugi.ru", target.mock()->esia_port()),
              target.mock()->esia_address());
    ASSERT_EQ(target.connect(), "");
    EXPECT_TRUE(target.run_context(true).mock);
    target.stop_mock();
}

} // namespace
} // namespace logintest::cli
