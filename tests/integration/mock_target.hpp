// MockTarget: the test fixture of the integration tests: the embedded mock stack on free
// loopback ports, a client context that resolves its public names, the fixture accounts,
// and helpers to run inline or shipped journeys against it.
#pragma once

#include "harness/engine/accounts.hpp"
#include "harness/engine/catalog_runner.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/http/client.hpp"
#include "harness/scenario/loader.hpp"
#include "mocks/mock_stack.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace logintest::embedded {
extern const std::string_view fixture_json;
}

namespace logintest::integration {

class MockTarget {
public:
    MockTarget() {
        auto started = mocks::MockStack::start({});
        if (!started.stack) {
            throw std::runtime_error("mock did not start: " + started.error);
        }
        stack_ = std::move(started.stack);
        harness::http::ClientOptions options;
        options.request_timeout = std::chrono::milliseconds(5000);
        options.resolve.add("asurso.ru", stack_->asurso_port(), stack_->asurso_address());
        options.resolve.add("esia.gosuslugi.ru", stack_->esia_port(), stack_->esia_address());
        client_ = std::make_unique<harness::http::ClientContext>(options);
        auto loaded = harness::engine::Accounts::parse(embedded::fixture_json, "fixture");
        if (!loaded.error.empty()) {
            throw std::runtime_error(loaded.error);
        }
        accounts_ = std::move(loaded.accounts);
    }

    harness::engine::RunContext context() const {
        return {stack_->asurso_base_url(), stack_->esia_base_url(), accounts_, *client_};
    }

    // Loads a journey from XML text; fails the test on any loader error.
    static harness::model::Journey journey(const std::string& xml) {
        auto loaded = harness::scenario::load_journey_text(xml, "inline.xml",
                                                           harness::scenario::SpecIds::builtin(),
                                                           harness::engine::predefined_variables());
        for (const auto& e : loaded.errors) {
            ADD_FAILURE() << harness::scenario::format_error(e);
        }
        if (!loaded.ok()) {
            throw std::runtime_error("journey did not load");
        }
        return *loaded.journey;
    }

    harness::model::RunResult run(const std::vector<harness::model::Journey>& journeys) const {
        return harness::engine::run_catalog(journeys, context(), {});
    }

    harness::model::JourneyResult run(const std::string& xml) const {
        return run(std::vector{journey(xml)}).journeys.at(0);
    }

    mocks::MockStack& stack() { return *stack_; }

private:
    std::unique_ptr<mocks::MockStack> stack_;
    std::unique_ptr<harness::http::ClientContext> client_;
    harness::engine::Accounts accounts_;
};

// "step login: FAIL status was 409, expected 200 ..." for assertion messages.
std::string explain(const harness::model::JourneyResult& journey);

// The getdata and login steps of the account `pupil` (NS-LOGIN-22) with `pw2` as the proof and
// `login_tail` (extracts, checks) at the end of the login step.
inline std::string pupil_login_steps(const std::string& pw2, const std::string& login_tail) {
    return R"(
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="lt" json="/lt"/><extract var="ver" json="/ver"/><extract var="salt" json="/salt"/>
  </step>
  <step name="login" method="POST" url="${asurso}/webapi/login">
    <field name="LoginType" value="1"/><field name="scid" value="${pupil.scid}"/>
    <field name="UN" value="${pupil.login}"/><field name="pw2" value=")" +
           pw2 + R"("/>
    <field name="PW" value="${pw(pupil.password, salt)}"/>
    <field name="lt" value="${lt}"/><field name="ver" value="${ver}"/>)" +
           login_tail + R"(
  </step>)";
}

} // namespace logintest::integration
