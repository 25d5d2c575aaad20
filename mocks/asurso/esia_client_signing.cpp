// ESIA client signatures on asurso's side (esia_client_signing.hpp).
#include "mocks/asurso/esia_client_signing.hpp"
#include "support/text/utc_time.hpp"

#include "crypto/base64url.hpp"
#include "mocks/common/random.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace logintest::mocks::asurso {

std::string moscow_timestamp(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto moscow = floor<seconds>(t) + hours(3); // NS-ESIA-2: Moscow time, +0300
    return fmt::format("{:%Y.%m.%d %H:%M:%S} +0300", support::utc_tm(moscow));
}

SignedRequestFields new_signed_request(std::string client_id, std::string scope,
                                       std::chrono::system_clock::time_point now,
                                       std::string redirect_uri) {
    SignedRequestFields f;
    f.client_id = std::move(client_id);
    f.scope = std::move(scope);
    f.timestamp = moscow_timestamp(now);
    f.state = common::random_uuid4();
    f.redirect_uri = std::move(redirect_uri);
    return f;
}

std::string v2_ac_message(const SignedRequestFields& f) {
    return f.client_id + f.scope + f.scope_org + f.timestamp + f.state + f.redirect_uri;
}

std::string v3_te_message(const SignedRequestFields& f) {
    return v2_ac_message(f) + f.code;
}

std::string legacy_message(const SignedRequestFields& f) {
    return f.scope + f.timestamp + f.client_id + f.state;
}

std::string v2_client_secret(const crypto::PrivateKey& key, std::string_view message) {
    return crypto::b64url_encode(key.sign(message)); // ESIA-SIG-3
}

std::string legacy_client_secret(const crypto::KeyAndCertificate& signer,
                                 std::string_view message) {
    return crypto::b64url_encode(crypto::cms_sign_detached(signer, message)); // ESIA-SIG-5
}

} // namespace logintest::mocks::asurso
