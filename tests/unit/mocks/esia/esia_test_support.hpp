// Test support for handler-level esia tests: one set of keys per test binary (generated once
// in a temporary directory), an EsiaApp on a fixed clock, and a small cookie-keeping client
// that signs its requests like a real relying party (ESIA-SIG-3, -4) with the client keys.
#pragma once

#include "crypto/base64url.hpp"
#include "crypto/gost.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/http_message.hpp"
#include "mocks/common/random.hpp"
#include "mocks/esia/client_signature.hpp"
#include "mocks/esia/esia_app.hpp"
#include "tests/unit/mocks/common/host_test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace logintest::mocks::esia_testing {

using common::Request;
using common::Response;
using esia::EsiaApp;
using esia::EsiaConfig;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

// 2025-11-28T19:40:05Z = 22:40:05 in Moscow (+03:00).
inline std::chrono::system_clock::time_point fixed_time() {
    using namespace std::chrono;
    return sys_days{year{2025} / November / 28} + hours{19} + minutes{40} + seconds{5};
}

inline constexpr std::string_view conftest_callback = "http://client.test/callback";
inline constexpr std::string_view asurso_callback =
    "http://asurso.ru:8080/webapi/sso/esia/callback";

// One temporary keys directory per test binary, removed at exit.
inline const std::filesystem::path& keys_dir() {
    static const std::filesystem::path dir = [] {
        std::string templ =
            (std::filesystem::temp_directory_path() / "logintest-esia-keys-XXXXXX").string();
        if (::mkdtemp(templ.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        static struct Cleanup {
            std::filesystem::path path;
            ~Cleanup() {
                std::error_code ec;
                std::filesystem::remove_all(path, ec);
            }
        } cleanup{templ};
        return std::filesystem::path(templ);
    }();
    return dir;
}

inline EsiaConfig test_config(crypto::Profile profile = crypto::Profile::gost) {
    EsiaConfig config;
    config.profile = profile;
    const auto dir = keys_dir() / (profile == crypto::Profile::gost ? "gost" : "rsa");
    config.keys_dir = dir.string();
    config.signing_cert_file = (dir / "esia-signing.pem").string();
    return config;
}

// The keys of a profile, generated on first use and shared by every app of the binary.
inline const esia::EsiaKeys& shared_keys(crypto::Profile profile = crypto::Profile::gost) {
    // Leaked on purpose: destroyed at exit it would free OpenSSL keys after OpenSSL's own
    // atexit cleanup (the map exists before OpenSSL is first initialised).
    static auto& keys = *new std::map<crypto::Profile, esia::EsiaKeys>;
    auto it = keys.find(profile);
    if (it == keys.end()) {
        auto fixture = common::parse_fixture(embedded::fixture_json);
        auto loaded = esia::load_esia_keys(test_config(profile), *fixture.fixture);
        if (!loaded) {
            throw std::runtime_error(loaded.problem().message);
        }
        it = keys.emplace(profile, std::move(*loaded)).first;
    }
    return it->second;
}

inline std::unique_ptr<EsiaApp> make_esia(EsiaConfig config = test_config()) {
    auto fixture = common::parse_fixture(embedded::fixture_json);
    if (!fixture.fixture) {
        throw std::runtime_error(fixture.error);
    }
    const auto keys = shared_keys(config.profile);
    return std::make_unique<EsiaApp>(std::move(config), std::move(*fixture.fixture), keys,
                                     [] { return fixed_time(); });
}

using host_testing::body_json;
using host_testing::call;
using host_testing::form_encode;

// The value of a query parameter of a URL (first occurrence, percent-decoded).
inline std::optional<std::string> url_param(std::string_view url, std::string_view name) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) {
        return std::nullopt;
    }
    auto parsed = common::parse_params(url.substr(q + 1));
    if (const auto v = parsed ? parsed->get(name) : std::nullopt) {
        return std::string(*v);
    }
    return std::nullopt;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

inline void set_field(Fields& fields, const std::string& name, std::optional<std::string> value) {
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it->first == name) {
            if (value) {
                it->second = *value;
            } else {
                fields.erase(it);
            }
            return;
        }
    }
    if (value) {
        fields.emplace_back(name, *value);
    }
}

// A browser-like client of one esia app with its own cookie jar, and a relying party that
// signs ac and te requests with a client's key.
class EsiaClient {
public:
    explicit EsiaClient(EsiaApp& app) : app_(app) {}

    Response send(std::string method, std::string target, std::string body = {},
                  std::string content_type = {}, std::vector<common::Header> headers = {}) {
        return host_testing::send_with_cookies(app_, cookies, std::move(method), std::move(target),
                                               std::move(body), std::move(content_type),
                                               std::move(headers));
    }

    Response get(std::string target) { return send("GET", std::move(target)); }

    const crypto::KeyAndCertificate& keys(const std::string& client_id) const {
        return *app_.state().keys.clients.at(client_id);
    }
    std::string timestamp(std::chrono::seconds skew = {}) const {
        return esia::format_esia_timestamp(app_.state().now() + skew, std::chrono::hours(3));
    }

    // A correctly signed v2/ac request (ESIA-AC-1, ESIA-SIG-2..4).
    Fields ac_fields(const std::string& client_id = "CONFTEST",
                     std::string redirect_uri = std::string(conftest_callback),
                     std::string scope = "openid fullname", std::string state = {}) const {
        if (state.empty()) {
            state = common::random_uuid4();
        }
        const std::string ts = timestamp();
        Fields f = {{"client_id", client_id},
                    {"client_secret", ""},
                    {"client_certificate_hash",
                     keys(client_id).certificate.hash_hex(app_.state().config.profile)},
                    {"redirect_uri", redirect_uri},
                    {"scope", scope},
                    {"response_type", "code"},
                    {"state", state},
                    {"timestamp", ts},
                    {"access_type", "online"}};
        sign_ac(f);
        return f;
    }
    // (Re)computes client_secret over the fields as they are (ESIA-SIG-4).
    void sign_ac(Fields& f) const {
        std::map<std::string, std::string> m(f.begin(), f.end());
        const auto message = esia::ac_message(m["client_id"], m["scope"], m["scope_org"],
                                              m["timestamp"], m["state"], m["redirect_uri"]);
        set_field(f, "client_secret",
                  crypto::b64url_encode(keys(m["client_id"]).key.sign(message)));
    }
    Response ac(const Fields& f, std::string_view path = "/aas/oauth2/v2/ac") {
        return get(std::string(path) + "?" + form_encode(f));
    }
    // ac with a fresh signed request; 302 to /login/ expected.
    Response start(const std::string& client_id = "CONFTEST",
                   std::string redirect_uri = std::string(conftest_callback),
                   std::string scope = "openid fullname") {
        last_ac = ac_fields(client_id, std::move(redirect_uri), std::move(scope));
        return ac(last_ac);
    }

    Response api_login(std::string_view login, std::string_view password,
                       std::optional<std::string> id_type = std::nullopt,
                       std::optional<bool> foreign_computer = std::nullopt) {
        boost::json::object body;
        body["login"] = login;
        body["password"] = password;
        if (id_type) {
            body["idType"] = *id_type;
        }
        if (foreign_computer) {
            body["foreign_computer"] = *foreign_computer;
        }
        return send("POST", "/aas/oauth2/api/login", boost::json::serialize(body),
                    "application/json");
    }

    // The code of a DONE answer's redirect_url.
    static std::string code_of(const Response& r) {
        const auto j = body_json(r).as_object();
        return url_param(j.at("redirect_url").as_string(), "code").value_or("");
    }

    // ac + login as E1 for CONFTEST: the code.
    std::string code_for(std::string_view login = "+7(900)1234567",
                         std::string_view password = "Esia!Pass1",
                         std::string scope = "openid fullname") {
        start("CONFTEST", std::string(conftest_callback), std::move(scope));
        return code_of(api_login(login, password));
    }

    // A correctly signed v3/te request for `code` (ESIA-TE-1, ESIA-SIG-4).
    Fields te_fields(const std::string& code, const std::string& client_id = "CONFTEST",
                     std::string redirect_uri = std::string(conftest_callback),
                     std::string scope = "openid fullname") const {
        Fields f = {{"client_id", client_id},
                    {"code", code},
                    {"grant_type", "authorization_code"},
                    {"client_secret", ""},
                    {"client_certificate_hash",
                     keys(client_id).certificate.hash_hex(app_.state().config.profile)},
                    {"state", common::random_uuid4()},
                    {"redirect_uri", redirect_uri},
                    {"scope", scope},
                    {"timestamp", timestamp()},
                    {"token_type", "Bearer"}};
        sign_te(f);
        return f;
    }
    void sign_te(Fields& f) const {
        std::map<std::string, std::string> m(f.begin(), f.end());
        const auto message =
            esia::te_message(m["client_id"], m["scope"], m["scope_org"], m["timestamp"], m["state"],
                             m["redirect_uri"], m["code"]);
        set_field(f, "client_secret",
                  crypto::b64url_encode(keys(m["client_id"]).key.sign(message)));
    }
    Response te(const Fields& f, std::string_view path = "/aas/oauth2/v3/te") {
        return send("POST", std::string(path), form_encode(f), "application/x-www-form-urlencoded");
    }

    std::map<std::string, std::string> cookies;
    Fields last_ac;

private:
    EsiaApp& app_;
};

// The decoded header and payload of a JWT (no verification).
inline std::pair<boost::json::object, boost::json::object> jwt_parts(std::string_view token) {
    const auto d1 = token.find('.');
    const auto d2 = token.find('.', d1 + 1);
    auto h = boost::json::parse(*crypto::b64url_decode(token.substr(0, d1))).as_object();
    auto p =
        boost::json::parse(*crypto::b64url_decode(token.substr(d1 + 1, d2 - d1 - 1))).as_object();
    return {std::move(h), std::move(p)};
}

// The fixture of the handler-level esia tests: an app with the shared keys and a client.
class EsiaTest : public ::testing::Test {
protected:
    std::unique_ptr<EsiaApp> app = make_esia();
    EsiaClient client{*app};
};

// An EsiaTest whose client has opened its browser session (EsiaClient::start) before each test.
class StartedEsiaTest : public EsiaTest {
protected:
    void SetUp() override { client.start(); }
};

} // namespace logintest::mocks::esia_testing
