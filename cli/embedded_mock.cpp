// Starting the embedded mock and wiring the client to it (see embedded_mock.hpp).
#include "cli/embedded_mock.hpp"

#include "cli/output_file.hpp"
#include "mocks/common/issued_secrets.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace logintest::cli {

EmbeddedMock start_embedded_mock(const mocks::MockStackOptions& options,
                                 harness::http::ClientOptions& client_options) {
    auto started = mocks::MockStack::start(options);
    if (!started.stack) {
        return {nullptr, started.error};
    }
    auto& mock = *started.stack;
    if (mock.tls() && client_options.ca_file.empty()) {
        client_options.ca_file = mock.ca_file(); // MOCK-HOST-5: trust the mock's CA
    }
    // The public names lead to the mock's loopback addresses (spec §1, note).
    client_options.resolve.add("asurso.ru", mock.asurso_port(), mock.asurso_address());
    client_options.resolve.add("center.asurso.ru", mock.asurso_port(), mock.asurso_address());
    client_options.resolve.add("esia.gosuslugi.ru", mock.esia_port(), mock.esia_address());
    return {std::move(started.stack), {}};
}

MockSecretsFile::MockSecretsFile(std::string path) : path_(std::move(path)) {
    if (path_.empty()) {
        return;
    }
    mocks::common::IssuedSecrets::instance().enable(true);
    fmt::print(stderr,
               "warning: {} will hold every secret the mock issues (codes, tokens, `at`, session "
               "cookies, SMS codes) in clear; delete it after use\n",
               path_);
}

MockSecretsFile::~MockSecretsFile() {
    if (auto error = write(); !error.empty()) {
        fmt::print(stderr, "{}\n", error);
    }
}

std::string MockSecretsFile::write() {
    if (path_.empty()) {
        return {};
    }
    auto& record = mocks::common::IssuedSecrets::instance();
    std::string error = write_output_file(path_, record.to_text());
    if (error.empty() && record.dropped() > 0) {
        error = fmt::format("warning: {} secrets beyond the first {} were not recorded in {}",
                            record.dropped(), mocks::common::IssuedSecrets::capacity, path_);
    }
    path_.clear();
    return error;
}

} // namespace logintest::cli
