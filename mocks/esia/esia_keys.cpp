// Loading or generating the esia key material (esia_keys.hpp).
#include "mocks/esia/esia_keys.hpp"

#include "mocks/common/mock_keys.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace logintest::mocks::esia {
namespace {

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return in ? std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())
              : std::string();
}

} // namespace

EsiaKeysResult load_esia_keys(const EsiaConfig& config, const common::Fixture& fixture) {
    EsiaKeysResult result;
    const std::filesystem::path dir(config.keys_dir);

    // ESIA-SIG-7: esia-signing.key/.pem; the signing key follows crypto.profile (ESIA-SIG-1).
    auto signing = common::load_or_generate_key(common::mock_key_file(dir, "esia-signing"),
                                                common::mock_cert_file(dir, "esia-signing"),
                                                config.profile, "ESIA signing (mock)");
    if (!signing.pair) {
        result.error = std::move(signing.error);
        return result;
    }
    result.keys.signing =
        std::make_shared<const crypto::KeyAndCertificate>(std::move(*signing.pair));

    // ESIA-SIG-7: client-<client_id>.key/.pem for every registered client.
    for (const auto& client : fixture.clients) {
        const std::string stem = "client-" + client.client_id;
        auto pair = common::load_or_generate_key(common::mock_key_file(dir, stem),
                                                 common::mock_cert_file(dir, stem), config.profile,
                                                 client.client_id);
        if (!pair.pair) {
            result.error = std::move(pair.error);
            return result;
        }
        result.keys.clients[client.client_id] =
            std::make_shared<const crypto::KeyAndCertificate>(std::move(*pair.pair));
    }

    // ESIA-JWT-6: the signing certificate at esia.signing_cert_file (by default the same file
    // as in keys_dir, then nothing to do).
    if (!config.signing_cert_file.empty()) {
        const std::string pem = result.keys.signing->certificate.pem();
        const std::filesystem::path target(config.signing_cert_file);
        if (read_text(target) != pem) {
            if (auto error = common::write_file_atomically(target, pem); !error.empty()) {
                result.error = std::move(error);
            }
        }
    }
    return result;
}

} // namespace logintest::mocks::esia
