// Fuzz target: the JWT readers on any token text: the harness's template functions
// jwt_header, jwt_payload and jwt_verify (harness/scenario/functions_crypto.cpp), esia's
// reading of a presented access token (mocks/esia/jwt.cpp verify_jwt, ESIA-RS-1) and asurso's
// id_token check (mocks/asurso/id_token_validation.cpp, ESIA-JWT-7), all against the mock's
// real ESIA signing certificate. Beyond "no crash, no leak, no UB" it asserts: jwt_header and
// jwt_payload give JSON text or an error; no token is accepted by esia or asurso unless
// jwt_verify accepts it too (the three readers agree on signatures); a refused id_token's
// reason never carries a b64url part of the token of 16 characters or more (no token material).
#include "mocks/esia/jwt.hpp"
#include "harness/scenario/template.hpp"
#include "mocks/asurso/id_token_validation.hpp"
#include "tests/fuzz/mock_hosts.hpp"

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace scenario = logintest::harness::scenario;
namespace model = logintest::harness::model;

scenario::ExpandResult run(const char* text, const scenario::Variables& vars) {
    return scenario::expand(model::Template{text}, vars);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string token(reinterpret_cast<const char*>(data), size);
    auto& hosts = logintest::fuzz::MockHosts::instance();
    const auto& esia_state = hosts.esia->state();
    const auto& signing = *esia_state.keys.signing;
    static const std::string cert_pem = signing.certificate.pem();
    const scenario::Variables vars{{"token", token}, {"cert", cert_pem}};

    for (const char* text : {"${jwt_header(token)}", "${jwt_payload(token)}"}) {
        const auto part = run(text, vars);
        if (part.ok()) {
            boost::system::error_code ec;
            (void)boost::json::parse(part.text, ec);
            FUZZ_ASSERT(!ec, "a JWT part is JSON");
        }
    }
    const auto verified = run("${jwt_verify(token, cert)}", vars);
    const bool harness_accepts = verified.ok() && verified.text == "true";

    const bool esia_accepts = logintest::mocks::esia::verify_jwt(esia_state, token).has_value();
    FUZZ_ASSERT(!esia_accepts || harness_accepts, "esia accepts a token jwt_verify refuses");

    logintest::mocks::asurso::IdTokenExpectations expect;
    expect.esia_certificate = &signing.certificate;
    expect.alg = logintest::mocks::asurso::jwt_alg_for(signing.key.profile());
    expect.issuer = "http://esia.gosuslugi.ru/";
    expect.audience = "ASURSO";
    expect.now = logintest::fuzz::fixed_time();
    const auto id = logintest::mocks::asurso::validate_id_token(token, expect);
    FUZZ_ASSERT(!id.claims || harness_accepts, "asurso accepts a token jwt_verify refuses");
    if (!id.claims) {
        FUZZ_ASSERT(!id.reason.empty(), "a refusal says why");
        std::string_view rest = token;
        while (!rest.empty()) {
            const auto dot = rest.find('.');
            const std::string_view part = rest.substr(0, dot);
            const bool b64url =
                part.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"
                                       "tuvwxyz0123456789-_") == std::string::npos;
            FUZZ_ASSERT(!b64url || part.size() < 16 || id.reason.find(part) == std::string::npos,
                        "the reason carries token material");
            rest.remove_prefix(dot == std::string_view::npos ? rest.size() : dot + 1);
        }
    }
    return 0;
}
