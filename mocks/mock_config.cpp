// The §23 configuration schema and parser (mock_config.hpp).
#include "mocks/mock_config.hpp"

#include "mocks/common/defects.hpp"
#include "mocks/common/host_clock.hpp"
#include "support/config/config_schema.hpp"
#include "support/text/strings.hpp"
#include "support/text/utc_offset.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <limits>
#include <span>

namespace logintest::mocks {
namespace {

namespace json = boost::json;
using support::ConfigReader;
using support::ConfigSchema;
using support::read_choice;
using support::read_into;
using support::type_error;

constexpr long long max_ll = std::numeric_limits<long long>::max();
constexpr std::size_t max_size = std::numeric_limits<std::size_t>::max();

// The text catalogue keys of §4.2 (asurso: T-…, esia: T-E-…).
constexpr std::string_view asurso_text_keys[] = {
    "T-PORTAL-TITLE",
    "T-PORTAL-SUBTITLE",
    "T-CAT-PUPIL",
    "T-CAT-TEACHER",
    "T-CAT-EM",
    "T-ESIA-BUTTON",
    "T-ESIA-NOTICE",
    "T-PH-CID",
    "T-PH-SID",
    "T-PH-PID",
    "T-PH-CN",
    "T-PH-SFT",
    "T-PH-SCID",
    "T-LABEL-UN",
    "T-LABEL-PW",
    "T-LOGIN-BUTTON",
    "T-HINT-LATIN",
    "T-HINT-ATTEMPTS",
    "T-HINT-FORGOT",
    "T-HINT-UNDER-14",
    "T-WRONG-CRED",
    "T-STALE-SALT",
    "T-LOCKED",
    "T-SCHOOL-LOGIN-OFF",
    "T-ROLE-UNAVAILABLE",
    "T-CHOOSE-ROLE",
    "T-LOGIN-STATE-EXPIRED",
    "T-BIND-NONE",
    "T-BIND-HOWTO",
    "T-BIND-EXIT",
    "T-BIND-CONTINUE",
    "T-BIND-CARD-TITLE",
    "T-LABEL-SFT",
    "T-LABEL-SCID",
    "T-BIND-OTHER-OID",
    "T-UNDER-14",
    "T-ESIA-FAILED",
    "T-ESIA-CANCELLED",
    "T-ESIA-UNCONFIRMED",
    "T-CHPWD-TITLE",
    "T-CHPWD-TITLE-PLAIN",
    "T-LABEL-OLD-PW",
    "T-LABEL-NEW-PW",
    "T-LABEL-NEW-PW2",
    "T-CHPWD-SUBMIT",
    "T-CHPWD-SKIP",
    "T-PWD-LATIN",
    "T-PWD-SHORT",
    "T-PWD-SAME",
    "T-PWD-OLD-WRONG",
    "T-PWD-WEAK",
    "T-PWD-CHANGED",
    "T-MAIN-LOGOUT",
    "T-UNAUTHORIZED",
    "T-FORBIDDEN",
    "T-BAD-REQUEST",
};
constexpr std::string_view esia_text_keys[] = {
    "T-E-TITLE",         "T-E-LOGIN-H1",        "T-E-TAB-PHONE",     "T-E-TAB-SNILS",
    "T-E-LABEL-PHONE",   "T-E-LABEL-SNILS",     "T-E-LABEL-PW",      "T-E-FOREIGN",
    "T-E-SUBMIT",        "T-E-RECOVERY",        "T-E-BAD-CRED",      "T-E-BAD-LOGIN",
    "T-E-LOCKED",        "T-E-SESSION-EXPIRED", "T-E-MFA-TITLE",     "T-E-MFA-SENT",
    "T-E-MFA-WRONG",     "T-E-CONTINUE",        "T-E-CAPTCHA-TITLE", "T-E-CONSENT-TITLE",
    "T-E-CONSENT-ALLOW", "T-E-CONSENT-DENY",    "T-E-LOGGED-OUT",    "T-E-ERROR-TITLE",
};

bool contains(std::span<const std::string_view> keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// asurso.messages / esia.messages: an object of strings whose keys are catalogue keys.
template <class Map>
ConfigReader read_messages(Map& out, std::span<const std::string_view> keys,
                           std::string_view example) {
    return [&out, keys, example](const json::value& v, const std::string& path,
                                 std::vector<std::string>& errors) {
        std::map<std::string, std::string> items;
        const std::size_t before = errors.size();
        read_into(items)(v, path, errors);
        if (errors.size() != before) {
            return;
        }
        for (auto& [key, text] : items) {
            if (!contains(keys, key)) {
                errors.push_back(path + "." + key + ": unknown text key (expected a key of the " +
                                 "§4.2 catalogue such as " + std::string(example) + ")");
                continue;
            }
            out[key] = text;
        }
    };
}

// "http://host[:port][/...]" or https; stored without a trailing slash.
ConfigReader read_base_url(std::string& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        if (!v.is_string()) {
            errors.push_back(type_error(path, "a URL string (http://… or https://…)", v));
            return;
        }
        std::string url(v.get_string());
        const bool http = url.rfind("http://", 0) == 0 && url.size() > 7;
        const bool https = url.rfind("https://", 0) == 0 && url.size() > 8;
        if (!http && !https) {
            errors.push_back(path + ": expected a URL starting with http:// or https://, got \"" +
                             url + "\"");
            return;
        }
        while (!url.empty() && url.back() == '/') {
            url.pop_back();
        }
        out = url;
    };
}

ConfigReader read_listen(std::optional<ListenAddress>& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        const std::string expected = "\"<address>:<port>\" such as \"127.0.0.1:8080\"";
        if (!v.is_string()) {
            errors.push_back(type_error(path, expected, v));
            return;
        }
        auto parsed = parse_listen_address(v.get_string());
        if (!parsed) {
            errors.push_back(path + ": expected " + expected + ", got \"" +
                             std::string(v.get_string()) + "\"");
            return;
        }
        out = std::move(parsed);
    };
}

// "+04:00", "-03:30", "Z".
ConfigReader read_utc_offset(std::chrono::minutes& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        const std::string expected = "a UTC offset \"+HH:MM\" or \"-HH:MM\"";
        if (!v.is_string()) {
            errors.push_back(type_error(path, expected, v));
            return;
        }
        const std::string s(v.get_string());
        const auto parsed = support::parse_utc_offset(s, true);
        switch (parsed.error) {
        case support::UtcOffsetError::format:
            errors.push_back(path + ": expected " + expected + ", got \"" + s + "\"");
            return;
        case support::UtcOffsetError::range:
            errors.push_back(path + ": offset out of range: \"" + s + "\"");
            return;
        case support::UtcOffsetError::none:
            out = parsed.offset;
            return;
        }
    };
}

// A string or null (null = "").
ConfigReader read_optional_path(std::string& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        if (v.is_null()) {
            out.clear();
            return;
        }
        if (!v.is_string()) {
            errors.push_back(type_error(path, "a file name or null", v));
            return;
        }
        out = std::string(v.get_string());
    };
}

// clock.*_offset_s: a number whose host time stays within the years 1970 to 2261, as for
// PUT /mock/clock (MOCK-CP-10, common/host_clock.hpp).
ConfigReader read_clock_offset(double& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        double seconds = 0;
        const std::size_t before = errors.size();
        read_into(seconds, -1e10, 1e10)(v, path, errors);
        if (errors.size() != before) {
            return;
        }
        const auto offset = common::checked_clock_offset(seconds, common::HostClock::Clock::now());
        if (!offset) {
            errors.push_back(path + ": " + offset.problem().message);
            return;
        }
        out = seconds;
    };
}

// `defects`: names of either host's defects.
ConfigReader read_defects(std::vector<std::string>& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        std::vector<std::string> names;
        const std::size_t before = errors.size();
        read_into(names)(v, path, errors);
        if (errors.size() != before) {
            return;
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (!common::find_defect(names[i])) {
                errors.push_back(path + "[" + std::to_string(i) + "]: unknown defect \"" +
                                 names[i] + "\" (logintest mock --list-defects lists them)");
            }
        }
        if (errors.size() == before) {
            out = std::move(names);
        }
    };
}

// asurso.password.deny_md5: lowercase md5hex strings.
ConfigReader read_md5_list(std::vector<std::string>& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        std::vector<std::string> items;
        const std::size_t before = errors.size();
        read_into(items)(v, path, errors);
        if (errors.size() != before) {
            return;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto& h = items[i];
            h = support::to_lower(h);
            if (h.size() != 32 || !std::all_of(h.begin(), h.end(),
                                               [](unsigned char c) { return std::isxdigit(c); })) {
                errors.push_back(path + "[" + std::to_string(i) +
                                 "]: expected an MD5 as 32 hexadecimal characters");
            }
        }
        if (errors.size() == before) {
            out = std::move(items);
        }
    };
}

// The whole §23 schema, bound to `c`. `profile`, `anomaly`, `jwt_alg` and `seed` are read as
// words / integers and converted after the walk.
struct Words {
    std::string profile = "gost";
    std::string anomaly = "captcha";
    std::optional<long long> generator_seed;
};

void add_host_keys(ConfigSchema& s, MockConfig& c) {
    s.add("hosts.asurso.listen", read_listen(c.hosts.asurso.listen));
    s.add("hosts.esia.listen", read_listen(c.hosts.esia.listen));
    s.add("hosts.asurso.public_base_url", read_base_url(c.hosts.asurso.public_base_url));
    s.add("hosts.esia.public_base_url", read_base_url(c.hosts.esia.public_base_url));
    s.add("tls.enabled", read_into(c.tls.enabled));
    s.add("tls.ca_file", read_into(c.tls.ca_file));
    s.add("clock.asurso_offset_s", read_clock_offset(c.clock.asurso_offset_s));
    s.add("clock.esia_offset_s", read_clock_offset(c.clock.esia_offset_s));
    s.add("fixture.path", read_optional_path(c.fixture.path));
    s.add("fixture.load_pool_size", read_into(c.fixture.load_pool_size, 0, 99999));
    s.add("fixture.load_pool_unbound", read_into(c.fixture.load_pool_unbound, 0, 99999));
    s.add("limits.max_sessions", read_into(c.limits.max_sessions, 1, max_size));
    s.add("limits.max_presessions", read_into(c.limits.max_presessions, 1, max_size));
    s.add("limits.max_pending", read_into(c.limits.max_pending, 1, max_size));
    s.add("limits.max_connections", read_into(c.limits.max_connections, 1, 1000000));
    s.add("limits.idle_timeout_s", read_into(c.limits.idle_timeout_s, 0.1, 86400));
    s.add("control_plane.enabled", read_into(c.control_plane.enabled));
    s.add("defects", read_defects(c.defects));
    s.add("faults",
          [&c](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
              auto parsed = common::parse_fault_config(v, path);
              errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
              if (parsed.config) {
                  c.faults = std::move(*parsed.config);
              }
          });
}

void add_asurso_keys(ConfigSchema& s, asurso::AsursoConfig& a, Words& w) {
    s.add("asurso.product_name", read_into(a.product_name));
    s.add("asurso.version", read_into(a.version));
    s.add("asurso.cache_ver", read_into(a.cache_ver));
    s.add("asurso.school_login_enabled", read_into(a.school_login_enabled));
    s.add("asurso.esia_login_enabled", read_into(a.esia_login_enabled));
    s.add("asurso.esia_button", read_into(a.esia_button));
    s.add("asurso.esia_main_auth", read_into(a.esia_main_auth));
    s.add("asurso.presession_idle_s", read_into(a.presession_idle_s, 1, max_ll));
    s.add("asurso.salt_ttl_s", read_into(a.salt_ttl_s, 1, max_ll));
    s.add("asurso.session_idle_timeout_ms", read_into(a.session_idle_timeout_ms, 1, max_ll));
    s.add("asurso.login_case_insensitive", read_into(a.login_case_insensitive));
    s.add("asurso.timezone_offset", read_utc_offset(a.timezone_offset));
    s.add("asurso.security_warning", read_into(a.security_warning));
    s.add("asurso.esrnsec_clearing_header", read_into(a.esrnsec_clearing_header));
    s.add("asurso.lockout.threshold", read_into(a.lockout.threshold, 1, 1000000));
    s.add("asurso.lockout.duration_s", read_into(a.lockout.duration_s, 0, max_ll));
    s.add("asurso.lockout.blocks_esia", read_into(a.lockout.blocks_esia));
    s.add("asurso.password.min_length", read_into(a.password.min_length, 1, 1024));
    s.add("asurso.password.generated_length", read_into(a.password.generated_length, 8, 1024));
    s.add("asurso.password.generator_symbols", read_into(a.password.generator_symbols));
    s.add("asurso.password.generator_seed", read_into(w.generator_seed, 0, max_ll));
    s.add("asurso.password.deny_md5", read_md5_list(a.password.deny_md5));
    s.add("asurso.reset_sets_first_login", read_into(a.reset_sets_first_login));
    s.add("asurso.login_state_ttl_s", read_into(a.login_state_ttl_s, 1, max_ll));
    s.add("asurso.bind_min_age_years", read_into(a.bind_min_age_years, 0, 150));
    auto& e = a.esia_client;
    s.add("asurso.esia_client.client_id", read_into(e.client_id));
    s.add("asurso.esia_client.scope", read_into(e.scope));
    s.add("asurso.esia_client.access_type", read_choice(e.access_type, {"online", "offline"}));
    s.add("asurso.esia_client.protocol", read_choice(e.protocol, {"v2", "legacy"}));
    s.add("asurso.esia_client.backchannel_url", read_base_url(e.backchannel_url));
    s.add("asurso.esia_client.backchannel_timeout_ms",
          read_into(e.backchannel_timeout_ms, 1, max_ll));
    s.add("asurso.esia_client.state_ttl_s", read_into(e.state_ttl_s, 1, max_ll));
    s.add("asurso.esia_client.max_pending_states", read_into(e.max_pending_states, 1, max_size));
    s.add("asurso.esia_client.issuer", read_into(e.issuer));
    s.add("asurso.esia_client.id_token_skew_s", read_into(e.id_token_skew_s, 0, max_ll));
    s.add("asurso.esia_client.require_trusted", read_into(e.require_trusted));
    s.add("asurso.esia_client.esia_cert_file", read_into(e.esia_cert_file));
    s.add("asurso.messages", read_messages(a.messages, asurso_text_keys, "T-PWD-SHORT"));
}

void add_esia_keys(ConfigSchema& s, esia::EsiaConfig& e, Words& w) {
    s.add("esia.anomaly_reaction", read_choice(w.anomaly, {"captcha", "sms"}));
    s.add("esia.issuer", read_into(e.issuer));
    s.add("esia.jwt_alg", read_choice(e.jwt_alg, {"GOST3410_2012_256", "RS256"}));
    s.add("esia.signing_cert_file", read_into(e.signing_cert_file));
    s.add("esia.token_ttl_s", read_into(e.token_ttl_s, 1, max_ll));
    s.add("esia.code_ttl_s", read_into(e.code_ttl_s, 1, max_ll));
    s.add("esia.timestamp_window_s", read_into(e.timestamp_window_s, 0, max_ll));
    s.add("esia.pending_auth_ttl_s", read_into(e.pending_auth_ttl_s, 1, max_ll));
    s.add("esia.captcha_threshold", read_into(e.captcha_threshold, 1, 1000000));
    s.add("esia.lock_threshold", read_into(e.lock_threshold, 1, 1000000));
    s.add("esia.lock_duration_s", read_into(e.lock_duration_s, 0, max_ll));
    s.add("esia.otp.length", read_into(e.otp.length, 4, 12));
    s.add("esia.otp.ttl_s", read_into(e.otp.ttl_s, 1, max_ll));
    s.add("esia.otp.attempts", read_into(e.otp.attempts, 1, 1000000));
    s.add("esia.consent_enabled", read_into(e.consent_enabled));
    s.add("esia.rotate_session_on_login", read_into(e.rotate_session_on_login));
    s.add("esia.legacy_endpoints", read_into(e.legacy_endpoints));
    s.add("esia.refresh_grant", read_into(e.refresh_grant));
    s.add("esia.messages", read_messages(e.messages, esia_text_keys, "T-E-BAD-CRED"));
}

ConfigSchema schema_for(MockConfig& c, Words& w) {
    ConfigSchema s;
    add_host_keys(s, c);
    s.add("crypto.profile", read_choice(w.profile, {"gost", "rsa"}));
    s.add("crypto.keys_dir", read_into(c.crypto.keys_dir));
    add_asurso_keys(s, c.asurso, w);
    add_esia_keys(s, c.esia, w);
    return s;
}

} // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
        return std::nullopt;
    }
    std::string_view address = text.substr(0, colon);
    const std::string_view port = text.substr(colon + 1);
    if (address.front() == '[') {
        if (address.size() < 3 || address.back() != ']') {
            return std::nullopt;
        }
        address = address.substr(1, address.size() - 2);
    } else if (address.find(':') != std::string_view::npos) {
        return std::nullopt; // IPv6 needs brackets
    }
    if (port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return std::nullopt;
    }
    const long n = std::stol(std::string(port));
    if (n > 65535) {
        return std::nullopt;
    }
    return ListenAddress{std::string(address), static_cast<std::uint16_t>(n)};
}

MockConfigParse parse_mock_config(std::string_view json_text) {
    MockConfigParse result;
    auto& c = result.config;
    if (support::trim(json_text).empty()) {
        return result; // empty file: every default
    }
    boost::system::error_code ec;
    const auto root = json::parse(json_text, ec);
    if (ec) {
        result.errors.push_back("not valid JSON: " + ec.message());
        return result;
    }
    Words words;
    const auto schema = schema_for(c, words);
    std::set<std::string> seen;
    schema.apply(root, "", result.errors, &seen);
    c.present.insert(seen.begin(), seen.end());

    c.crypto.profile = words.profile == "rsa" ? crypto::Profile::rsa : crypto::Profile::gost;
    c.esia.anomaly_reaction =
        words.anomaly == "sms" ? esia::AnomalyReaction::sms : esia::AnomalyReaction::captcha;
    if (words.generator_seed) {
        c.asurso.password.generator_seed = static_cast<std::uint64_t>(*words.generator_seed);
    }
    return result;
}

std::vector<std::string> mock_config_keys() {
    MockConfig c;
    Words w;
    return schema_for(c, w).keys();
}

} // namespace logintest::mocks
