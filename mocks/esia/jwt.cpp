// Token building, signing and verification (jwt.hpp).
#include "mocks/esia/jwt.hpp"
#include "mocks/common/issued_secrets.hpp"

#include "crypto/base64url.hpp"
#include "mocks/esia/scopes.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace logintest::mocks::esia {
namespace {

// ESIA-JWT-2: {"alg":"<alg>","sbt":"<sbt>","typ":"JWT","ver":1}.
boost::json::object header(const EsiaState& state, std::string_view sbt) {
    boost::json::object h;
    h["alg"] = state.config.effective_jwt_alg();
    h["sbt"] = sbt;
    h["typ"] = "JWT";
    h["ver"] = 1;
    return h;
}

// ESIA-JWT-1, -5: b64url(header) "." b64url(payload) "." b64url(signature over the first two).
std::string sign(const EsiaState& state, const boost::json::object& h,
                 const boost::json::object& payload) {
    std::string input = crypto::b64url_encode(boost::json::serialize(h));
    input += '.';
    input += crypto::b64url_encode(boost::json::serialize(payload));
    const std::string signature = state.keys.signing->key.sign(input);
    return input + "." + crypto::b64url_encode(signature);
}

std::optional<boost::json::object> json_part(std::string_view b64) {
    const auto bytes = crypto::b64url_decode(b64);
    if (!bytes) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    auto v = boost::json::parse(*bytes, ec);
    if (ec || !v.is_object()) {
        return std::nullopt;
    }
    return std::move(v.as_object());
}

} // namespace

std::int64_t epoch_seconds(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string make_id_token(const EsiaState& state, const Account& account,
                          const TokenSubject& subject, TimePoint issued_at) {
    const std::int64_t iat = epoch_seconds(issued_at);
    boost::json::object p;
    // ESIA-JWT-3: aud is the client_id ("NOT-" + client_id with `id-token-wrong-aud`).
    p["aud"] = state.on(common::Defect::id_token_wrong_aud) ? "NOT-" + subject.client_id
                                                            : subject.client_id;
    p["sub"] = subject.oid;
    p["nbf"] = iat;
    p["iat"] = iat;
    // exp = iat + esia.token_ttl_s (iat - 120 with `id-token-expired`).
    p["exp"] =
        state.on(common::Defect::id_token_expired) ? iat - 120 : iat + state.config.token_ttl_s;
    p["auth_time"] = epoch_seconds(subject.auth_time);
    p["amr"] = "PWD"; // also after an SMS code (mock decision)
    p["urn:esia:amd"] = "PWD";
    p["iss"] = state.config.issuer;
    p["urn:esia:sid"] = subject.sid;
    boost::json::object sbj;
    sbj["urn:esia:sbj:typ"] = "P";
    if (account.trusted) {
        sbj["urn:esia:sbj:is_tru"] = true; // present only for trusted accounts
    }
    sbj["urn:esia:sbj:oid"] = subject.oid;
    sbj["urn:esia:sbj:nam"] = "OID." + std::to_string(subject.oid);
    sbj["urn:esia:sbj:lvl"] = account.lvl == "KD" ? "KD" : account.trusted ? "PR" : "P";
    p["urn:esia:sbj"] = std::move(sbj);
    return common::issued_secret("id_token", sign(state, header(state, "id"), p));
}

std::string make_access_token(const EsiaState& state, const TokenSubject& subject,
                              TimePoint issued_at) {
    const std::int64_t iat = epoch_seconds(issued_at);
    boost::json::object p;
    // ESIA-JWT-4.
    p["nbf"] = iat;
    p["iat"] = iat;
    p["exp"] = iat + state.config.token_ttl_s;
    p["scope"] = access_token_scope(subject.scope, subject.oid);
    p["iss"] = state.config.issuer;
    p["urn:esia:sid"] = subject.sid;
    p["urn:esia:sbj_id"] = subject.oid;
    p["client_id"] = subject.client_id;
    return common::issued_secret("access_token", sign(state, header(state, "access"), p));
}

std::optional<DecodedJwt> verify_jwt(const EsiaState& state, std::string_view token) {
    const auto dot1 = token.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    auto h = json_part(token.substr(0, dot1));
    auto p = json_part(token.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = crypto::b64url_decode(token.substr(dot2 + 1));
    if (!h || !p || !signature || signature->empty()) {
        return std::nullopt;
    }
    const auto* alg = h->if_contains("alg");
    if (alg == nullptr || !alg->is_string() ||
        alg->get_string() != state.config.effective_jwt_alg()) {
        return std::nullopt;
    }
    // ESIA-JWT-5, ESIA-RS-1 (1.2): verify() refuses a signature of another length first.
    if (!state.keys.signing->certificate.verify(token.substr(0, dot2), *signature)) {
        return std::nullopt;
    }
    return DecodedJwt{std::move(*h), std::move(*p)};
}

} // namespace logintest::mocks::esia
