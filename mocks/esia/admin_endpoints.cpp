// §21.1 MOCK-CP-9: esia's control plane (loopback only, see common/host_dispatch): accounts,
// locks and grants, the SMS outbox, the signing certificate, client credentials and client
// changes. Nothing here is counted. Key material is served here on purpose: CONFTEST's key
// lets the tester act as a relying party; it never reaches a log.
#include "mocks/common/civil_date.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/sms_outbox.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>

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
    // MOCK-CP-9: a fixture account object (§22); 201, or 409 if the oid exists.
    const auto parsed = common::parse_fixture_esia_account(req.body);
    if (!parsed.account) {
        return common::message(400, parsed.error);
    }
    switch (state.accounts.add(*parsed.account, state.today())) {
    case AccountStore::AddResult::exists:
        return common::message(409, "oid exists");
    case AccountStore::AddResult::invalid:
        return common::message(400, "malformed identifier or birthDate");
    case AccountStore::AddResult::added:
        break;
    }
    return common::json(201, account_json(*state.accounts.by_oid(parsed.account->oid)));
}

Response post_admin_unlock(EsiaState& state, const Request& req) {
    // MOCK-CP-9: clears lock and counter.
    const auto oid = path_oid(req);
    if (!oid || !state.accounts.unlock(*oid)) {
        return unknown_account();
    }
    return common::json(200, account_json(*state.accounts.by_oid(*oid)));
}

Response delete_admin_grants(EsiaState& state, const Request& req) {
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
    boost::system::error_code ec;
    const auto value = boost::json::parse(req.body, ec);
    if (ec || !value.is_object()) {
        return common::message(400, "expected a JSON object");
    }
    ClientPatch patch;
    const auto& o = value.get_object();
    const auto list = [&](std::string_view key, std::optional<std::vector<std::string>>& out) {
        const auto* v = o.if_contains(key);
        if (v == nullptr) {
            return true;
        }
        if (!v->is_array()) {
            return false;
        }
        std::vector<std::string> items;
        for (const auto& item : v->get_array()) {
            if (!item.is_string()) {
                return false;
            }
            items.emplace_back(item.get_string());
        }
        out = std::move(items);
        return true;
    };
    if (const auto* rt = o.if_contains("require_trusted")) {
        if (!rt->is_bool()) {
            return common::message(400, "require_trusted: expected a boolean");
        }
        patch.require_trusted = rt->get_bool();
    }
    if (!list("scopes", patch.scopes) || !list("redirect_uris", patch.redirect_uris)) {
        return common::message(400, "scopes, redirect_uris: expected arrays of strings");
    }
    for (const auto& [key, unused] : o) {
        if (key != "require_trusted" && key != "scopes" && key != "redirect_uris") {
            return common::message(400, "unknown key " + std::string(key));
        }
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
