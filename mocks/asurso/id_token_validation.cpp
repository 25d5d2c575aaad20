// ESIA-JWT-7 id_token validation (id_token_validation.hpp), with b64url and Boost.JSON.
#include "mocks/asurso/id_token_validation.hpp"

#include "crypto/base64url.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace logintest::mocks::asurso {
namespace {

IdTokenResult invalid(std::string reason) {
    return IdTokenResult{std::nullopt, std::move(reason)};
}

// A JSON object from the b64url text of a JWS part.
std::optional<boost::json::object> decode_object(std::string_view part) {
    const auto bytes = crypto::b64url_decode(part);
    if (!bytes) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(*bytes, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.as_object());
}

std::optional<std::string_view> string_claim(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || !v->is_string()) {
        return std::nullopt;
    }
    return std::string_view(v->get_string());
}

// An integral JSON number (times, oid).
std::optional<std::int64_t> int_claim(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_int64()) {
        return v->get_int64();
    }
    if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(v->get_uint64());
    }
    return std::nullopt;
}

} // namespace

std::string jwt_alg_for(crypto::Profile profile) {
    return profile == crypto::Profile::rsa ? "RS256" : "GOST3410_2012_256";
}

IdTokenResult validate_id_token(std::string_view token, const IdTokenExpectations& expect) {
    // ESIA-JWT-1: b64url(header) "." b64url(payload) "." b64url(signature).
    const auto dot1 = token.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
        return invalid("not a JWS compact serialisation");
    }
    const auto header = decode_object(token.substr(0, dot1));
    const auto payload = decode_object(token.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = crypto::b64url_decode(token.substr(dot2 + 1));
    if (!header || !payload || !signature) {
        return invalid("header, payload or signature is not b64url JSON");
    }

    // ESIA-JWT-7: `alg` is the configured one and `sbt` is `id`.
    if (string_claim(*header, "alg") != std::optional<std::string_view>(expect.alg)) {
        return invalid("alg is not " + expect.alg);
    }
    if (string_claim(*header, "sbt") != std::optional<std::string_view>("id")) {
        return invalid("sbt is not id");
    }
    // ESIA-JWT-5, -7: the signature covers the ASCII bytes of header "." payload; verify()
    // refuses a signature of another length than the profile's before verifying (1.2).
    if (expect.esia_certificate == nullptr ||
        !expect.esia_certificate->verify(token.substr(0, dot2), *signature)) {
        return invalid("signature does not verify with the ESIA certificate");
    }
    // ESIA-JWT-7: issuer and audience.
    if (string_claim(*payload, "iss") != std::optional<std::string_view>(expect.issuer)) {
        return invalid("iss is not " + expect.issuer);
    }
    if (string_claim(*payload, "aud") != std::optional<std::string_view>(expect.audience)) {
        return invalid("aud is not " + expect.audience);
    }
    // ESIA-JWT-7: exp > now - skew, nbf <= now + skew, iat <= now + skew.
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(expect.now.time_since_epoch()).count();
    const auto skew = expect.skew.count();
    const auto exp = int_claim(*payload, "exp");
    const auto nbf = int_claim(*payload, "nbf");
    const auto iat = int_claim(*payload, "iat");
    if (!exp || *exp <= now - skew) {
        return invalid("expired (exp)");
    }
    if (!nbf || *nbf > now + skew) {
        return invalid("not yet valid (nbf)");
    }
    if (!iat || *iat > now + skew) {
        return invalid("issued in the future (iat)");
    }
    // ESIA-JWT-7: a person (`urn:esia:sbj:typ` P) whose oid equals `sub`.
    const auto* sbj_value = payload->if_contains("urn:esia:sbj");
    if (sbj_value == nullptr || !sbj_value->is_object()) {
        return invalid("urn:esia:sbj missing");
    }
    const auto& sbj = sbj_value->get_object();
    if (string_claim(sbj, "urn:esia:sbj:typ") != std::optional<std::string_view>("P")) {
        return invalid("urn:esia:sbj:typ is not P");
    }
    const auto sub = int_claim(*payload, "sub");
    const auto oid = int_claim(sbj, "urn:esia:sbj:oid");
    if (!sub || !oid || *sub != *oid) {
        return invalid("urn:esia:sbj:oid does not equal sub");
    }

    IdTokenClaims claims;
    claims.oid = *oid;
    const auto* is_tru = sbj.if_contains("urn:esia:sbj:is_tru");
    claims.trusted = is_tru != nullptr && is_tru->is_bool() && is_tru->get_bool();
    claims.lvl = std::string(string_claim(sbj, "urn:esia:sbj:lvl").value_or(""));
    return IdTokenResult{std::move(claims), {}};
}

} // namespace logintest::mocks::asurso
