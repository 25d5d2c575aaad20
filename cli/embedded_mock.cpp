// Starting the embedded mock and wiring the client to it (see embedded_mock.hpp).
#include "cli/embedded_mock.hpp"

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

} // namespace logintest::cli
