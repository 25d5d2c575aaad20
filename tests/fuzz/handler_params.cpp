// Fuzz target: the parameter parsing the mock's handlers share: form and query decoding
// (mocks/common/form.cpp parse_params, asurso's webapi_params), the Cookie header
// (mocks/common/cookies.cpp), esia's login identifiers (phone, e-mail, SNILS), scopes and
// fixture dates. The first byte picks the parser, the rest is its text. Beyond "no crash, no
// leak, no UB" it asserts round trips and fixed points: decoded parameters, form-encoded again
// and decoded, are the same; a normalised phone, e-mail or SNILS normalises to itself; scope
// words are non-empty and without spaces, and a scope is the same set as itself; an ISO date
// read, written and read again is the same date.
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/cookies.hpp"
#include "mocks/common/form.hpp"
#include "mocks/esia/identifiers.hpp"
#include "mocks/esia/scopes.hpp"
#include "support/url/percent.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace common = logintest::mocks::common;
namespace esia = logintest::mocks::esia;

void form(std::string_view text) {
    const auto params = common::parse_params(text);
    if (!params) {
        return;
    }
    const auto again = common::parse_params(logintest::support::form_encode(params->items()));
    FUZZ_ASSERT(again && again->items() == params->items(), "form round trip");
}

void request_params(std::string_view text) {
    const auto req = common::make_request("POST", "/webapi/login?" + std::string(text),
                                          {{"Content-Type", "application/x-www-form-urlencoded"}},
                                          std::string(text));
    (void)logintest::mocks::asurso::query_params(req, {"lt", "ver"});
    (void)logintest::mocks::asurso::form_params(req, {"un", "pw2"});
}

void cookie(std::string_view text) {
    const auto eq = text.find('=');
    const std::string_view name = text.substr(0, eq == std::string_view::npos ? 0 : eq);
    if (const auto value = common::find_cookie(text, name)) {
        FUZZ_ASSERT(value->find(';') == std::string::npos, *value);
    }
}

template <class Normalise> void fixed_point(std::string_view text, Normalise normalise) {
    if (const auto once = normalise(text)) {
        const auto twice = normalise(*once);
        FUZZ_ASSERT(twice && *twice == *once, *once);
    }
}

void identifiers(std::string_view text) {
    fixed_point(text, [](std::string_view t) { return esia::normalise_phone(t); });
    fixed_point(text, [](std::string_view t) { return esia::normalise_email(t); });
    fixed_point(text, [](std::string_view t) { return esia::normalise_snils(t); });
    (void)esia::parse_identifier(text, std::nullopt);
    for (const std::string_view type : {"phone", "email", "snils", "login", ""}) {
        (void)esia::parse_identifier(text, type);
    }
}

void scopes(std::string_view text) {
    for (const std::string& word : esia::scope_words(text)) {
        FUZZ_ASSERT(!word.empty() && word.find(' ') == std::string::npos, word);
    }
    FUZZ_ASSERT(esia::same_scope_set(text, text), text);
    (void)esia::scopes_without_openid(text);
    (void)esia::access_token_scope(text, 1000000001);
}

void dates(std::string_view text) {
    if (const auto date = common::parse_iso_date(text)) {
        const auto again = common::parse_iso_date(common::iso_date(*date));
        FUZZ_ASSERT(again && *again == *date, common::iso_date(*date));
    }
    const common::Date today{2025, 11, 28};
    (void)common::resolve_fixture_date(text, today);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
    case 0:
        form(text);
        break;
    case 1:
        request_params(text);
        break;
    case 2:
        cookie(text);
        break;
    case 3:
        identifiers(text);
        break;
    case 4:
        scopes(text);
        break;
    default:
        dates(text);
        break;
    }
    return 0;
}
