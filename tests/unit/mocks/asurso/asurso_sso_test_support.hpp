// Test support for asurso's ESIA single sign-on and binding (§10-§12): key material in a
// per-process temporary directory (asurso's client key is generated there by mock_keys, the
// test ESIA signing key here), id_tokens signed with that key, a fake esia token endpoint on
// 127.0.0.1:0 (a common::HttpServer) that asurso's backchannel really calls, and a client
// that can wait for the asynchronous callback. The asurso app runs on the fixed clock of
// asurso_test_support.hpp (2025-11-28 22:40:05 Moscow time).
#pragma once

#include "asurso_test_support.hpp"

#include "crypto/base64url.hpp"
#include "crypto/gost.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/mock_keys.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/common/server.hpp"

#include <boost/json/serialize.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::testing {

inline crypto::Profile test_profile() {
    return crypto::gost_available() ? crypto::Profile::gost : crypto::Profile::rsa;
}

inline std::string test_jwt_alg() {
    return test_profile() == crypto::Profile::gost ? "GOST3410_2012_256" : "RS256";
}

// A key directory for this test process, removed at exit.
inline const std::filesystem::path& sso_keys_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("logintest-sso-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                            ("logintest-sso-test-" + std::to_string(::getpid())),
                                        ec);
        });
        return d;
    }();
    return dir;
}

// The test ESIA signing key; its certificate is written to esia-signing.pem in the dir.
inline const crypto::KeyAndCertificate& esia_test_key() {
    static const crypto::KeyAndCertificate pair = [] {
        const auto dir = sso_keys_dir();
        auto made = common::load_or_generate_key(dir / "esia-signing.key", dir / "esia-signing.pem",
                                                 test_profile(), "ESIA test");
        if (!made.pair) {
            throw std::runtime_error(made.error);
        }
        return *made.pair;
    }();
    return pair;
}

// asurso's client certificate as the app generated it (after its first use of the key).
inline crypto::Certificate asurso_client_cert() {
    auto cert = common::load_certificate_file(sso_keys_dir() / "client-ASURSO.pem");
    if (!cert) {
        throw std::runtime_error("no client-ASURSO.pem");
    }
    return *cert;
}

inline std::int64_t epoch_s(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// An ESIA person as the fake esia issues it a code.
struct TestPerson {
    std::int64_t oid = 1000299655; // E2
    std::string lvl = "PR";
    bool trusted = true;
};

// The id_token of ESIA-JWT-2/3 for `p`, issued at the fixed time; `edit` may change header
// and payload before signing.
inline std::string
make_id_token(const TestPerson& p,
              const std::function<void(boost::json::object& header, boost::json::object& payload)>&
                  edit = {}) {
    const auto iat = epoch_s(fixed_time());
    boost::json::object header{{"alg", test_jwt_alg()}, {"sbt", "id"}, {"typ", "JWT"}, {"ver", 1}};
    boost::json::object sbj;
    sbj["urn:esia:sbj:typ"] = "P";
    if (p.trusted) {
        sbj["urn:esia:sbj:is_tru"] = true;
    }
    sbj["urn:esia:sbj:oid"] = p.oid;
    sbj["urn:esia:sbj:nam"] = "OID." + std::to_string(p.oid);
    sbj["urn:esia:sbj:lvl"] = p.lvl;
    boost::json::object payload;
    payload["aud"] = "ASURSO";
    payload["sub"] = p.oid;
    payload["nbf"] = iat;
    payload["iat"] = iat;
    payload["exp"] = iat + 3600;
    payload["auth_time"] = iat - 5;
    payload["amr"] = "PWD";
    payload["urn:esia:amd"] = "PWD";
    payload["iss"] = "http://esia.gosuslugi.ru/";
    payload["urn:esia:sid"] = "3d0f2a9e-6b1c-4f5e-8a7d-2c9b0e1f4a6d";
    payload["urn:esia:sbj"] = std::move(sbj);
    if (edit) {
        edit(header, payload);
    }
    const std::string signing_input = crypto::b64url_encode(boost::json::serialize(header)) + "." +
                                      crypto::b64url_encode(boost::json::serialize(payload));
    return signing_input + "." + crypto::b64url_encode(esia_test_key().key.sign(signing_input));
}

// A fake esia: POST /aas/oauth2/v3/te (and the legacy /aas/oauth2/te) answers the token set
// of the person its code was issued to, or what `te_override` returns; GET /rs/prns/{oid}
// answers names. Every request is recorded.
class FakeEsia {
public:
    struct Recorded {
        std::string method, path, host, content_type, body, authorization;
    };
    using Override = std::function<std::optional<common::Response>(const common::Params& form)>;

    // `options` with a TLS certificate and key: the fake esia speaks HTTPS.
    explicit FakeEsia(common::ServerOptions options = {})
        : tls_(!options.tls_cert_pem.empty()), server_(std::move(options)) {
        const auto error = server_.listen("127.0.0.1", 0);
        if (!error.empty()) {
            throw std::runtime_error(error);
        }
        server_.start([this](common::Request& req, common::Responder respond) {
            handle(req, std::move(respond));
        });
    }
    ~FakeEsia() {
        std::vector<common::Responder> held;
        {
            std::lock_guard lock(mutex_);
            held = std::move(held_);
        }
        held.clear(); // answered (500) while the server still runs
        server_.stop();
    }

    std::string url() const {
        return (tls_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(server_.port());
    }

    // A code the te endpoint exchanges for `person`'s tokens.
    std::string issue_code(const TestPerson& person) {
        std::lock_guard lock(mutex_);
        const std::string code =
            "code-" + std::to_string(codes_.size() + 1) + "-" + std::to_string(person.oid);
        codes_[code] = person;
        return code;
    }

    void set_te_override(Override o) {
        std::lock_guard lock(mutex_);
        te_override_ = std::move(o);
    }
    void set_never_answer(bool on) {
        std::lock_guard lock(mutex_);
        never_answer_ = on;
    }
    void set_person_names(std::string last, std::string first) {
        std::lock_guard lock(mutex_);
        last_name_ = std::move(last);
        first_name_ = std::move(first);
    }

    std::vector<Recorded> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }
    std::size_t te_count() const {
        std::size_t n = 0;
        for (const auto& r : requests()) {
            n += r.path.find("/te") != std::string::npos ? 1 : 0;
        }
        return n;
    }

private:
    void handle(common::Request& req, common::Responder respond) {
        std::unique_lock lock(mutex_);
        requests_.push_back({req.method, req.path, std::string(req.header("Host").value_or("")),
                             std::string(req.header("Content-Type").value_or("")), req.body,
                             std::string(req.header("Authorization").value_or(""))});
        if (never_answer_) {
            held_.push_back(std::move(respond)); // answered 500 when the fake stops
            return;
        }
        if (req.path.starts_with("/rs/prns/")) {
            boost::json::object person{{"firstName", first_name_}, {"lastName", last_name_}};
            lock.unlock();
            return respond(common::json(200, person));
        }
        const auto form = common::parse_params(req.body);
        const common::Params parsed = form ? *form : common::Params{};
        if (te_override_) {
            auto o = te_override_;
            lock.unlock();
            if (auto r = o(parsed)) {
                return respond(std::move(*r));
            }
            lock.lock();
        }
        const auto code = std::string(parsed.value_or_empty("code"));
        const auto it = codes_.find(code);
        if (it == codes_.end()) {
            lock.unlock();
            return respond(common::json_text(
                400, R"({"error":"invalid_grant","error_description":"ESIA-007011: x"})"));
        }
        const TestPerson person = it->second;
        lock.unlock();
        boost::json::object body;
        body["access_token"] = "access." + std::to_string(person.oid);
        body["id_token"] = make_id_token(person);
        body["refresh_token"] = "refresh";
        body["state"] = std::string(parsed.value_or_empty("state"));
        body["token_type"] = "Bearer";
        body["expires_in"] = 3600;
        respond(common::json(200, body));
    }

    mutable std::mutex mutex_;
    std::map<std::string, TestPerson> codes_;
    std::vector<Recorded> requests_;
    std::vector<common::Responder> held_;
    Override te_override_;
    bool never_answer_ = false;
    std::string last_name_ = "Смирнова", first_name_ = "Ольга";
    bool tls_ = false;
    common::HttpServer server_; // last: stopped and destroyed first
};

// An asurso app with the test key material and `esia_url` as its backchannel.
inline std::unique_ptr<asurso::AsursoApp>
make_sso_asurso(const std::string& esia_url,
                const std::function<void(asurso::AsursoConfig&)>& edit = {}) {
    esia_test_key(); // writes esia-signing.pem first
    asurso::AsursoConfig config;
    config.keys_dir = sso_keys_dir().string();
    config.crypto_profile = test_profile();
    config.esia_client.esia_cert_file = (sso_keys_dir() / "esia-signing.pem").string();
    config.esia_client.backchannel_url = esia_url;
    config.esia_client.backchannel_timeout_ms = 3000;
    if (edit) {
        edit(config);
    }
    return make_asurso(std::move(config));
}

// Runs a request whose answer may come later (the callback) and waits for it.
inline Response call_async(asurso::AsursoApp& app, Request req) {
    auto promise = std::make_shared<std::promise<Response>>();
    auto future = promise->get_future();
    app.handle(req, common::Responder([promise](Response r) { promise->set_value(std::move(r)); }));
    if (future.wait_for(std::chrono::seconds(15)) != std::future_status::ready) {
        throw std::runtime_error("no answer within 15 s");
    }
    return future.get();
}

// The value of query parameter `name` in a URL.
inline std::string url_param(std::string_view url, std::string_view name) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) {
        return {};
    }
    const auto parsed = common::parse_params(url.substr(q + 1));
    return parsed ? std::string(parsed->value_or_empty(name)) : std::string();
}

// A Client that also follows the SSO steps.
class SsoClient : public Client {
public:
    explicit SsoClient(asurso::AsursoApp& app) : Client(app), app_(app) {}

    // GET crosslogin; returns the `state` sent to esia.
    std::string crosslogin(std::string_view query = {}) {
        last = get("/webapi/sso/esia/crosslogin" +
                   (query.empty() ? std::string() : "?" + std::string(query)));
        return url_param(last.header("Location").value_or(""), "state");
    }

    // The callback, waiting for the backchannel; cookies kept.
    Response callback(std::string_view query) {
        std::vector<common::Header> headers;
        std::string cookie_header;
        for (const auto& [name, value] : cookies) {
            cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
        }
        if (!cookie_header.empty()) {
            headers.push_back({"Cookie", cookie_header});
        }
        Response r = call_async(
            app_, common::make_request("GET", "/webapi/sso/esia/callback?" + std::string(query),
                                       std::move(headers)));
        for (const auto set : r.headers_named("Set-Cookie")) {
            host_testing::keep_cookie(cookies, set);
        }
        return r;
    }

    // crosslogin + callback with a code of `esia` for `person`: the callback's answer.
    Response esia_login(FakeEsia& esia, const TestPerson& person) {
        const std::string state = crosslogin();
        return callback("code=" + esia.issue_code(person) + "&state=" + state);
    }

    // The loginState of a callback answer ("" if none).
    static std::string login_state_of(const Response& r) {
        return url_param(r.header("Location").value_or(""), "loginState");
    }

    // esia_login and the loginState it gave.
    std::string login_state(FakeEsia& esia, const TestPerson& person) {
        return login_state_of(esia_login(esia, person));
    }

    Response last;

private:
    asurso::AsursoApp& app_;
};

// §22 ESIA accounts used by the tests.
inline const TestPerson e1{1000299654, "PR", true}; // bound to ИвановаЕ 592650
inline const TestPerson e2{1000299655, "PR", true}; // unbound (smirnova.ov)
inline const TestPerson e3{1000299656, "PR", true}; // unbound
inline const TestPerson e4{1000299657, "PR", true}; // bound to ИвановИ 592640
inline const TestPerson e5{1000299658, "KD", true}; // child account
inline const TestPerson e6{1000299659, "P", false}; // unconfirmed

// The base of the SSO fixtures: a fake ESIA, an asurso app whose backchannel calls it, a client
// of the app, and the app's event counters.
class AsursoSsoTest : public ::testing::Test {
protected:
    FakeEsia esia;
    std::unique_ptr<asurso::AsursoApp> app = make_sso_asurso(esia.url());
    SsoClient client{*app};

    std::int64_t event(std::string_view name) { return app->state().counters.event(name); }
};

} // namespace logintest::mocks::testing
