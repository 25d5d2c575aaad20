// TargetSetup: how `check` and `load` reach their target, in one place. A target is either a
// deployment given by its base URLs (--asurso-url/--esia-url, or a --target file that `check`
// turns into them) or, when none is given, the embedded mock started on free loopback ports.
// The steps, which each command calls in its own order around its own checks:
//
//   check_urls()          both URLs or neither
//   read_fixture(path)    the fixture both sides use, and its accounts
//   make_client_options() timeouts, TLS trust, the --resolve map
//   start(mock_options)   the embedded mock (the client then resolves the public names to it
//                         and trusts its CA), or the given URLs
//   connect()             the client context (reads the CA file)
//
// Each fallible step returns an error text (empty on success) that the command prints and
// turns into its exit code: every problem but a mock that cannot start (exit 4) is a usage
// error (exit 3). Lives on the command's thread; the mock and the client live as long as it.
#pragma once

#include "cli/fixture_text.hpp"

#include "harness/engine/accounts.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/http/client.hpp"
#include "mocks/mock_stack.hpp"

#include <memory>
#include <string>
#include <vector>

namespace logintest::cli {

// The options of the target that `check` and `load` share.
struct TargetOptions {
    std::string asurso_url; // empty (with esia_url) = the embedded mock
    std::string esia_url;
    std::vector<std::string> resolve; // host:port:address, like curl
    std::string ca_file;
    bool insecure = false;
    std::string fixture_file; // empty = the mock configuration's, else the built-in one
    int connect_timeout_ms = 5000;
    int request_timeout_ms = 15000;
};

class TargetSetup {
public:
    explicit TargetSetup(TargetOptions options);
    ~TargetSetup();
    TargetSetup(const TargetSetup&) = delete;
    TargetSetup& operator=(const TargetSetup&) = delete;

    // No URL given: the run goes to the embedded mock.
    bool embedded() const { return embedded_; }
    [[nodiscard]] std::string check_urls() const;
    // --fixture, else for the embedded mock `mock_fixture_path` (its configuration's
    // fixture.path), else the built-in fixture; parsed into accounts.
    [[nodiscard]] std::string read_fixture(const std::string& mock_fixture_path);
    [[nodiscard]] std::string make_client_options();
    // The embedded mock with `mock_options` (its fixture is the one read above), or nothing to
    // start for a deployment. Error: "cannot start the embedded mock: ...".
    [[nodiscard]] std::string start(mocks::MockStackOptions mock_options);
    [[nodiscard]] std::string connect();
    // Stops the embedded mock, if one runs.
    void stop_mock();

    // The base URLs without a trailing slash: the given ones, after start() the mock's.
    const std::string& asurso_base() const { return asurso_base_; }
    const std::string& esia_base() const { return esia_base_; }
    mocks::MockStack* mock() const { return mock_.get(); }
    const FixtureText& fixture() const { return fixture_; }
    const harness::engine::Accounts& accounts() const { return accounts_; }
    harness::http::ClientOptions& client_options() { return client_options_; }
    // After connect(): what every journey of the run shares; `mock`: mock-only parts run.
    harness::engine::RunContext run_context(bool mock) const;

private:
    TargetOptions options_;
    bool embedded_;
    std::string asurso_base_;
    std::string esia_base_;
    std::string fixture_file_;
    FixtureText fixture_;
    harness::engine::Accounts accounts_;
    harness::http::ClientOptions client_options_;
    std::unique_ptr<mocks::MockStack> mock_;
    std::unique_ptr<harness::http::ClientContext> client_;
};

} // namespace logintest::cli
