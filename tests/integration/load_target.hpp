// LoadTarget: the fixture of the load integration tests: the in-process mock stack with a
// MOCK-FIX-5 load pool (and, when asked, start-up fault rules or TLS), a client context resolving
// its public names, the fixture accounts, shipped load journeys, and a helper that runs the
// load engine on them with a given configuration. Runs stay small (a few users, <= 2 s).
#pragma once

#include "harness/engine/account_leases.hpp"
#include "harness/engine/accounts.hpp"
#include "harness/http/client.hpp"
#include "harness/load/load_engine.hpp"
#include "harness/scenario/loader.hpp"
#include "mocks/mock_stack.hpp"
#include "support/text/file.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace logintest::embedded {
extern const std::string_view fixture_json;
}

namespace logintest::integration {

class LoadTarget {
public:
    explicit LoadTarget(int pool_size = 50, mocks::common::FaultConfig faults = {},
                        bool tls = false) {
        mocks::MockStackOptions options;
        options.config.fixture.load_pool_size = pool_size;
        options.config.faults = std::move(faults);
        if (tls) {
            options.config.tls.enabled = true;
            options.config.tls.ca_file =
                ::testing::TempDir() + "load-target-ca-" + std::to_string(::getpid()) + ".pem";
        }
        auto started = mocks::MockStack::start(options);
        if (!started.stack) {
            throw std::runtime_error("mock did not start: " + started.error);
        }
        stack_ = std::move(started.stack);
        harness::http::ClientOptions client;
        client.request_timeout = std::chrono::milliseconds(5000);
        client.resolve.add("asurso.ru", stack_->asurso_port(), stack_->asurso_address());
        client.resolve.add("esia.gosuslugi.ru", stack_->esia_port(), stack_->esia_address());
        if (stack_->tls()) {
            client.ca_file = stack_->ca_file();
        }
        client_ = std::make_unique<harness::http::ClientContext>(client);
        auto loaded = harness::engine::Accounts::parse(embedded::fixture_json, "fixture");
        if (!loaded.error.empty()) {
            throw std::runtime_error(loaded.error);
        }
        accounts_ = std::move(loaded.accounts);
        pool_size_ = pool_size;
    }

    // A shipped journey of scenarios/load/ (or scenarios/ with a path).
    static harness::model::Journey journey(const std::string& file) {
        auto loaded = harness::scenario::load_journey_file(
            std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/" + file,
            harness::scenario::SpecIds::builtin(), harness::scenario::standard_variables());
        for (const auto& e : loaded.errors) {
            ADD_FAILURE() << harness::scenario::format_error(e);
        }
        if (!loaded.ok()) {
            throw std::runtime_error("journey did not load: " + file);
        }
        return *loaded.journey;
    }

    // Runs the engine over `journeys` (weights in config.mix or 1 each) against this mock
    // (or against `asurso`/`esia` base URLs when given). `during` runs on the calling thread
    // after the engine has started, with the engine (e.g. to stop it).
    harness::model::LoadRunResult
    run(harness::model::LoadConfig config, const std::vector<harness::model::Journey>& journeys,
        const std::function<void(harness::load::LoadEngine&)>& during = {}, std::string asurso = {},
        std::string esia = {}) const {
        std::vector<const harness::model::Journey*> pointers;
        for (const auto& j : journeys) {
            pointers.push_back(&j);
        }
        if (config.mix.size() != journeys.size()) {
            config.mix.clear();
            for (const auto& j : journeys) {
                config.mix.push_back({j.name, j.file, 1.0});
            }
        }
        config.pool_size = pool_size_;
        auto leases = harness::engine::AccountLeases::create(pointers, accounts_, pool_size_, 0,
                                                             config.threads);
        if (!leases.leases) {
            throw std::runtime_error(leases.error);
        }
        const harness::engine::RunContext context{
            asurso.empty() ? stack_->asurso_base_url() : asurso,
            esia.empty() ? stack_->esia_base_url() : esia, accounts_, *client_};
        harness::load::EngineSetup setup;
        setup.config = config;
        setup.journeys = pointers;
        setup.context = &context;
        setup.leases = leases.leases.get();
        harness::load::LoadEngine engine(std::move(setup));
        std::thread side;
        if (during) {
            side = std::thread([&] { during(engine); });
        }
        auto result = engine.run({});
        if (side.joinable()) {
            side.join();
        }
        return result;
    }

    // The text of a shipped scenario file.
    static std::string text_of(const std::string& file) {
        auto text = support::read_file(std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/" + file);
        return text ? std::move(*text) : std::string();
    }

    // A journey from XML text with `from` replaced by `to` (e.g. a pool account by a login).
    static harness::model::Journey journey_text(std::string xml, const std::string& from,
                                                const std::string& to) {
        if (const auto at = xml.find(from); at != std::string::npos) {
            xml.replace(at, from.size(), to);
        }
        auto loaded = harness::scenario::load_journey_text(xml, "inline.xml",
                                                           harness::scenario::SpecIds::builtin(),
                                                           harness::scenario::standard_variables());
        for (const auto& e : loaded.errors) {
            ADD_FAILURE() << harness::scenario::format_error(e);
        }
        if (!loaded.ok()) {
            throw std::runtime_error("journey did not load");
        }
        return *loaded.journey;
    }

    mocks::MockStack& stack() { return *stack_; }

private:
    std::unique_ptr<mocks::MockStack> stack_;
    std::unique_ptr<harness::http::ClientContext> client_;
    harness::engine::Accounts accounts_;
    int pool_size_ = 0;
};

} // namespace logintest::integration
