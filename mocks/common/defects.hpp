// Defects (MOCK-DEF): deliberate deviations from one spec clause each, switchable at start
// (`defects` config key, `--defect NAME`) and at run time (`PUT /mock/defects`). The
// catalogue names each defect's host, the clause it violates and the §24 check that catches
// it; docs/mock.md describes the behaviours. A DefectSet is one host's enabled set: lock-free
// reads (handlers ask on every request), thread-safe writes.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

enum class Defect {
    accept_wrong_password,
    pw_prefix_unchecked,
    salt_reuse,
    salt_not_session_bound,
    wrong_409_text,
    enumerating_409,
    session_without_at,
    logout_keeps_session,
    no_lockout,
    reset_keeps_old_password,
    accept_cyrillic_password_change,
    first_login_not_cleared,
    skip_state_check,
    loginstate_not_session_bound,
    skip_binding_prompt,
    rebind_other_oid,
    bind_under_14,
    accept_child_account,
    skip_redirect_uri_check,
    skip_timestamp_check,
    skip_signature_check,
    reusable_code,
    code_no_expiry,
    token_state_not_echoed,
    token_no_store_missing,
    id_token_wrong_aud,
    id_token_expired,
    phone_not_normalised,
    snils_no_checksum,
    esia_no_captcha,
    esia_no_lockout,
    mfa_bypass,
    unconfirmed_accepted,
    esia_logout_keeps_sso,
    open_logout_redirect,
};

enum class Host { asurso, esia };

struct DefectInfo {
    Defect defect;
    std::string_view name;      // as written in configuration and on the command line
    Host host;                  // the host whose behaviour it changes
    std::string_view clause;    // the clause it violates
    std::string_view caught_by; // the §24 check of the spec's "Caught by" column
};

// Every defect, in the order of the spec's table.
std::span<const DefectInfo> defect_catalogue();
const DefectInfo& defect_info(Defect d);
std::optional<Defect> find_defect(std::string_view name);
std::string_view host_name(Host host);

class DefectSet {
public:
    explicit DefectSet(Host host) : host_(host) {}

    // True when the defect is enabled on this host.
    bool on(Defect d) const {
        return (bits_.load(std::memory_order_relaxed) >> static_cast<unsigned>(d)) & 1u;
    }

    // Replaces the enabled set. Every name must be a known defect of this host; otherwise
    // nothing changes and the error names the offending entry.
    std::string set(const std::vector<std::string>& names);
    // The start set (config / command line), restored by reset().
    std::string set_start(const std::vector<std::string>& names);
    void reset() { bits_.store(start_bits_.load()); }

    std::vector<std::string> enabled() const;
    std::vector<std::string> available() const;
    Host host() const { return host_; }

private:
    std::optional<std::uint64_t> parse(const std::vector<std::string>& names,
                                       std::string& error) const;
    Host host_;
    std::atomic<std::uint64_t> bits_{0};
    std::atomic<std::uint64_t> start_bits_{0};
};

} // namespace logintest::mocks::common
