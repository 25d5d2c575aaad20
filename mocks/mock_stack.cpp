// MockStack (mock_stack.hpp): the asurso and esia hosts, each an app on its own HttpServer
// with its own io_context thread(s) and its own state (MOCK-HOST-1). The apps are declared
// before the servers so they outlive every request in flight.
#include "mocks/mock_stack.hpp"

#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/server.hpp"
#include "mocks/esia/esia_app.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace logintest::mocks {
namespace {

// One line per request on stderr: host, method, path without query, status, time. Never a
// header, a query or a body, so no cookie, `at` or password can reach the log.
common::RequestLogger stderr_logger(std::string host) {
    return [host = std::move(host)](const common::RequestLog& log) {
        const std::string line = fmt::format("{} {} {} {} {:.1f}ms\n", host, log.method, log.path,
                                             log.status, log.elapsed_ms);
        std::fwrite(line.data(), 1, line.size(), stderr);
    };
}

class MockStackImpl final : public MockStack {
public:
    explicit MockStackImpl(const MockStackOptions& options)
        : asurso_server_(server_options(options)), esia_server_(server_options(options)) {}

    ~MockStackImpl() override { stop(); }

    std::string start(const MockStackOptions& options) {
        // The fixture first: a bad one is a start error, whatever the ports.
        const std::string_view fixture_json =
            options.fixture_json.empty() ? embedded::fixture_json : options.fixture_json;
        auto fixture = common::parse_fixture(fixture_json);
        if (!fixture.fixture) {
            return fixture.error;
        }
        // MOCK-HOST-1: asurso and esia on their own addresses; port 0 = a free port.
        if (auto error = asurso_server_.listen(options.asurso_address, options.asurso_port);
            !error.empty()) {
            return error;
        }
        if (auto error = esia_server_.listen(options.esia_address, options.esia_port);
            !error.empty()) {
            return error;
        }
        // MOCK-HOST-2: public base URLs from the names and the bound ports.
        asurso_base_url_ =
            fmt::format("http://{}:{}", options.asurso_public_host, asurso_server_.port());
        esia_base_url_ = fmt::format("http://{}:{}", options.esia_public_host, esia_server_.port());

        asurso::AsursoConfig asurso_config;
        asurso_config.public_base_url = asurso_base_url_;
        asurso_ = std::make_unique<asurso::AsursoApp>(std::move(asurso_config), *fixture.fixture);

        esia::EsiaConfig esia_config;
        esia_config.public_base_url = esia_base_url_;
        esia_config.asurso_base_url = asurso_base_url_;
        esia_ =
            std::make_unique<esia::EsiaApp>(std::move(esia_config), std::move(*fixture.fixture));

        auto* asurso_app = asurso_.get();
        auto* esia_app = esia_.get();
        asurso_server_.start(
            [asurso_app](common::Request& req, common::Responder respond) {
                asurso_app->handle(req, std::move(respond));
            },
            options.log_requests ? stderr_logger("asurso") : common::RequestLogger{});
        esia_server_.start(
            [esia_app](common::Request& req, common::Responder respond) {
                esia_app->handle(req, std::move(respond));
            },
            options.log_requests ? stderr_logger("esia") : common::RequestLogger{});
        return {};
    }

    std::string asurso_base_url() const override { return asurso_base_url_; }
    std::string esia_base_url() const override { return esia_base_url_; }
    std::uint16_t asurso_port() const override { return asurso_server_.port(); }
    std::uint16_t esia_port() const override { return esia_server_.port(); }
    std::string asurso_address() const override { return asurso_server_.address(); }
    std::string esia_address() const override { return esia_server_.address(); }

    void stop() override {
        asurso_server_.stop();
        esia_server_.stop();
    }

private:
    static common::ServerOptions server_options(const MockStackOptions& options) {
        common::ServerOptions s;
        s.threads = options.threads;
        return s;
    }

    // Apps before servers: destroyed after them.
    std::unique_ptr<asurso::AsursoApp> asurso_;
    std::unique_ptr<esia::EsiaApp> esia_;
    common::HttpServer asurso_server_;
    common::HttpServer esia_server_;
    std::string asurso_base_url_;
    std::string esia_base_url_;
};

} // namespace

MockStack::StartResult MockStack::start(const MockStackOptions& options) {
    StartResult result;
    auto stack = std::make_unique<MockStackImpl>(options);
    result.error = stack->start(options);
    if (result.error.empty()) {
        result.stack = std::move(stack);
    }
    return result;
}

} // namespace logintest::mocks
