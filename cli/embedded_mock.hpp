// The embedded mock of `check` and `load`: starts the mock stack on its loopback addresses and
// points the client at it (the --resolve entries for the public names of spec §1, and the
// mock's CA when TLS is on and the user gave no CA of their own).
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

} // namespace logintest::cli
