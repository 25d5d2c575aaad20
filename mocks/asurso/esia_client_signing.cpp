// ESIA client signatures on asurso's side (esia_client_signing.hpp).
#include "mocks/asurso/esia_client_signing.hpp"

#include "crypto/base64url.hpp"

#include <fmt/format.h>

namespace logintest::mocks::asurso {

std::string moscow_timestamp(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto moscow = floor<seconds>(t) + hours(3); // NS-ESIA-2: Moscow time, +0300
    const auto day = floor<days>(moscow);
    const year_month_day ymd{day};
    const hh_mm_ss hms{moscow - day};
    return fmt::format("{:04}.{:02}.{:02} {:02}:{:02}:{:02} +0300", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count());
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
