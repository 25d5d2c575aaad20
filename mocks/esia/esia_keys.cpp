// Loading or generating the esia key material (esia_keys.hpp).
#include "mocks/esia/esia_keys.hpp"

#include "mocks/common/mock_keys.hpp"
#include "support/text/file.hpp"

#include <filesystem>

namespace logintest::mocks::esia {
namespace {

std::string read_text(const std::filesystem::path& file) {
    auto text = support::read_file(file);
    return text ? std::move(*text) : std::string();
}

} // namespace

support::Result<EsiaKeys> load_esia_keys(const EsiaConfig& config, const common::Fixture& fixture) {
    EsiaKeys keys;
    const std::filesystem::path dir(config.keys_dir);

    // ESIA-SIG-7: esia-signing.key/.pem; the signing key follows crypto.profile (ESIA-SIG-1).
    auto signing = common::load_or_generate_key(common::mock_key_file(dir, "esia-signing"),
                                                common::mock_cert_file(dir, "esia-signing"),
                                                config.profile, "ESIA signing (mock)");
    if (!signing.pair) {
        return support::Problem{"", 0, std::move(signing.error)};
    }
    keys.signing = std::make_shared<const crypto::KeyAndCertificate>(std::move(*signing.pair));

    // ESIA-SIG-7: client-<client_id>.key/.pem for every registered client.
    for (const auto& client : fixture.clients) {
        const std::string stem = "client-" + client.client_id;
        auto pair = common::load_or_generate_key(common::mock_key_file(dir, stem),
                                                 common::mock_cert_file(dir, stem), config.profile,
                                                 client.client_id);
        if (!pair.pair) {
            return support::Problem{"", 0, std::move(pair.error)};
        }
        keys.clients[client.client_id] =
            std::make_shared<const crypto::KeyAndCertificate>(std::move(*pair.pair));
    }

    // ESIA-JWT-6: the signing certificate at esia.signing_cert_file (by default the same file
    // as in keys_dir, then nothing to do).
    if (!config.signing_cert_file.empty()) {
        const std::string pem = keys.signing->certificate.pem();
        const std::filesystem::path target(config.signing_cert_file);
        if (read_text(target) != pem) {
            if (auto error = common::write_file_atomically(target, pem); !error.empty()) {
                return support::Problem{"", 0, std::move(error)};
            }
        }
    }
    return keys;
}

} // namespace logintest::mocks::esia
