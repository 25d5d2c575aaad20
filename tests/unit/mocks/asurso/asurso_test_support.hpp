// Test support for handler-level asurso tests: an AsursoApp on a fixed clock, a synchronous
// call helper, and a tiny cookie-keeping client with the login steps of §6 (no network).
#pragma once

#include "crypto/netschool_hash.hpp"
#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/http_message.hpp"
#include "tests/unit/mocks/common/host_test_support.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace logintest::mocks::testing {

using common::Request;
using common::Response;

// The bodies of asurso's 409 answers (texts T-WRONG-CRED, T-STALE-SALT, T-LOCKED).
constexpr std::string_view wrong_cred_body =
    R"({"message":"Неправильный пароль или имя пользователя"})";
constexpr std::string_view stale_salt_body =
    R"({"message":"Данные формы входа устарели. Обновите страницу и повторите вход."})";
constexpr std::string_view locked_body =
    R"({"message":"Учётная запись заблокирована после нескольких неудачных попыток входа. )"
    R"(Обратитесь к классному руководителю."})";

// 2025-11-28T19:40:05Z, 23:40:05 in Samara (+04:00): a Friday.
inline std::chrono::system_clock::time_point fixed_time() {
    using namespace std::chrono;
    return sys_days{year{2025} / November / 28} + hours{19} + minutes{40} + seconds{5};
}

inline std::unique_ptr<asurso::AsursoApp> make_asurso(asurso::AsursoConfig config = {}) {
    auto created = asurso::AsursoApp::create(std::move(config), {}, [] { return fixed_time(); });
    if (!created) {
        throw std::runtime_error(created.problem().message);
    }
    return std::move(*created);
}

// An asurso app that answers a login with the security warning (NS-LOGIN-23 (c)).
inline std::unique_ptr<asurso::AsursoApp> make_security_warning_asurso() {
    asurso::AsursoConfig config;
    config.security_warning = true;
    return make_asurso(config);
}

using host_testing::body_json;
using host_testing::call;
using host_testing::form_encode;

struct Salt {
    std::string lt, ver, salt;
};

// A client with its own cookie jar (last non-empty value kept, an empty or Max-Age=0 value
// removes the cookie: NS-SESSION-2).
class Client {
public:
    explicit Client(asurso::AsursoApp& app) : app_(app) {}

    Response send(std::string method, std::string target, std::string body = {},
                  std::string content_type = {}, std::vector<common::Header> headers = {}) {
        return host_testing::send_with_cookies(app_, cookies, std::move(method), std::move(target),
                                               std::move(body), std::move(content_type),
                                               std::move(headers));
    }

    Response get(std::string target, std::vector<common::Header> headers = {}) {
        return send("GET", std::move(target), {}, {}, std::move(headers));
    }

    Salt getdata() {
        const Response r = send("POST", "/webapi/auth/getdata");
        const auto j = body_json(r).as_object();
        return Salt{std::string(j.at("lt").as_string()), std::string(j.at("ver").as_string()),
                    std::string(j.at("salt").as_string())};
    }

    // The NS-LOGIN-16 form for `password` hashed with `salt` (NS-HASH-3).
    static std::vector<std::pair<std::string, std::string>>
    login_fields(const Salt& salt, std::string_view login, std::string_view password, int scid) {
        const auto proof = crypto::netschool_proof(password, salt.salt);
        return {{"LoginType", "1"},
                {"cid", "2"},
                {"sid", "1"},
                {"pid", "-1"},
                {"cn", "1"},
                {"sft", "2"},
                {"scid", std::to_string(scid)},
                {"UN", std::string(login)},
                {"PW", proof.pw},
                {"pw2", proof.pw2},
                {"lt", salt.lt},
                {"ver", salt.ver}};
    }

    Response post_login(const std::vector<std::pair<std::string, std::string>>& fields) {
        return send("POST", "/webapi/login", form_encode(fields),
                    "application/x-www-form-urlencoded");
    }

    // getdata + login: the J1 steps 4-5.
    Response login(std::string_view login, std::string_view password, int scid,
                   std::vector<std::pair<std::string, std::string>> extra = {}) {
        auto fields = login_fields(getdata(), login, password, scid);
        fields.insert(fields.end(), extra.begin(), extra.end());
        return post_login(fields);
    }

    // The `at` of a successful login response.
    static std::string at_of(const Response& r) {
        return std::string(body_json(r).as_object().at("at").as_string());
    }

    std::map<std::string, std::string> cookies;

private:
    asurso::AsursoApp& app_;
};

// The fixture of the handler-level asurso tests: an app on the fixed clock and a client.
class AsursoTest : public ::testing::Test {
protected:
    std::unique_ptr<asurso::AsursoApp> app = make_asurso();
    Client client{*app};
};

// NS-PWD-2: `length` printable ASCII characters with a letter, a digit and one of `symbols`,
// and no other symbol.
inline bool meets_nspwd2(std::string_view pw, std::string_view symbols, std::size_t length) {
    bool letter = false;
    bool digit = false;
    bool symbol = false;
    for (const char c : pw) {
        if (c < 0x21 || c > 0x7E) {
            return false;
        }
        letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        digit = digit || (c >= '0' && c <= '9');
        const bool is_symbol = symbols.find(c) != std::string_view::npos;
        const bool alnum =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && !is_symbol) {
            return false; // only the configured symbols
        }
        symbol = symbol || is_symbol;
    }
    return pw.size() == length && letter && digit && symbol;
}

} // namespace logintest::mocks::testing
