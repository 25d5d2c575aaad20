// Crypto built-ins over crypto/: streebog, sha256, gost_sign (ESIA-SIG-3 client_secret),
// cert_hash (ESIA-SIG-2), b64url, b64url_decode, and the JWT readers jwt_header, jwt_payload
// and jwt_verify (ESIA-JWT-2, -5: GOST3410_2012_256 or RS256).
#include "harness/scenario/functions_table.hpp"

#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"
#include "crypto/gost.hpp"

#include <boost/json.hpp>

#include <array>
#include <vector>

namespace logintest::harness::scenario {
namespace {

FunctionResult fn_streebog(std::span<const std::string> a) {
    std::string hex = crypto::streebog256_hex(a[0]);
    if (hex.empty()) {
        return fail("the gost engine is not available: " + crypto::gost_unavailable_reason());
    }
    return ok(std::move(hex));
}

FunctionResult fn_sha256(std::span<const std::string> a) {
    return ok(crypto::sha256_hex(a[0]));
}

FunctionResult fn_gost_sign(std::span<const std::string> a) {
    std::string error;
    const auto key = crypto::PrivateKey::from_pem(a[0], &error);
    if (!key) {
        return fail("the first argument is not a private key (PEM): " + error);
    }
    const std::string signature = key->sign(a[1]);
    if (signature.empty()) {
        return fail("signing failed");
    }
    return ok(crypto::b64url_encode(signature));
}

FunctionResult fn_cert_hash(std::span<const std::string> a) {
    std::string error;
    const auto cert = crypto::Certificate::from_pem(a[0], &error);
    if (!cert) {
        return fail("the argument is not a certificate (PEM): " + error);
    }
    const auto profile = cert->profile();
    if (!profile) {
        return fail("the certificate's key is neither GOST R 34.10-2012 nor RSA");
    }
    return ok(cert->hash_hex(*profile));
}

FunctionResult fn_b64url(std::span<const std::string> a) {
    return ok(crypto::b64url_encode(a[0]));
}

FunctionResult fn_b64url_decode(std::span<const std::string> a) {
    auto bytes = crypto::b64url_decode(a[0]);
    if (!bytes) {
        return fail("the text is not b64url");
    }
    return ok(std::move(*bytes));
}

// The three dot-separated parts of a compact JWS; fewer or more is an error.
std::optional<std::array<std::string_view, 3>> jwt_parts(std::string_view token) {
    const auto first = token.find('.');
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    const auto second = token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    return std::array<std::string_view, 3>{token.substr(0, first),
                                           token.substr(first + 1, second - first - 1),
                                           token.substr(second + 1)};
}

// Part `index` (0 header, 1 payload) of a JWT as decoded JSON text.
FunctionResult jwt_part(const std::string& token, std::size_t index) {
    const auto parts = jwt_parts(token);
    if (!parts) {
        return fail("not a JWT (three b64url parts separated by '.')");
    }
    auto text = crypto::b64url_decode((*parts)[index]);
    const char* what = index == 0 ? "header" : "payload";
    if (!text) {
        return fail(std::string("the ") + what + " is not b64url");
    }
    std::error_code ec;
    (void)boost::json::parse(*text, ec);
    if (ec) {
        return fail(std::string("the ") + what + " is not JSON");
    }
    return ok(std::move(*text));
}

FunctionResult fn_jwt_header(std::span<const std::string> a) {
    return jwt_part(a[0], 0);
}
FunctionResult fn_jwt_payload(std::span<const std::string> a) {
    return jwt_part(a[0], 1);
}

// 'true' when the signature of the JWT verifies with the certificate under the header's alg
// (GOST3410_2012_256 with a GOST key, RS256 with an RSA key); 'false' for anything else that
// is a JWT. A certificate that does not parse is an error (a scenario mistake).
FunctionResult fn_jwt_verify(std::span<const std::string> a) {
    std::string error;
    const auto cert = crypto::Certificate::from_pem(a[1], &error);
    if (!cert) {
        return fail("the second argument is not a certificate (PEM): " + error);
    }
    const auto parts = jwt_parts(a[0]);
    if (!parts) {
        return ok("false");
    }
    const auto header = crypto::b64url_decode((*parts)[0]);
    const auto signature = crypto::b64url_decode((*parts)[2]);
    if (!header || !signature) {
        return ok("false");
    }
    std::error_code ec;
    const boost::json::value h = boost::json::parse(*header, ec);
    const auto* alg = !ec && h.is_object() ? h.get_object().if_contains("alg") : nullptr;
    if (alg == nullptr || !alg->is_string()) {
        return ok("false");
    }
    const auto profile = cert->profile();
    const bool matches =
        (alg->get_string() == "GOST3410_2012_256" && profile == crypto::Profile::gost) ||
        (alg->get_string() == "RS256" && profile == crypto::Profile::rsa);
    if (!matches) {
        return ok("false");
    }
    const std::string signed_text = std::string((*parts)[0]) + "." + std::string((*parts)[1]);
    return ok(cert->verify(signed_text, *signature) ? "true" : "false");
}

constexpr std::array<FunctionDef, 9> table = {{
    {"streebog", 1, 1, fn_streebog},
    {"sha256", 1, 1, fn_sha256},
    {"gost_sign", 2, 2, fn_gost_sign},
    {"cert_hash", 1, 1, fn_cert_hash},
    {"b64url", 1, 1, fn_b64url},
    {"b64url_decode", 1, 1, fn_b64url_decode},
    {"jwt_header", 1, 1, fn_jwt_header},
    {"jwt_payload", 1, 1, fn_jwt_payload},
    {"jwt_verify", 2, 2, fn_jwt_verify},
}};

} // namespace

std::span<const FunctionDef> crypto_functions() {
    return table;
}

} // namespace logintest::harness::scenario
