// TLS material of the mock (MOCK-HOST-5): a CA (ECDSA P-256, never GOST, so ordinary clients
// work) and server certificates issued by it with the given subject alternative names
// (DNS names and IP addresses). PEM strings in and out; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace logintest::crypto {

struct PemPair {
    std::string key_pem;
    std::string cert_pem;
};

std::optional<PemPair> generate_tls_ca(const std::string& common_name,
                                       std::string* error = nullptr);

// `sans` entries are host names ("asurso.ru") or IP addresses ("127.0.0.1").
std::optional<PemPair> issue_tls_server_cert(const PemPair& ca, const std::string& common_name,
                                             const std::vector<std::string>& sans,
                                             std::string* error = nullptr);

} // namespace logintest::crypto
