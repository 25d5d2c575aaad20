// Internal to crypto/: the pieces of certificate making shared by the ESIA client certificates
// (gost.cpp) and the mock's TLS material (tls_material.cpp): a v3 certificate with a random
// serial and a validity window, extensions from OpenSSL's config syntax, subject alternative
// names, and PEM in and out. Thread-safe (no shared state).
#pragma once

#include "crypto/openssl_handles.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace logintest::crypto::detail {

// Checks the arguments new_certificate takes (CN of 1..64 bytes, days > 0), so that callers can
// refuse bad ones before paying for a key.
bool valid_certificate_arguments(std::string_view common_name, int days, std::string* error);

// A version-3 certificate holding `public_key`, with a random positive 16-byte serial, subject
// CN=`common_name` (UTF-8), notBefore = now + `not_before_offset_seconds` and notAfter = now +
// `days`. The issuer is the subject (self-signed) until set otherwise. Null with `error`.
X509Ptr new_certificate(EVP_PKEY* public_key, std::string_view common_name,
                        long not_before_offset_seconds, int days, std::string* error);

// Adds one extension written in openssl.cnf syntax ("critical,CA:TRUE"); `issuer` is the
// issuing certificate (the certificate itself when self-signed), used by authorityKeyIdentifier.
bool add_extension(X509* cert, X509* issuer, int nid, const char* value, std::string* error);

// subjectAltName from host names and IP addresses: an entry that parses as an IPv4 or IPv6
// address becomes an iPAddress, anything else a dNSName.
bool add_subject_alt_names(X509* cert, const std::vector<std::string>& sans, std::string* error);

std::string certificate_pem(X509* cert);
// PKCS#8, unencrypted.
std::string private_key_pem(EVP_PKEY* key);
std::string public_key_pem(EVP_PKEY* key);

// Null with `error` when the text holds no such PEM block (encrypted keys are refused).
X509Ptr parse_certificate_pem(std::string_view pem, std::string* error);
EvpPkeyPtr parse_private_key_pem(std::string_view pem, std::string* error);

} // namespace logintest::crypto::detail
