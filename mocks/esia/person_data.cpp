// §20: person data, `GET /rs/prns/{oid}` (ESIA-RS-1, -2) and the contacts
// `GET /rs/prns/{oid}/ctts` (ESIA-RS-3, MAY), for a Bearer access token of ESIA-JWT-4.
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/jwt.hpp"
#include "mocks/esia/scopes.hpp"
#include "support/text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace logintest::mocks::esia {
namespace {

struct Authorized {
    Account account;
    std::vector<std::string> scopes; // granted, without the `?oid=` suffix
};

Response invalid_token() {
    auto r = common::json_text(401, R"({"error":"invalid_token"})");
    r.add_header("WWW-Authenticate", R"(Bearer error="invalid_token")");
    return r;
}

// ESIA-RS-1: a valid access token (present, well-formed, signed by esia, unexpired) for the
// `{oid}` of the path; otherwise the 401 / 403 to answer.
std::optional<Authorized> authorize_request(EsiaState& state, const Request& req,
                                            std::optional<Response>& refusal) {
    const auto header = req.header("authorization");
    constexpr std::string_view scheme = "bearer ";
    if (!header || header->size() <= scheme.size() ||
        !support::iequals(header->substr(0, scheme.size()), scheme) ||
        req.header_count("authorization") != 1) {
        refusal = invalid_token();
        return std::nullopt;
    }
    const auto jwt = verify_jwt(state, support::trim_ows(header->substr(scheme.size())));
    const auto* sbt = jwt ? jwt->header.if_contains("sbt") : nullptr;
    const auto* exp = jwt ? jwt->payload.if_contains("exp") : nullptr;
    const auto* sbj = jwt ? jwt->payload.if_contains("urn:esia:sbj_id") : nullptr;
    const auto* scope = jwt ? jwt->payload.if_contains("scope") : nullptr;
    if (!jwt || sbt == nullptr || !sbt->is_string() || sbt->get_string() != "access" ||
        exp == nullptr || !exp->is_int64() || sbj == nullptr || !sbj->is_int64() ||
        scope == nullptr || !scope->is_string() || exp->get_int64() <= epoch_seconds(state.now())) {
        refusal = invalid_token();
        return std::nullopt;
    }
    // ESIA-RS-1: another oid than the token's is 403.
    const auto oid = support::parse_int(req.path_param("oid"));
    if (!oid || *oid != sbj->get_int64()) {
        refusal = common::json_text(403, R"({"error":"access_denied"})");
        return std::nullopt;
    }
    auto account = state.accounts.by_oid(*oid);
    if (!account) {
        refusal = common::json_text(404, R"({"error":"not_found"})");
        return std::nullopt;
    }
    Authorized out{std::move(*account), {}};
    for (auto& word : scope_words(scope->get_string())) {
        out.scopes.push_back(word.substr(0, word.find('?')));
    }
    return out;
}

bool granted(const Authorized& a, std::string_view scope) {
    return std::find(a.scopes.begin(), a.scopes.end(), scope) != a.scopes.end();
}

} // namespace

Response get_prns(EsiaState& state, const Request& req) {
    std::optional<Response> refusal;
    const auto auth = authorize_request(state, req, refusal);
    if (!auth) {
        return std::move(*refusal);
    }
    const Account& a = auth->account;
    // ESIA-RS-2: the fixed facts and, per granted scope, the person's data.
    boost::json::object body;
    body["stateFacts"] = boost::json::array{"EntityRoot"};
    if (granted(*auth, "fullname")) {
        body["firstName"] = a.first_name;
        body["lastName"] = a.last_name;
        body["middleName"] = a.middle_name;
    }
    if (granted(*auth, "birthdate")) {
        body["birthDate"] = fmt::format("{:02}.{:02}.{:04}", a.birth_date.day, a.birth_date.month,
                                        a.birth_date.year);
    }
    if (granted(*auth, "gender")) {
        body["gender"] = a.gender;
    }
    if (granted(*auth, "snils") && a.snils) {
        body["snils"] = *a.snils;
    }
    body["trusted"] = a.trusted;
    body["citizenship"] = "RUS";
    body["updatedOn"] = state.accounts_loaded_at.load();
    return common::json(200, body);
}

Response get_prns_ctts(EsiaState& state, const Request& req) {
    std::optional<Response> refusal;
    const auto auth = authorize_request(state, req, refusal);
    if (!auth) {
        return std::move(*refusal);
    }
    const auto query = query_params(req, {"embed"});
    const bool embed = query && query->value_or_empty("embed") == "(elements)";
    // ESIA-RS-3: the contacts of the granted scopes `mobile` and `email`.
    struct Contact {
        std::string_view type;
        std::string value;
    };
    std::vector<Contact> contacts;
    if (granted(*auth, "mobile") && auth->account.phone) {
        contacts.push_back({"MBT", *auth->account.phone});
    }
    if (granted(*auth, "email") && auth->account.email) {
        contacts.push_back({"EML", *auth->account.email});
    }
    boost::json::array elements;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        if (embed) {
            boost::json::object e;
            e["type"] = contacts[i].type;
            e["vrfStu"] = "VERIFIED";
            e["value"] = contacts[i].value;
            elements.push_back(std::move(e));
        } else {
            elements.emplace_back(fmt::format("{}/rs/prns/{}/ctts/{}", state.config.public_base_url,
                                              auth->account.oid, i + 1));
        }
    }
    boost::json::object body;
    body["stateFacts"] = boost::json::array{"hasSize"};
    body["size"] = contacts.size();
    body["elements"] = std::move(elements);
    return common::json(200, body);
}

} // namespace logintest::mocks::esia
