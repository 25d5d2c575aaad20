// TargetSetup (see target_setup.hpp).
#include "cli/target_setup.hpp"

#include "cli/embedded_mock.hpp"
#include "support/text/strings.hpp"

#include <exception>

namespace logintest::cli {

TargetSetup::TargetSetup(TargetOptions options)
    : options_(std::move(options)),
      embedded_(options_.asurso_url.empty() && options_.esia_url.empty()),
      asurso_base_(support::strip_slash(options_.asurso_url)),
      esia_base_(support::strip_slash(options_.esia_url)) {}

TargetSetup::~TargetSetup() = default;

std::string TargetSetup::check_urls() const {
    if (options_.asurso_url.empty() != options_.esia_url.empty()) {
        return "--asurso-url and --esia-url go together";
    }
    return {};
}

std::string TargetSetup::read_fixture(const std::string& mock_fixture_path) {
    fixture_file_ =
        !options_.fixture_file.empty() || !embedded_ ? options_.fixture_file : mock_fixture_path;
    fixture_ = cli::read_fixture(fixture_file_);
    if (!fixture_.error.empty()) {
        return fixture_.error;
    }
    auto parsed = harness::engine::Accounts::parse(fixture_.text, fixture_.source);
    if (!parsed.error.empty()) {
        return parsed.error;
    }
    accounts_ = std::move(parsed.accounts);
    return {};
}

std::string TargetSetup::make_client_options() {
    client_options_.connect_timeout = std::chrono::milliseconds(options_.connect_timeout_ms);
    client_options_.request_timeout = std::chrono::milliseconds(options_.request_timeout_ms);
    client_options_.ca_file = options_.ca_file;
    client_options_.verify_tls = !options_.insecure;
    for (const auto& entry : options_.resolve) {
        if (auto error = client_options_.resolve.add(entry); !error.empty()) {
            return "--resolve " + entry + ": " + error;
        }
    }
    return {};
}

std::string TargetSetup::start(mocks::MockStackOptions mock_options) {
    if (!embedded_) {
        return {};
    }
    mock_options.fixture_json = fixture_file_.empty() ? "" : fixture_.text;
    auto started = start_embedded_mock(mock_options, client_options_);
    if (!started.stack) {
        return "cannot start the embedded mock: " + started.error;
    }
    mock_ = std::move(started.stack);
    asurso_base_ = mock_->asurso_base_url();
    esia_base_ = mock_->esia_base_url();
    return {};
}

std::string TargetSetup::connect() {
    // An unreadable CA file is a usage error of the command.
    auto created = harness::http::ClientContext::create(client_options_);
    if (!created.ok()) {
        return created.error;
    }
    client_ = std::move(created.context);
    return {};
}

void TargetSetup::stop_mock() {
    if (mock_) {
        mock_->stop();
    }
}

harness::engine::RunContext TargetSetup::run_context(bool mock) const {
    harness::engine::RunContext context{asurso_base_, esia_base_, accounts_, *client_};
    context.mock = mock;
    return context;
}

} // namespace logintest::cli
