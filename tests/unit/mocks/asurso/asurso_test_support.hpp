// Test support for handler-level asurso tests: an AsursoApp on a fixed clock, a synchronous
// call helper, and a tiny cookie-keeping client with the login steps of §6 (no network).
#pragma once

#include "crypto/netschool_hash.hpp"
#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/http_message.hpp"
#include "mocks/common/text.hpp"

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

// 2025-11-28T19:40:05Z, 23:40:05 in Samara (+04:00): a Friday.
inline std::chrono::system_clock::time_point fixed_time() {
    using namespace std::chrono;
    return sys_days{year{2025} / November / 28} + hours{19} + minutes{40} + seconds{5};
}

inline std::unique_ptr<asurso::AsursoApp> make_asurso(asurso::AsursoConfig config = {}) {
    auto created = asurso::AsursoApp::create(std::move(config), {}, [] { return fixed_time(); });
    if (!created.app) {
        throw std::runtime_error(created.error);
    }
    return std::move(created.app);
}

// Runs a request through the app and returns the response (handlers answer synchronously).
inline Response call(asurso::AsursoApp& app, Request req) {
    std::optional<Response> out;
    app.handle(req, common::Responder([&out](Response r) { out = std::move(r); }));
    if (!out) {
        throw std::runtime_error("handler did not answer synchronously");
    }
    return std::move(*out);
}

inline boost::json::value body_json(const Response& r) {
    return boost::json::parse(r.body);
}

inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        if (!out.empty()) {
            out += '&';
        }
        out += common::percent_encode(k) + "=" + common::percent_encode(v);
    }
    return out;
}

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
        std::string cookie_header;
        for (const auto& [name, value] : cookies) {
            if (!cookie_header.empty()) {
                cookie_header += "; ";
            }
            cookie_header += name + "=" + value;
        }
        if (!cookie_header.empty()) {
            headers.push_back({"Cookie", cookie_header});
        }
        if (!content_type.empty()) {
            headers.push_back({"Content-Type", content_type});
        }
        Response r = call(app_, common::make_request(std::move(method), std::move(target),
                                                     std::move(headers), std::move(body)));
        for (const auto set : r.headers_named("Set-Cookie")) {
            const auto semi = set.find(';');
            const auto pair = set.substr(0, semi);
            const auto eq = pair.find('=');
            const std::string name(pair.substr(0, eq));
            const std::string value(pair.substr(eq + 1));
            if (value.empty() || set.find("Max-Age=0") != std::string_view::npos) {
                cookies.erase(name);
            } else {
                cookies[name] = value;
            }
        }
        return r;
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

} // namespace logintest::mocks::testing
