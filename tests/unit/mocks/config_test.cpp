// The §23 mock configuration (mocks/mock_config): defaults, every key of the spec's table,
// values reaching the host configurations, and problems reported with their key paths: wrong
// types (with the type expected), unknown keys (with a near miss), bad values, all at once.
#include "mocks/mock_config.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace logintest::mocks {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

MockConfig parse_ok(const std::string& json) {
    auto parsed = parse_mock_config(json);
    EXPECT_THAT(parsed.errors, IsEmpty());
    return parsed.config;
}

// The keys of the spec's §23 table, spelled out.
const std::vector<std::string> spec_keys = {"hosts.asurso.listen",
                                            "hosts.esia.listen",
                                            "hosts.asurso.public_base_url",
                                            "hosts.esia.public_base_url",
                                            "tls.enabled",
                                            "tls.ca_file",
                                            "crypto.profile",
                                            "crypto.keys_dir",
                                            "clock.asurso_offset_s",
                                            "clock.esia_offset_s",
                                            "fixture.path",
                                            "fixture.load_pool_size",
                                            "fixture.load_pool_unbound",
                                            "limits.max_sessions",
                                            "limits.max_presessions",
                                            "limits.max_pending",
                                            "esia.anomaly_reaction",
                                            "control_plane.enabled",
                                            "defects",
                                            "faults",
                                            "asurso.product_name",
                                            "asurso.version",
                                            "asurso.cache_ver",
                                            "asurso.school_login_enabled",
                                            "asurso.esia_login_enabled",
                                            "asurso.esia_button",
                                            "asurso.esia_main_auth",
                                            "asurso.presession_idle_s",
                                            "asurso.salt_ttl_s",
                                            "asurso.session_idle_timeout_ms",
                                            "asurso.login_case_insensitive",
                                            "asurso.timezone_offset",
                                            "asurso.security_warning",
                                            "asurso.esrnsec_clearing_header",
                                            "asurso.lockout.threshold",
                                            "asurso.lockout.duration_s",
                                            "asurso.lockout.blocks_esia",
                                            "asurso.password.min_length",
                                            "asurso.password.generated_length",
                                            "asurso.password.generator_symbols",
                                            "asurso.password.generator_seed",
                                            "asurso.password.deny_md5",
                                            "asurso.reset_sets_first_login",
                                            "asurso.login_state_ttl_s",
                                            "asurso.bind_min_age_years",
                                            "asurso.esia_client.client_id",
                                            "asurso.esia_client.scope",
                                            "asurso.esia_client.access_type",
                                            "asurso.esia_client.protocol",
                                            "asurso.esia_client.backchannel_url",
                                            "asurso.esia_client.backchannel_timeout_ms",
                                            "asurso.esia_client.state_ttl_s",
                                            "asurso.esia_client.max_pending_states",
                                            "asurso.esia_client.issuer",
                                            "asurso.esia_client.id_token_skew_s",
                                            "asurso.esia_client.require_trusted",
                                            "asurso.esia_client.esia_cert_file",
                                            "esia.issuer",
                                            "esia.jwt_alg",
                                            "esia.signing_cert_file",
                                            "esia.token_ttl_s",
                                            "esia.code_ttl_s",
                                            "esia.timestamp_window_s",
                                            "esia.pending_auth_ttl_s",
                                            "esia.captcha_threshold",
                                            "esia.lock_threshold",
                                            "esia.lock_duration_s",
                                            "esia.otp.length",
                                            "esia.otp.ttl_s",
                                            "esia.otp.attempts",
                                            "esia.consent_enabled",
                                            "esia.rotate_session_on_login",
                                            "esia.legacy_endpoints",
                                            "esia.refresh_grant",
                                            "asurso.messages",
                                            "esia.messages"};

// {"a":{"b":value}} for "a.b".
boost::json::object nest(const std::string& key, boost::json::value value) {
    boost::json::object root;
    boost::json::object* at = &root;
    std::string rest = key;
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
        auto& next = (*at)[rest.substr(0, dot)];
        if (!next.is_object()) {
            next = boost::json::object{};
        }
        at = &next.as_object();
        rest = rest.substr(dot + 1);
    }
    (*at)[rest] = std::move(value);
    return root;
}

void merge(boost::json::object& into, const boost::json::object& from) {
    for (const auto& [k, v] : from) {
        if (v.is_object() && into.contains(k) && into[k].is_object()) {
            merge(into[k].as_object(), v.as_object());
        } else {
            into[k] = v;
        }
    }
}

TEST(MockConfig, AnEmptyFileGivesTheSpecDefaults) {
    for (const std::string text : {"", "  \n", "{}"}) {
        const auto c = parse_ok(text);
        EXPECT_FALSE(c.hosts.asurso.listen);
        EXPECT_EQ(c.hosts.asurso.public_base_url, "");
        EXPECT_FALSE(c.tls.enabled);
        EXPECT_EQ(c.tls.ca_file, "mock-ca.pem");
        EXPECT_EQ(c.crypto.profile, crypto::Profile::gost);
        EXPECT_EQ(c.crypto.keys_dir, "mock-keys/");
        EXPECT_EQ(c.clock.asurso_offset_s, 0);
        EXPECT_EQ(c.fixture.path, "");
        EXPECT_EQ(c.fixture.load_pool_size, 0);
        EXPECT_EQ(c.limits.max_sessions, 1000000u);
        EXPECT_EQ(c.limits.max_presessions, 1000000u);
        EXPECT_EQ(c.limits.max_pending, 1000000u);
        EXPECT_TRUE(c.control_plane.enabled);
        EXPECT_THAT(c.defects, IsEmpty());
        EXPECT_EQ(c.faults.seed, 1u);
        EXPECT_THAT(c.faults.rules, IsEmpty());
        EXPECT_EQ(c.asurso.product_name, "АСУ РСО");
        EXPECT_EQ(c.asurso.version, "5.44.7850");
        EXPECT_EQ(c.asurso.cache_ver, "639");
        EXPECT_EQ(c.asurso.lockout.threshold, 5);
        EXPECT_EQ(c.asurso.timezone_offset, std::chrono::minutes(240));
        EXPECT_EQ(c.asurso.password.generator_symbols, "!#$%&*+-=?@^_");
        EXPECT_FALSE(c.asurso.password.generator_seed);
        EXPECT_EQ(c.asurso.esia_client.backchannel_url, "http://127.0.0.2:8080");
        EXPECT_EQ(c.esia.issuer, "http://esia.gosuslugi.ru/");
        EXPECT_EQ(c.esia.effective_jwt_alg(), "GOST3410_2012_256");
        EXPECT_EQ(c.esia.anomaly_reaction, esia::AnomalyReaction::captcha);
        EXPECT_EQ(c.esia.otp.length, 6);
        EXPECT_TRUE(c.present.empty());
    }
}

// Keys beyond the §23 table, each a mock decision recorded in docs/mock.md (issue 10).
const std::vector<std::string> mock_only_keys = {"limits.max_connections", "limits.idle_timeout_s"};

TEST(MockConfig, KnowsEveryKeyOfTheSpecTable) {
    const auto keys = mock_config_keys();
    for (const auto& key : spec_keys) {
        EXPECT_THAT(keys, Contains(key));
    }
    for (const auto& key : mock_only_keys) {
        EXPECT_THAT(keys, Contains(key));
    }
    // and nothing else
    EXPECT_EQ(keys.size(), spec_keys.size() + mock_only_keys.size());
}

// Issue 10, findings 6 and 7: the connection cap and idle limit, and clock offsets whose
// time leaves 1970-2261 (7.5e9 s gave the year 1680).
TEST(MockConfig, ConnectionLimitsAndClockRange) {
    const auto c = parse_ok(R"({"limits":{"max_connections":50,"idle_timeout_s":2.5}})");
    EXPECT_EQ(c.limits.max_connections, 50u);
    EXPECT_EQ(c.limits.idle_timeout_s, 2.5);
    EXPECT_EQ(MockConfig{}.limits.max_connections, 20000u);
    EXPECT_EQ(MockConfig{}.limits.idle_timeout_s, 60);
    const auto bad = parse_mock_config(R"({"limits":{"max_connections":0,"idle_timeout_s":0},
        "clock":{"asurso_offset_s":7.5e9,"esia_offset_s":-3e9}})");
    ASSERT_EQ(bad.errors.size(), 4u);
    EXPECT_THAT(bad.errors[2], HasSubstr("clock.asurso_offset_s: offset_s: 7500000000 would put"));
}

TEST(MockConfig, ReadsValuesIntoTheHostConfigurations) {
    const auto c = parse_ok(R"({
      "hosts": {"asurso": {"listen": "127.0.0.1:9080", "public_base_url": "https://asurso.test/"},
                "esia": {"listen": "[::1]:9443"}},
      "tls": {"enabled": true, "ca_file": "/tmp/ca.pem"},
      "crypto": {"profile": "rsa", "keys_dir": "/tmp/keys"},
      "clock": {"asurso_offset_s": -3600, "esia_offset_s": 1.5},
      "fixture": {"path": "f.json", "load_pool_size": 10, "load_pool_unbound": 2},
      "limits": {"max_sessions": 5, "max_presessions": 6, "max_pending": 7},
      "control_plane": {"enabled": false},
      "defects": ["salt-reuse", "reusable-code"],
      "faults": {"seed": 9, "rules": [{"kind": "latency", "path": "/x", "latency_ms": 5}]},
      "asurso": {"lockout": {"threshold": 3, "blocks_esia": true},
                 "timezone_offset": "-03:30",
                 "password": {"generator_seed": 42, "deny_md5": ["DCA529FA1FDBC842A079EC8E6595C69A"]},
                 "esia_client": {"protocol": "legacy", "backchannel_url": "http://127.0.0.9:1"},
                 "messages": {"T-PWD-SHORT": "Коротко"}},
      "esia": {"anomaly_reaction": "sms", "jwt_alg": "RS256", "otp": {"length": 8},
               "messages": {"T-E-BAD-CRED": "Нет"}}
    })");
    ASSERT_TRUE(c.hosts.asurso.listen);
    EXPECT_EQ(c.hosts.asurso.listen->address, "127.0.0.1");
    EXPECT_EQ(c.hosts.asurso.listen->port, 9080);
    EXPECT_EQ(c.hosts.asurso.public_base_url, "https://asurso.test");
    EXPECT_EQ(c.hosts.esia.listen->address, "::1");
    EXPECT_TRUE(c.tls.enabled);
    EXPECT_EQ(c.tls.ca_file, "/tmp/ca.pem");
    EXPECT_EQ(c.crypto.profile, crypto::Profile::rsa);
    EXPECT_EQ(c.clock.asurso_offset_s, -3600);
    EXPECT_EQ(c.clock.esia_offset_s, 1.5);
    EXPECT_EQ(c.fixture.path, "f.json");
    EXPECT_EQ(c.fixture.load_pool_size, 10);
    EXPECT_EQ(c.limits.max_pending, 7u);
    EXPECT_FALSE(c.control_plane.enabled);
    EXPECT_THAT(c.defects, ElementsAre("salt-reuse", "reusable-code"));
    EXPECT_EQ(c.faults.seed, 9u);
    ASSERT_EQ(c.faults.rules.size(), 1u);
    EXPECT_EQ(c.asurso.lockout.threshold, 3);
    EXPECT_TRUE(c.asurso.lockout.blocks_esia);
    EXPECT_EQ(c.asurso.lockout.duration_s, 0); // untouched sibling keeps its default
    EXPECT_EQ(c.asurso.timezone_offset, std::chrono::minutes(-210));
    EXPECT_EQ(c.asurso.password.generator_seed, 42u);
    EXPECT_THAT(c.asurso.password.deny_md5, ElementsAre("dca529fa1fdbc842a079ec8e6595c69a"));
    EXPECT_EQ(c.asurso.esia_client.protocol, "legacy");
    EXPECT_EQ(c.asurso.messages.at("T-PWD-SHORT"), "Коротко");
    EXPECT_EQ(c.esia.anomaly_reaction, esia::AnomalyReaction::sms);
    EXPECT_EQ(c.esia.effective_jwt_alg(), "RS256");
    EXPECT_EQ(c.esia.otp.length, 8);
    EXPECT_EQ(c.esia.messages.at("T-E-BAD-CRED"), "Нет");
    EXPECT_TRUE(c.has("asurso.esia_client.backchannel_url"));
    EXPECT_FALSE(c.has("asurso.esia_client.issuer"));
}

TEST(MockConfig, EveryKeyReportsAWrongTypeWithItsPath) {
    // [[]] is wrong for every key: no key takes an array of arrays. Built by emplace_back:
    // clang reads array{array{}} as a copy of the empty array, gcc as [[]].
    boost::json::array array_of_arrays;
    array_of_arrays.emplace_back(boost::json::array{});
    boost::json::object all;
    for (const auto& key : mock_config_keys()) {
        merge(all, nest(key, array_of_arrays));
    }
    const auto parsed = parse_mock_config(boost::json::serialize(all));
    EXPECT_EQ(parsed.errors.size(), mock_config_keys().size());
    for (const auto& key : mock_config_keys()) {
        const bool reported =
            std::any_of(parsed.errors.begin(), parsed.errors.end(), [&key](const std::string& e) {
                return e.rfind(key + ": expected ", 0) == 0 ||
                       e.rfind(key + "[0]: expected ", 0) == 0;
            });
        EXPECT_TRUE(reported) << key;
    }
}

TEST(MockConfig, TypeErrorsNameTheExpectedType) {
    const auto parsed = parse_mock_config(R"({"tls":{"enabled":"yes"},
        "asurso":{"lockout":{"threshold":"5"},"product_name":1,"timezone_offset":"4"},
        "limits":{"max_sessions":-1},"clock":{"asurso_offset_s":"soon"},
        "hosts":{"esia":{"listen":"localhost","public_base_url":"ftp://x"}},
        "crypto":{"profile":"aes"},"esia":{"otp":{"length":2.5}}})");
    EXPECT_THAT(
        parsed.errors,
        UnorderedElementsAre(
            "asurso.lockout.threshold: expected an integer from 1 to 1000000, got a string",
            "asurso.product_name: expected a string, got an integer (1)",
            "asurso.timezone_offset: expected a UTC offset \"+HH:MM\" or \"-HH:MM\", got \"4\"",
            "clock.asurso_offset_s: expected a number from -10000000000 to 10000000000, got a "
            "string",
            "crypto.profile: expected one of \"gost\", \"rsa\", got \"aes\"",
            "esia.otp.length: expected an integer from 4 to 12, got a number (2.5)",
            "hosts.esia.listen: expected \"<address>:<port>\" such as \"127.0.0.1:8080\", got "
            "\"localhost\"",
            "hosts.esia.public_base_url: expected a URL starting with http:// or https://, got "
            "\"ftp://x\"",
            "limits.max_sessions: expected an integer >= 1, got an integer (-1)",
            "tls.enabled: expected a boolean (true or false), got a string"));
}

TEST(MockConfig, UnknownKeysAreErrorsWithANearMiss) {
    const auto parsed = parse_mock_config(R"({"bogus":1,"asurso":{"lockot":{"threshold":3},
        "lockout":{"treshold":3}},"tls":true,"esia":{"otp":{"lenght":6}}})");
    EXPECT_THAT(
        parsed.errors,
        UnorderedElementsAre("asurso.lockot: unknown key (did you mean \"asurso.lockout\"?)",
                             "asurso.lockout.treshold: unknown key (did you mean "
                             "\"asurso.lockout.threshold\"?)",
                             "bogus: unknown key",
                             "esia.otp.lenght: unknown key (did you mean \"esia.otp.length\"?)",
                             "tls: expected an object, got a boolean"));
}

TEST(MockConfig, ListValuesAndNestedSectionsAreChecked) {
    const auto parsed = parse_mock_config(R"({"defects":["salt-reuse","no-such-defect"],
        "faults":{"rules":[{"kind":"status","status":200}]},
        "asurso":{"messages":{"T-PWD-SHORT":"x","T-E-BAD-CRED":"y","T-NOPE":1},
                  "password":{"deny_md5":["abc"]}},
        "esia":{"messages":{"T-PWD-SHORT":"x"}}})");
    EXPECT_THAT(
        parsed.errors,
        UnorderedElementsAre(StartsWith("asurso.messages.T-NOPE: expected a string"),
                             StartsWith("asurso.password.deny_md5[0]: expected an MD5"),
                             StartsWith("defects[1]: unknown defect \"no-such-defect\""),
                             StartsWith("esia.messages.T-PWD-SHORT: unknown text key"),
                             StartsWith("faults.rules[0].status: expected an integer from 400")));
    const auto text_keys = parse_mock_config(R"({"asurso":{"messages":{"T-E-BAD-CRED":"y"}}})");
    EXPECT_THAT(text_keys.errors, ElementsAre(StartsWith("asurso.messages.T-E-BAD-CRED: unknown "
                                                         "text key")));
}

TEST(MockConfig, InvalidJsonIsOneError) {
    const auto parsed = parse_mock_config(R"({"tls": {)");
    EXPECT_THAT(parsed.errors, ElementsAre(HasSubstr("not valid JSON")));
    EXPECT_THAT(parse_mock_config("[1]").errors,
                ElementsAre("(top level): expected an object, got an array"));
}

TEST(MockConfig, NullableKeysTakeNull) {
    const auto c = parse_ok(R"({"fixture":{"path":null},
        "asurso":{"password":{"generator_seed":null}}})");
    EXPECT_EQ(c.fixture.path, "");
    EXPECT_FALSE(c.asurso.password.generator_seed);
}

TEST(ListenAddress, ParsesHostAndPort) {
    EXPECT_EQ(parse_listen_address("127.0.0.2:8443")->port, 8443);
    EXPECT_EQ(parse_listen_address("0.0.0.0:0")->address, "0.0.0.0");
    EXPECT_EQ(parse_listen_address("[::1]:80")->address, "::1");
    EXPECT_FALSE(parse_listen_address("127.0.0.1"));
    EXPECT_FALSE(parse_listen_address("127.0.0.1:70000"));
    EXPECT_FALSE(parse_listen_address("::1:80"));
    EXPECT_FALSE(parse_listen_address(":80"));
    EXPECT_FALSE(parse_listen_address("127.0.0.1:8x"));
}

} // namespace
} // namespace logintest::mocks
