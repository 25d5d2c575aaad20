// MockStack (mock_stack.hpp): the asurso and esia hosts, each an app on its own HttpServer
// with its own io_context thread(s) and its own state (MOCK-HOST-1). start() resolves the
// §23 configuration into one AsursoConfig and one EsiaConfig (addresses, base URLs, TLS,
// clocks, limits), then builds the apps, installs start-up defects and faults, and starts
// serving. The apps are declared before the servers so they outlive every request in flight.
#include "mocks/mock_stack.hpp"

#include "crypto/tls_material.hpp"
#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/defects.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/mock_keys.hpp"
#include "mocks/common/server.hpp"
#include "mocks/esia/esia_app.hpp"
#include "support/text/file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace logintest::mocks {
namespace {

// The host of "https://name:port/..." ("" if none).
std::string url_host(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) {
        return {};
    }
    std::string rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find('/'));
    if (!rest.empty() && rest.front() == '[') {
        return rest.substr(1, rest.find(']') - 1);
    }
    return rest.substr(0, rest.find(':'));
}

bool is_wildcard(const std::string& address) {
    return address == "0.0.0.0" || address == "::" || address.empty();
}

// MOCK-HOST-5: the spec's SANs, plus the listen address and the public name actually used
// when they differ (so a client of a non-default setup can verify too).
std::vector<std::string> server_sans(std::vector<std::string> sans, const std::string& address,
                                     const std::string& public_url) {
    for (const auto& extra : {address, url_host(public_url)}) {
        if (!is_wildcard(extra) && std::find(sans.begin(), sans.end(), extra) == sans.end()) {
            sans.push_back(extra);
        }
    }
    return sans;
}

std::chrono::milliseconds seconds_to_ms(double seconds) {
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

std::string with_slash(std::string dir) {
    if (!dir.empty() && dir.back() != '/') {
        dir += '/';
    }
    return dir;
}

struct Tls {
    std::string ca_pem;
    crypto::PemPair asurso;
    crypto::PemPair esia;
};

class MockStackImpl final : public MockStack {
public:
    ~MockStackImpl() override { stop(); }

    std::string start(const MockStackOptions& options) {
        const MockConfig& config = options.config;
        tls_ = config.tls.enabled;
        const char* scheme = tls_ ? "https" : "http";

        // 1. The fixture first: a bad one is a start error, whatever the ports.
        std::string fixture_text(options.fixture_json);
        if (fixture_text.empty() && !config.fixture.path.empty()) {
            auto text = support::read_file(config.fixture.path);
            if (!text) {
                return fmt::format("fixture.path: cannot read {}: {}", config.fixture.path,
                                   text.problem().message);
            }
            fixture_text = std::move(*text);
        }
        auto fixture =
            common::parse_fixture(fixture_text.empty() ? std::string_view(embedded::fixture_json)
                                                       : std::string_view(fixture_text));
        if (!fixture.fixture) {
            return fixture.error;
        }

        // 2. MOCK-DEF-1: start-up defects, each to the host whose behaviour it changes.
        std::vector<std::string> asurso_defects, esia_defects;
        for (const auto& name : config.defects) {
            const auto defect = common::find_defect(name);
            if (!defect) {
                return fmt::format("defects: unknown defect \"{}\"", name);
            }
            auto& list = common::defect_info(*defect).host == common::Host::asurso ? asurso_defects
                                                                                   : esia_defects;
            list.push_back(name);
        }

        // 3. MOCK-HOST-1: listen addresses; MOCK-HOST-2: public base URLs (explicit wins).
        const ListenAddress asurso_listen = config.hosts.asurso.listen.value_or(
            ListenAddress{options.asurso_address, options.asurso_port});
        const ListenAddress esia_listen = config.hosts.esia.listen.value_or(
            ListenAddress{options.esia_address, options.esia_port});

        // 4. MOCK-HOST-5: a fresh CA and one certificate per host.
        Tls material;
        if (tls_) {
            std::string error;
            auto ca = crypto::generate_tls_ca("logintest mock CA", &error);
            if (!ca) {
                return "TLS: cannot generate the CA: " + error;
            }
            auto asurso_cert = crypto::issue_tls_server_cert(
                *ca, "asurso.ru",
                server_sans({"asurso.ru", "center.asurso.ru", "127.0.0.1"}, asurso_listen.address,
                            config.hosts.asurso.public_base_url),
                &error);
            auto esia_cert =
                asurso_cert
                    ? crypto::issue_tls_server_cert(*ca, "esia.gosuslugi.ru",
                                                    server_sans({"esia.gosuslugi.ru", "127.0.0.2"},
                                                                esia_listen.address,
                                                                config.hosts.esia.public_base_url),
                                                    &error)
                    : std::nullopt;
            if (!asurso_cert || !esia_cert) {
                return "TLS: cannot issue a server certificate: " + error;
            }
            material.ca_pem = ca->cert_pem;
            material.asurso = {asurso_cert->key_pem, asurso_cert->cert_pem};
            material.esia = {esia_cert->key_pem, esia_cert->cert_pem};
        }

        // 5. Bind both listeners.
        asurso_server_ = std::make_unique<common::HttpServer>(
            server_options(options, material.asurso, "asurso"));
        esia_server_ =
            std::make_unique<common::HttpServer>(server_options(options, material.esia, "esia"));
        if (auto error = asurso_server_->listen(asurso_listen.address, asurso_listen.port);
            !error.empty()) {
            return error;
        }
        if (auto error = esia_server_->listen(esia_listen.address, esia_listen.port);
            !error.empty()) {
            return error;
        }
        asurso_base_url_ = !config.hosts.asurso.public_base_url.empty()
                               ? config.hosts.asurso.public_base_url
                               : fmt::format("{}://{}:{}", scheme, options.asurso_public_host,
                                             asurso_server_->port());
        esia_base_url_ =
            !config.hosts.esia.public_base_url.empty()
                ? config.hosts.esia.public_base_url
                : fmt::format("{}://{}:{}", scheme, options.esia_public_host, esia_server_->port());

        // 6. MOCK-HOST-5 / MOCK-CP-6: the CA where clients can read it before we serve.
        if (tls_) {
            ca_pem_ = material.ca_pem;
            ca_file_ = config.tls.ca_file;
            if (!ca_file_.empty()) {
                if (auto error = common::write_file_atomically(ca_file_, ca_pem_); !error.empty()) {
                    return "tls.ca_file: " + error;
                }
            }
        }

        // 7. The hosts' configurations and apps.
        asurso_ = std::make_unique<asurso::AsursoApp>(asurso_config(config, esia_listen),
                                                      *fixture.fixture);
        esia_ = std::make_unique<esia::EsiaApp>(esia_config(config), std::move(*fixture.fixture));
        if (auto error = asurso_->state().defects.set_start(asurso_defects); !error.empty()) {
            return "defects: " + error;
        }
        if (auto error = esia_->state().defects.set_start(esia_defects); !error.empty()) {
            return "defects: " + error;
        }
        // MOCK-FAULT-4: the start-up rules, each host with its own copy, draws and counts.
        for (auto [faults, server] : {std::pair{&asurso_->state().faults, asurso_server_.get()},
                                      std::pair{&esia_->state().faults, esia_server_.get()}}) {
            // A copy of server: clang 14 cannot capture a structured binding (C++20 allows it).
            faults->set_scheduler(
                [server = server](std::chrono::milliseconds delay, std::function<void()> fn) {
                    server->run_after(delay, std::move(fn));
                });
            faults->set_start(config.faults);
        }

        // 8. Serve.
        auto* asurso_app = asurso_.get();
        auto* esia_app = esia_.get();
        asurso_server_->start(
            [asurso_app](common::Request& req, common::Responder respond) {
                asurso_app->handle(req, std::move(respond));
            },
            logger(options, "asurso"));
        esia_server_->start(
            [esia_app](common::Request& req, common::Responder respond) {
                esia_app->handle(req, std::move(respond));
            },
            logger(options, "esia"));
        return {};
    }

    std::string asurso_base_url() const override { return asurso_base_url_; }
    std::string esia_base_url() const override { return esia_base_url_; }
    std::uint16_t asurso_port() const override { return asurso_server_->port(); }
    std::uint16_t esia_port() const override { return esia_server_->port(); }
    std::string asurso_address() const override { return asurso_server_->address(); }
    std::string esia_address() const override { return esia_server_->address(); }
    bool tls() const override { return tls_; }
    std::string ca_pem() const override { return ca_pem_; }
    std::string ca_file() const override { return ca_file_; }

    void stop() override {
        // MOCK-HOST-4: asurso's exchanges with esia in flight answer (aborted) while the
        // servers they answer on still run.
        if (asurso_) {
            asurso_->state().sso.backchannel.stop();
        }
        if (asurso_server_) {
            asurso_server_->stop();
        }
        if (esia_server_) {
            esia_server_->stop();
        }
    }

private:
    // `limits.max_connections`, `limits.idle_timeout_s` (issue 10): a refused connection is
    // counted as the host's event `connections_refused` (MOCK-CP-4) and logged (warn).
    common::ServerOptions server_options(const MockStackOptions& options,
                                         const crypto::PemPair& tls, const std::string& host) {
        common::ServerOptions s;
        s.threads = options.threads;
        if (!tls.cert_pem.empty()) {
            s.tls_cert_pem = tls.cert_pem;
            s.tls_key_pem = tls.key_pem;
        }
        s.max_connections = options.config.limits.max_connections;
        s.idle_timeout = seconds_to_ms(options.config.limits.idle_timeout_s);
        auto sink = options.log;
        s.warn = [host, sink](std::string_view line) {
            const std::string text = host + ": " + std::string(line) + "\n";
            if (sink) {
                sink(text);
            } else {
                std::fwrite(text.data(), 1, text.size(), stderr);
            }
        };
        // The apps exist before the servers start serving, so before any refusal.
        s.connection_refused = [this, host] {
            auto& counters = host == "asurso" ? asurso_->state().counters : esia_->state().counters;
            counters.add("connections_refused");
        };
        return s;
    }

    // One line per request: host, method, path without query, status, time (never a header,
    // a query or a body, so no secret reaches the log).
    static common::RequestLogger logger(const MockStackOptions& options, std::string host) {
        if (!options.log_requests) {
            return {};
        }
        auto sink = options.log;
        return [host = std::move(host), sink](const common::RequestLog& log) {
            const std::string line =
                request_log_line(host, log.method, log.path, log.status, log.elapsed_ms, log.fault);
            if (sink) {
                sink(line);
            } else {
                std::fwrite(line.data(), 1, line.size(), stderr);
            }
        };
    }

    // The settings both hosts share, from the §23 sections.
    template <class HostConfig> void apply_shared(const MockConfig& config, HostConfig& h) const {
        h.tls = tls_; // MOCK-HOST-6: Secure cookies
        h.tls_ca_pem = ca_pem_;
        h.control_plane_enabled = config.control_plane.enabled;
        h.max_sessions = config.limits.max_sessions;
        h.max_pending = config.limits.max_pending;
        h.keys_dir = with_slash(config.crypto.keys_dir);
    }

    asurso::AsursoConfig asurso_config(const MockConfig& config,
                                       const ListenAddress& esia_listen) const {
        asurso::AsursoConfig a = config.asurso;
        apply_shared(config, a);
        a.public_base_url = asurso_base_url_;
        a.esia_public_base_url = esia_base_url_;
        a.clock_offset = seconds_to_ms(config.clock.asurso_offset_s);
        a.max_presessions = config.limits.max_presessions;
        a.load_pool_size = config.fixture.load_pool_size;
        a.load_pool_unbound = config.fixture.load_pool_unbound;
        a.crypto_profile = config.crypto.profile;
        a.esia_client.jwt_alg = config.esia.jwt_alg; // ESIA-JWT-7: one shared setting
        // MOCK-HOST-4: the back channel reaches esia where it really listens.
        if (!config.has("asurso.esia_client.backchannel_url")) {
            const std::string address =
                is_wildcard(esia_listen.address) ? std::string("127.0.0.2") : esia_listen.address;
            a.esia_client.backchannel_url =
                fmt::format("{}://{}:{}", tls_ ? "https" : "http",
                            address.find(':') != std::string::npos ? "[" + address + "]" : address,
                            esia_server_->port());
        }
        if (!config.has("asurso.esia_client.esia_cert_file") && config.has("crypto.keys_dir")) {
            a.esia_client.esia_cert_file = with_slash(config.crypto.keys_dir) + "esia-signing.pem";
        }
        return a;
    }

    esia::EsiaConfig esia_config(const MockConfig& config) const {
        esia::EsiaConfig e = config.esia;
        apply_shared(config, e);
        e.public_base_url = esia_base_url_;
        e.asurso_base_url = asurso_base_url_; // MOCK-FIX-3 `${asurso}`
        e.clock_offset = seconds_to_ms(config.clock.esia_offset_s);
        e.profile = config.crypto.profile;
        e.load_pool_size = config.fixture.load_pool_size;
        e.load_pool_unbound = config.fixture.load_pool_unbound;
        if (!config.has("esia.signing_cert_file") && config.has("crypto.keys_dir")) {
            e.signing_cert_file = with_slash(config.crypto.keys_dir) + "esia-signing.pem";
        }
        return e;
    }

    bool tls_ = false;
    std::string ca_pem_;
    std::string ca_file_;
    // Apps before servers: destroyed after them.
    std::unique_ptr<asurso::AsursoApp> asurso_;
    std::unique_ptr<esia::EsiaApp> esia_;
    std::unique_ptr<common::HttpServer> asurso_server_;
    std::unique_ptr<common::HttpServer> esia_server_;
    std::string asurso_base_url_;
    std::string esia_base_url_;
};

} // namespace

std::string request_log_line(std::string_view host, std::string_view method, std::string_view path,
                             int status, double elapsed_ms, std::string_view fault) {
    const std::string shown =
        status == 0 ? std::string(fault.empty() ? "-" : fault) : std::to_string(status);
    if (status != 0 && !fault.empty()) {
        return fmt::format("{} {} {} {} {:.1f}ms {}\n", host, method, path, shown, elapsed_ms,
                           fault);
    }
    return fmt::format("{} {} {} {} {:.1f}ms\n", host, method, path, shown, elapsed_ms);
}

MockStack::StartResult MockStack::start(const MockStackOptions& options) {
    StartResult result;
    auto stack = std::make_unique<MockStackImpl>();
    result.error = stack->start(options);
    if (result.error.empty()) {
        result.stack = std::move(stack);
    }
    return result;
}

} // namespace logintest::mocks
