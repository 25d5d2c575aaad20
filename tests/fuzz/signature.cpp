// Fuzz target: the signature parsers and the values around them: b64url (crypto/base64url),
// PEM certificates and keys (crypto/gost Certificate/PrivateKey::from_pem), esia's checks of a
// client's `client_secret` (mocks/esia/client_signature.cpp: the raw signature of ESIA-SIG-3,
// the detached CMS of ESIA-SIG-5, the certificate hash of ESIA-SIG-2), the request timestamp
// (ESIA-AC-2 step 9), UUIDs and the client's redirect and scope rules, against the mock's real
// ASURSO client. The first byte picks the parser, the rest is its text. Beyond "no crash, no
// leak, no UB" it asserts: decoded b64url bytes, encoded and decoded again, are the same;
// no fuzzed secret verifies over a message unless it is the signature of that message (one
// made by the client's key is accepted: the seeds hold none, so any acceptance is a forgery);
// a timestamp that parses is written back to the same instant; a certificate that parses
// gives a PEM that parses to the same DER.
#include "crypto/base64url.hpp"
#include "crypto/gost.hpp"
#include "mocks/esia/client_signature.hpp"
#include "tests/fuzz/mock_hosts.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace crypto = logintest::crypto;
namespace esia = logintest::mocks::esia;

const esia::Client& asurso_client() {
    static const auto client =
        logintest::fuzz::MockHosts::instance().esia->state().clients.find("ASURSO");
    if (!client || !client->keys) {
        std::abort();
    }
    return *client;
}

void b64url(std::string_view text) {
    const auto bytes = crypto::b64url_decode(text);
    if (!bytes) {
        return;
    }
    // Not text == encode(bytes): the decoder accepts non-zero trailing bits ("bG8gd2").
    const auto again = crypto::b64url_decode(crypto::b64url_encode(*bytes));
    FUZZ_ASSERT(again && *again == *bytes, text);
}

void secret(std::string_view text) {
    const auto& client = asurso_client();
    const std::string message = "ASURSOopenid fullname2025.11.28 22:40:05 +0300";
    FUZZ_ASSERT(!esia::raw_secret_verifies(client, text, message), "a forged raw signature");
    FUZZ_ASSERT(!esia::cms_secret_verifies(client, text, message), "a forged CMS signature");
    FUZZ_ASSERT(!esia::certificate_hash_matches(client, text) ||
                    text.size() == client.certificate_hash.size(),
                "a hash of another length matches");
}

void timestamp(std::string_view text) {
    const auto t = esia::parse_esia_timestamp(text);
    (void)esia::timestamp_in_window(text, logintest::fuzz::fixed_time(), 300);
    if (!t) {
        return;
    }
    const std::string again = esia::format_esia_timestamp(*t, std::chrono::minutes(180));
    const auto back = esia::parse_esia_timestamp(again);
    FUZZ_ASSERT(back && *back == *t, again);
}

void pem(std::string_view text) {
    if (const auto cert = crypto::Certificate::from_pem(text)) {
        const auto again = crypto::Certificate::from_pem(cert->pem());
        FUZZ_ASSERT(again && again->der() == cert->der(), "PEM round trip");
        (void)cert->profile();
        (void)cert->hash_hex(crypto::Profile::rsa);
        (void)cert->verify("message", text);
    }
    if (const auto key = crypto::PrivateKey::from_pem(text)) {
        (void)key->matches(asurso_client().keys->certificate);
    }
}

void client_rules(std::string_view text) {
    const auto& client = asurso_client();
    (void)esia::is_uuid(text);
    (void)client.allows_redirect_uri(text);
    (void)client.allows_scope(text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0:
        b64url(text);
        break;
    case 1:
        secret(text);
        break;
    case 2:
        timestamp(text);
        break;
    case 3:
        pem(text);
        break;
    default:
        client_rules(text);
        break;
    }
    return 0;
}
