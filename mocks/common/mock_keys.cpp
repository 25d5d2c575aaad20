// Load-or-generate of the mock's key pairs (mock_keys.hpp).
#include "mocks/common/mock_keys.hpp"

#include "support/text/file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <system_error>

#include <unistd.h>

namespace logintest::mocks::common {
namespace {

// The file's text, or "<file>: cannot read" in `error`.
std::optional<std::string> read_file(const std::filesystem::path& file, std::string& error) {
    auto text = support::read_file(file);
    if (!text) {
        error = fmt::format("{}: cannot read", file.string());
        return std::nullopt;
    }
    return std::move(*text);
}

std::string_view profile_name(crypto::Profile p) {
    return p == crypto::Profile::gost ? "gost" : "rsa";
}

MockKeyResult load_pair(const std::filesystem::path& key_file,
                        const std::filesystem::path& cert_file, crypto::Profile profile) {
    MockKeyResult result;
    const auto key_text = read_file(key_file, result.error);
    if (!key_text) {
        return result;
    }
    const auto cert_text = read_file(cert_file, result.error);
    if (!cert_text) {
        return result;
    }
    std::string why;
    auto key = crypto::PrivateKey::from_pem(*key_text, &why);
    if (!key) {
        result.error = fmt::format("{}: not a private key: {}", key_file.string(), why);
        return result;
    }
    if (key->profile() != profile) {
        result.error =
            fmt::format("{}: holds a {} key but crypto.profile is {}; remove the "
                        "files or use another crypto.keys_dir",
                        key_file.string(), profile_name(key->profile()), profile_name(profile));
        return result;
    }
    auto cert = crypto::Certificate::from_pem(*cert_text, &why);
    if (!cert) {
        result.error = fmt::format("{}: not a certificate: {}", cert_file.string(), why);
        return result;
    }
    result.pair = crypto::KeyAndCertificate{std::move(*key), std::move(*cert)};
    return result;
}

} // namespace

std::filesystem::path mock_key_file(const std::filesystem::path& dir, std::string_view stem) {
    return dir / (std::string(stem) + ".key");
}

std::filesystem::path mock_cert_file(const std::filesystem::path& dir, std::string_view stem) {
    return dir / (std::string(stem) + ".pem");
}

std::string write_file_atomically(const std::filesystem::path& file, std::string_view text,
                                  bool owner_only) {
    std::error_code ec;
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            return fmt::format("{}: cannot create directory: {}", file.parent_path().string(),
                               ec.message());
        }
    }
    const auto tmp = std::filesystem::path(file.string() + fmt::format(".tmp{}", ::getpid()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            return fmt::format("{}: cannot write", tmp.string());
        }
        if (owner_only) {
            std::filesystem::permissions(
                tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out) {
            return fmt::format("{}: cannot write", tmp.string());
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return fmt::format("{}: cannot write: {}", file.string(), ec.message());
    }
    return {};
}

MockKeyResult load_or_generate_key(const std::filesystem::path& key_file,
                                   const std::filesystem::path& cert_file, crypto::Profile profile,
                                   std::string_view common_name, int days) {
    std::error_code ec;
    // ESIA-SIG-7: existing files are reused so that certificate hashes stay stable.
    if (std::filesystem::exists(key_file, ec) && std::filesystem::exists(cert_file, ec)) {
        return load_pair(key_file, cert_file, profile);
    }
    MockKeyResult result;
    if (profile == crypto::Profile::gost && !crypto::gost_available()) {
        result.error = "the OpenSSL gost engine is not available (install "
                       "libengine-gost-openssl or use crypto.profile rsa)";
        return result;
    }
    std::string why;
    auto pair = crypto::generate_self_signed(profile, common_name, days, &why);
    if (!pair) {
        result.error = fmt::format("cannot generate a key for {}: {}", common_name, why);
        return result;
    }
    // The key first: a certificate without its key would be useless on the next start.
    if (auto error = write_file_atomically(key_file, pair->key.pem(), true); !error.empty()) {
        result.error = std::move(error);
        return result;
    }
    if (auto error = write_file_atomically(cert_file, pair->certificate.pem()); !error.empty()) {
        result.error = std::move(error);
        return result;
    }
    result.pair = std::move(pair);
    result.generated = true;
    return result;
}

std::optional<crypto::Certificate> load_certificate_file(const std::filesystem::path& file,
                                                         std::string* error) {
    std::string why;
    const auto text = read_file(file, why);
    if (!text) {
        if (error != nullptr) {
            *error = why;
        }
        return std::nullopt;
    }
    auto cert = crypto::Certificate::from_pem(*text, &why);
    if (!cert && error != nullptr) {
        *error = fmt::format("{}: not a certificate: {}", file.string(), why);
    }
    return cert;
}

} // namespace logintest::mocks::common
