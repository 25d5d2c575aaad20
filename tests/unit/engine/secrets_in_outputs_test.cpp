// Issue 10, finding 1: no secret reaches a recorded text, on any path. Each test plays a
// journey over the in-memory transport (tests/support/memory_transport.hpp) and searches
// every text `check` records (and what `load` is told of a failure) for the raw values: an
// authorization code and client_secret in a Location shown as a check's actual value and in
// a failure message, tokens on the expected side of a failed comparison, and values the
// engine only saw on the wire (a token under a secret JSON key, a Set-Cookie value) echoed
// later under no secret name. Failure messages show masks only (redaction::mask).
#include "harness/engine/journey_runner.hpp"

#include "harness/engine/accounts.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/spec_ids.hpp"
#include "tests/support/memory_transport.hpp"
#include "tests/support/run_awaitable.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace logintest::harness::engine {
namespace {

using redaction::mask;

constexpr const char* code = "NW3HNQ2c65aSecretCodeValue_0123456789abcdef";
constexpr const char* client_secret = "qqvZbouL8uSignatureOfTheClient-xyz";
constexpr const char* at = "5549651911628849151223356";
constexpr const char* access_token = "rjwoETn6Y5aNjbqIn9ir1vP-IQA9f9JS8YE";
constexpr const char* cookie = "c00kie-value-of-the-session";

model::Journey journey(const std::string& xml) {
    auto loaded = scenario::load_journey_text(xml, "inline.xml", scenario::SpecIds::builtin(),
                                              predefined_variables());
    for (const auto& e : loaded.errors) {
        ADD_FAILURE() << scenario::format_error(e);
    }
    if (!loaded.ok()) {
        throw std::runtime_error("journey did not load");
    }
    return *loaded.journey;
}

// The failure texts `load` asks for.
class DescribingObserver final : public StepObserver {
public:
    void on_check_failed(std::size_t, std::size_t, bool, const FailureDetail& detail) override {
        const auto r = detail.describe();
        texts += r.description + r.actual + r.message + "\n";
    }
    void on_step(const StepEvent&) override {}
    std::string texts;
};

// Every text of a journey's record, joined.
std::string texts_of(const model::JourneyResult& result) {
    std::string texts;
    for (const auto& step : result.steps) {
        texts += step.error + "\n";
        for (const auto& hop : step.hops) {
            texts += hop.url + " " + hop.location + "\n";
        }
        for (const auto& c : step.checks) {
            texts += c.description + " | " + c.actual + " | " + c.message + "\n";
        }
    }
    return texts;
}

// Which of `secrets` occur in `texts`, masked (never the values themselves).
std::string leaked(const std::string& texts, const std::vector<std::string>& secrets) {
    std::string found;
    for (const auto& s : secrets) {
        if (texts.find(s) != std::string::npos) {
            found += mask(s) + " ";
        }
    }
    return found;
}

class SecretsInOutputs : public ::testing::Test {
protected:
    SecretsInOutputs() {
        http::ClientOptions options;
        options.verify_tls = false;
        auto created = http::ClientContext::create(options, &transport);
        EXPECT_TRUE(created.ok()) << created.error;
        client_ = std::move(created.context);
    }

    RunContext context() const {
        RunContext c{"http://asurso.test", "http://esia.test", accounts_, *client_};
        c.mock = false; // no control plane to reset
        return c;
    }

    template <class T> T run(boost::asio::awaitable<T> work) {
        return logintest::testing::run_awaitable(std::move(work));
    }

    // The texts of `check` and of `load` for the same journey.
    std::string texts(const std::string& xml) {
        const auto j = journey(xml);
        std::string all = texts_of(run(run_journey(j, context())));
        DescribingObserver observer;
        PlayOptions options;
        options.observer = &observer;
        run(play_journey(j, context(), options));
        return all + observer.texts;
    }

    tests::MemoryTransport transport;

private:
    std::unique_ptr<http::ClientContext> client_;
    Accounts accounts_;
};

std::string location() {
    return std::string("http://asurso.test/callback?client_id=ASURSO&client_secret=") +
           client_secret + "&code=" + code + "&state=s";
}

TEST_F(SecretsInOutputs, ACodeAndClientSecretInALocationAreMaskedInAPassingCheck) {
    transport.answer("asurso.test", "/crosslogin", 302, "", {{"Location", location()}});
    const std::string all = texts(R"(<journey name="location">
  <step name="crosslogin" url="${asurso}/crosslogin" follow="none">
    <expect header="Location" matches="^https?://" clause="GEN-4"/>
    <expect location.query="code" matches="." clause="GEN-4"/>
  </step>
</journey>)");
    EXPECT_EQ(leaked(all, {code, client_secret}), "") << "raw values in the record";
    EXPECT_NE(all.find("client_secret=" + mask(client_secret)), std::string::npos);
    EXPECT_NE(all.find("code=" + mask(code)), std::string::npos);
}

TEST_F(SecretsInOutputs, ACodeInALocationIsMaskedInAFailureMessage) {
    transport.answer("asurso.test", "/crosslogin", 302, "", {{"Location", location()}});
    const std::string all = texts(R"(<journey name="location">
  <step name="crosslogin" url="${asurso}/crosslogin" follow="none">
    <expect header="Location" equals="http://elsewhere.test/" clause="GEN-4"/>
    <expect header="Location" absent="true" clause="GEN-4"/>
  </step>
</journey>)");
    EXPECT_NE(all.find("header Location was"), std::string::npos) << all;
    EXPECT_EQ(leaked(all, {code, client_secret}), "") << "raw values in the record";
}

TEST_F(SecretsInOutputs, TokensOnTheExpectedSideOfAFailedComparisonAreMasked) {
    const std::string body = std::string(R"({"at":")") + at + R"(","accessToken":")" +
                             access_token + R"(","tokenType":"Bearer"})";
    transport.answer("asurso.test", "/first", 200, body);
    transport.answer("asurso.test", "/second", 409, R"({"message":"wrong"})");
    const std::string all = texts(R"(<journey name="expected">
  <step name="first" url="${asurso}/first">
    <extract var="first_body" regex="^[\s\S]*$"/>
  </step>
  <step name="second" url="${asurso}/second">
    <extract var="second_body" regex="^[\s\S]*$"/>
    <expect body="${first_body}" clause="NS-LOGIN-20"/>
    <expect json="" equals="${first_body}" clause="NS-LOGIN-20"/>
    <expect var="second_body" equals="${first_body}" clause="NS-LOGIN-20"/>
  </step>
</journey>)");
    EXPECT_NE(all.find("expected"), std::string::npos) << all;
    EXPECT_EQ(leaked(all, {at, access_token}), "") << "raw values in the record";
    EXPECT_NE(all.find("Bearer"), std::string::npos) << "what is not secret stays readable";
}

TEST_F(SecretsInOutputs, ValuesSeenOnTheWireAreMaskedWhereverTheyAppearLater) {
    // A token under a secret JSON key and a cookie value, neither extracted, echoed by a
    // later answer under names that are not secret.
    transport.answer("asurso.test", "/login", 200,
                     std::string(R"({"access_token":")") + access_token + R"("})",
                     {{"Set-Cookie", std::string("SID=") + cookie + "; Path=/; HttpOnly"}});
    transport.answer("asurso.test", "/echo", 200,
                     std::string(R"({"seen":")") + access_token + R"(","jar":")" + cookie +
                         R"("})");
    const std::string all = texts(R"(<journey name="wire">
  <step name="login" url="${asurso}/login">
    <expect status="200" clause="NS-LOGIN-22"/>
  </step>
  <step name="echo" url="${asurso}/echo">
    <expect json="/seen" equals="nothing" clause="NS-LOGIN-22"/>
    <expect json="/jar" equals="nothing" clause="NS-LOGIN-22"/>
    <expect body="nothing" clause="NS-LOGIN-22"/>
  </step>
</journey>)");
    EXPECT_NE(all.find("json /seen was"), std::string::npos) << all;
    EXPECT_EQ(leaked(all, {access_token, cookie}), "") << "raw values in the record";
    EXPECT_NE(all.find(mask(access_token)), std::string::npos);
}

TEST_F(SecretsInOutputs, EqualityIsJudgedOnRawValuesThoughTheyAreShownMasked) {
    transport.answer("asurso.test", "/crosslogin", 302, "", {{"Location", location()}});
    const auto j = journey(R"(<journey name="equal">
  <step name="crosslogin" url="${asurso}/crosslogin" follow="none">
    <extract var="loc" header="Location"/>
    <expect header="Location" equals="${loc}" clause="GEN-4"/>
    <expect location.query="code" equals=")" +
                           std::string(code) + R"(" clause="GEN-4"/>
  </step>
</journey>)");
    const auto result = run(run_journey(j, context()));
    EXPECT_EQ(result.verdict, model::Verdict::pass) << texts_of(result);
    EXPECT_EQ(leaked(texts_of(result), {code, client_secret}), "");
}

} // namespace
} // namespace logintest::harness::engine
