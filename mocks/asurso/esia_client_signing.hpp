// asurso's side of the ESIA client signatures (ESIA-SIG-2..5): the request timestamp in
// Moscow time (NS-ESIA-2), the signed messages of the v2/ac and v3/te requests and of the
// legacy protocol (NS-ESIA-4), and `client_secret` made from them with asurso's client key.
// Used by crosslogin (NS-ESIA-2) and the token exchange (NS-ESIA-11). Pure apart from the
// key's signing and the random state; thread-safe.
#pragma once

#include "crypto/gost.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

// NS-ESIA-2: "yyyy.MM.dd HH:mm:ss +0300", the instant `t` in Moscow time (UTC+3).
std::string moscow_timestamp(std::chrono::system_clock::time_point t);

// The values a signed client request carries (ESIA-SIG-4: exactly as sent, URL-decoded;
// `scope_org` empty when absent).
struct SignedRequestFields {
    std::string client_id;
    std::string scope;
    std::string scope_org;
    std::string timestamp;
    std::string state;
    std::string redirect_uri;
    std::string code; // v3/te authorization_code only
};

// NS-ESIA-2: the fields of a new request: `client_id` and `scope` of asurso's client, a new
// UUID state, `now` as a Moscow timestamp, and asurso's callback `redirect_uri`.
SignedRequestFields new_signed_request(std::string client_id, std::string scope,
                                       std::chrono::system_clock::time_point now,
                                       std::string redirect_uri);

// ESIA-SIG-4 v2/ac: client_id || scope || scope_org || timestamp || state || redirect_uri.
std::string v2_ac_message(const SignedRequestFields& f);
// ESIA-SIG-4 v3/te authorization_code: the v2/ac message || code.
std::string v3_te_message(const SignedRequestFields& f);
// ESIA-SIG-5 legacy ac and te: scope || timestamp || client_id || state.
std::string legacy_message(const SignedRequestFields& f);

// ESIA-SIG-3: b64url of the raw signature of `message`.
std::string v2_client_secret(const crypto::PrivateKey& key, std::string_view message);
// ESIA-SIG-5: b64url of the detached CMS SignedData (DER) of `message`.
std::string legacy_client_secret(const crypto::KeyAndCertificate& signer, std::string_view message);

} // namespace logintest::mocks::asurso
