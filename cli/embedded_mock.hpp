// The embedded mock of `check` and `load`: starts the mock stack on its loopback addresses and
// points the client at it (the --resolve entries for the public names of spec §1, and the
// mock's CA when TLS is on and the user gave no CA of their own). Also the one exception to
// redaction: --mock-secrets-file, the mock's record of the secrets it issued, for audits.
#pragma once

#include "harness/http/client.hpp"
#include "mocks/mock_stack.hpp"

#include <memory>
#include <string>

namespace logintest::cli {

struct EmbeddedMock {
    std::unique_ptr<mocks::MockStack> stack; // null on error
    std::string error;
};

EmbeddedMock start_embedded_mock(const mocks::MockStackOptions& options,
                                 harness::http::ClientOptions& client_options);

// --mock-secrets-file FILE of `check`, `load` and `mock`: with a file, turns on the mock's
// record of every secret it issues (mocks/common/issued_secrets.hpp) and warns on stderr that
// the file will hold secrets in clear; at the end of the command (destruction) writes the
// record, one "kind<TAB>value" line each. Without a file it does nothing. One per command.
class MockSecretsFile {
public:
    explicit MockSecretsFile(std::string path);
    ~MockSecretsFile();
    MockSecretsFile(const MockSecretsFile&) = delete;
    MockSecretsFile& operator=(const MockSecretsFile&) = delete;
    // Writes the record now (the destructor then does nothing); an error text or empty.
    std::string write();

private:
    std::string path_;
};

} // namespace logintest::cli
