// §21.1 MOCK-CP-9: esia's control plane (loopback only, see common/host_dispatch): accounts,
// locks and grants, the SMS outbox, the signing certificate, client credentials and client
// changes. Nothing here is counted. Key material is served here on purpose: CONFTEST's key
// lets the tester act as a relying party; it never reaches a log.
#include "mocks/common/civil_date.hpp"
#include "mocks/common/control_body.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/sms_outbox.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <set>

namespace logintest::mocks::esia {
namespace {

boost::json::array strings(const std::vector<std::string>& list) {
    boost::json::array out;
    for (const auto& s : list) {
        out.emplace_back(s);
    }
    return out;
}

// MOCK-CP-9: {"oid","locked","failedCount","grants":{"<client_id>":[scopes]}}, plus the
// identifiers for convenience.
boost::json::object account_json(const Account& a) {
    boost::json::object o;
    o["oid"] = a.oid;
    o["locked"] = a.locked;
    o["failedCount"] = a.failed_count;
    boost::json::object grants;
    for (const auto& [client, scopes] : a.grants) {
        grants[client] = strings(std::vector<std::string>(scopes.begin(), scopes.end()));
    }
    o["grants"] = std::move(grants);
    o["lastName"] = a.last_name;
    o["firstName"] = a.first_name;
    o["phone"] = a.phone ? boost::json::value(*a.phone) : nullptr;
    o["email"] = a.email ? boost::json::value(*a.email) : nullptr;
    o["snils"] = a.snils ? boost::json::value(*a.snils) : nullptr;
    o["trusted"] = a.trusted;
    o["lvl"] = a.lvl;
    return o;
}

std::optional<std::int64_t> path_oid(const Request& req) {
    return support::parse_int(req.path_param("oid"));
}

Response unknown_account() {
    return common::message(404, "unknown oid");
}

// RFC 6749 §3.3 scope-token: 1*( %x21 / %x23-5B / %x5D-7E ).
bool scope_token(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
    });
}

// MOCK-CP-10: an http or https absolute URI.
bool http_uri(const std::string& text) {
    const auto uri = boost::urls::parse_absolute_uri(text);
    return uri && uri->has_authority() &&
           (uri->scheme_id() == boost::urls::scheme::http ||
            uri->scheme_id() == boost::urls::scheme::https);
}

// `PATCH /mock/admin/clients/{id}`: {"require_trusted"?,"scopes"?,"redirect_uris"?}.
std::optional<Response> read_client_patch(std::string_view body, ClientPatch& patch) {
    bool require_trusted = false;
    std::vector<std::string> scopes, redirect_uris;
    support::ConfigSchema schema;
    schema.add("require_trusted", support::read_into(require_trusted));
    schema.add("scopes", support::read_into(scopes));
    schema.add("redirect_uris", support::read_into(redirect_uris));
    if (auto bad = common::read_control_body(
            body, schema, {}, "with any of require_trusted, scopes, redirect_uris")) {
        return bad;
    }
    const auto root = boost::json::parse(body).as_object();
    std::vector<std::string> errors;
    const auto unique = [&](const std::vector<std::string>& list, const char* key) {
        if (std::set<std::string>(list.begin(), list.end()).size() != list.size()) {
            errors.push_back(std::string(key) + ": duplicate entry");
        }
    };
    for (const auto& scope : scopes) {
        if (!scope_token(scope)) {
            errors.push_back("scopes: expected scope words (RFC 6749 scope-token), got \"" + scope +
                             "\"");
        }
    }
    for (const auto& uri : redirect_uris) {
        if (!http_uri(uri)) {
            errors.push_back("redirect_uris: expected absolute http:// or https:// URIs, got \"" +
                             uri + "\"");
        }
    }
    unique(scopes, "scopes");
    unique(redirect_uris, "redirect_uris");
    if (!errors.empty()) {
        return common::body_errors(errors);
    }
    if (root.contains("require_trusted")) {
        patch.require_trusted = require_trusted;
    }
    if (root.contains("scopes")) {
        patch.scopes = std::move(scopes);
    }
    if (root.contains("redirect_uris")) {
        patch.redirect_uris = std::move(redirect_uris);
    }
    return std::nullopt;
}

} // namespace

Response get_admin_accounts(EsiaState& state, const Request&) {
    boost::json::array list;
    for (const auto& a : state.accounts.all()) {
        list.push_back(account_json(a));
    }
    return common::json(200, list);
}

Response get_admin_account(EsiaState& state, const Request& req) {
    const auto oid = path_oid(req);
    const auto account = oid ? state.accounts.by_oid(*oid) : std::nullopt;
    if (!account) {
        return unknown_account();
    }
    // ESIA-LOGIN-18: a lock whose duration has passed reads as unlocked.
    state.accounts.status(*oid, state.lockout_rules(), state.now());
    return common::json(200, account_json(*state.accounts.by_oid(*oid)));
}

Response post_admin_accounts(EsiaState& state, const Request& req) {
    // MOCK-CP-9: a fixture account object (§22); 201, or 409 if the oid exists. MOCK-CP-10:
    // checked as the fixture file is (every key, no other, oid positive, gender, lvl, mfa and
    // otpCode among their values), and 409 for a phone, e-mail or SNILS already taken.
    const auto parsed = common::parse_fixture_esia_account(req.body);
    if (!parsed.account) {
        return common::message(400, parsed.error);
    }
    switch (state.accounts.add(*parsed.account, state.today())) {
    case AccountStore::AddResult::exists:
        return common::message(409, "oid exists");
    case AccountStore::AddResult::identifier_exists: // MOCK-CP-10: duplicate identifiers
        return common::message(409, "phone, email or snils belongs to another account");
    case AccountStore::AddResult::invalid:
        return common::message(400, "malformed identifier or birthDate");
    case AccountStore::AddResult::added:
        break;
    }
    return common::json(201, account_json(*state.accounts.by_oid(parsed.account->oid)));
}

Response post_admin_unlock(EsiaState& state, const Request& req) {
    // MOCK-CP-9: clears lock and counter. MOCK-CP-10: no body.
    if (auto bad = common::expect_no_body(req)) {
        return std::move(*bad);
    }
    const auto oid = path_oid(req);
    if (!oid || !state.accounts.unlock(*oid)) {
        return unknown_account();
    }
    return common::json(200, account_json(*state.accounts.by_oid(*oid)));
}

Response delete_admin_grants(EsiaState& state, const Request& req) {
    // MOCK-CP-9: drops the account's consents. MOCK-CP-10: no body.
    if (auto bad = common::expect_no_body(req)) {
        return std::move(*bad);
    }
    const auto oid = path_oid(req);
    if (!oid || !state.accounts.clear_grants(*oid)) {
        return unknown_account();
    }
    return common::json(200, account_json(*state.accounts.by_oid(*oid)));
}

Response get_admin_sms(EsiaState& state, const Request& req) {
    // MOCK-CP-9: the last code sent to a phone in any accepted form; 404 if none.
    const auto query = query_params(req, {"phone"});
    if (!query) {
        return common::message(400, "malformed query");
    }
    const auto sms = last_sms(state, query->value_or_empty("phone"));
    if (!sms) {
        return common::message(404, "no SMS sent to this phone");
    }
    boost::json::object body;
    body["phone"] = sms->phone;
    body["code"] = sms->code;
    body["sent_at"] = common::rfc3339_utc(sms->sent_at);
    return common::json(200, body);
}

Response get_admin_signing_cert(EsiaState& state, const Request&) {
    // ESIA-JWT-6: the ESIA signing certificate (PEM).
    Response r;
    r.status = 200;
    r.add_header("Content-Type", "application/x-pem-file");
    r.body = state.keys.signing->certificate.pem();
    return r;
}

Response get_admin_client_credentials(EsiaState& state, const Request& req) {
    // MOCK-CP-9: {"client_id","cert_pem","key_pem","certificate_hash","redirect_uris",
    // "logout_redirect_prefixes"}.
    const auto client = state.clients.find(req.path_param("client_id"));
    if (!client || !client->keys) {
        return common::message(404, "unknown client");
    }
    boost::json::object body;
    body["client_id"] = client->client_id;
    body["cert_pem"] = client->keys->certificate.pem();
    body["key_pem"] = client->keys->key.pem();
    body["certificate_hash"] = client->certificate_hash;
    body["redirect_uris"] = strings(client->redirect_uris);
    body["logout_redirect_prefixes"] = strings(client->logout_redirect_prefixes);
    return common::json(200, body);
}

Response patch_admin_client(EsiaState& state, const Request& req) {
    // MOCK-CP-9: any of require_trusted, scopes, redirect_uris, until the next reset.
    // MOCK-CP-10: as strict as the fixture's clients: no other key, scopes are scope words
    // without duplicates, redirect URIs absolute http(s) without duplicates.
    ClientPatch patch;
    if (auto bad = read_client_patch(req.body, patch)) {
        return std::move(*bad);
    }
    if (!state.clients.patch(req.path_param("client_id"), patch)) {
        return common::message(404, "unknown client");
    }
    const auto client = state.clients.find(req.path_param("client_id"));
    boost::json::object body;
    body["client_id"] = client->client_id;
    body["name"] = client->name;
    body["redirect_uris"] = strings(client->redirect_uris);
    body["logout_redirect_prefixes"] = strings(client->logout_redirect_prefixes);
    body["scopes"] = strings(client->scopes);
    body["require_trusted"] = client->require_trusted;
    return common::json(200, body);
}

} // namespace logintest::mocks::esia
