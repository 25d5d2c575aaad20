// Mock key material on disk (ESIA-SIG-7): a key and its self-signed certificate stored as a
// PEM pair (`<stem>.key`, `<stem>.pem`) in `crypto.keys_dir`, loaded when both files exist and
// generated (then written) when they do not, so certificate hashes stay stable between runs.
// esia uses it for its signing key and the client keys (client-ASURSO, client-CONFTEST);
// asurso for its client key and to read the ESIA signing certificate. Start-up only; the
// functions touch the file system and are not meant for request paths. Thread-safe as far as
// the file system is (files are written to a temporary name and renamed into place).
#pragma once

#include "crypto/gost.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

struct MockKeyResult {
    std::optional<crypto::KeyAndCertificate> pair; // empty on error
    bool generated = false;                        // true when the files were written now
    std::string error; // e.g. "mock-keys/client-ASURSO.key: not a private key"
};

// `<dir>/<stem>.key` and `<dir>/<stem>.pem`.
std::filesystem::path mock_key_file(const std::filesystem::path& dir, std::string_view stem);
std::filesystem::path mock_cert_file(const std::filesystem::path& dir, std::string_view stem);

// ESIA-SIG-7: loads the pair when both files exist (the key must have `profile`), else
// generates a key and a certificate with this common name (ESIA-SIG-1) and writes both, the
// key readable by the owner only. Directories are created as needed.
[[nodiscard]] MockKeyResult load_or_generate_key(const std::filesystem::path& key_file,
                                                 const std::filesystem::path& cert_file,
                                                 crypto::Profile profile,
                                                 std::string_view common_name, int days = 3650);

// A PEM certificate file (asurso reads `esia_cert_file`, ESIA-JWT-6); nullopt with `error`.
[[nodiscard]] std::optional<crypto::Certificate>
load_certificate_file(const std::filesystem::path& file, std::string* error = nullptr);

// Writes `text` to `file` through a temporary file and a rename; "" or the error.
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& file,
                                                std::string_view text, bool owner_only = false);

} // namespace logintest::mocks::common
