// The defect catalogue of spec §21.3 and the per-host enabled set (see defects.hpp).
#include "mocks/common/defects.hpp"

#include <array>

namespace logintest::mocks::common {
namespace {

constexpr std::array<DefectInfo, 35> catalogue = {{
    {Defect::accept_wrong_password, "accept-wrong-password", Host::asurso, "NS-HASH-5", "J4-01"},
    {Defect::pw_prefix_unchecked, "pw-prefix-unchecked", Host::asurso, "NS-HASH-5", "J4-06"},
    {Defect::salt_reuse, "salt-reuse", Host::asurso, "NS-LOGIN-14", "N13"},
    {Defect::salt_not_session_bound, "salt-not-session-bound", Host::asurso, "NS-LOGIN-14", "N13"},
    {Defect::wrong_409_text, "wrong-409-text", Host::asurso, "NS-LOGIN-20", "J4-01"},
    {Defect::enumerating_409, "enumerating-409", Host::asurso, "NS-LOGIN-20", "N22"},
    {Defect::session_without_at, "session-without-at", Host::asurso, "NS-SESSION-3", "N14"},
    {Defect::logout_keeps_session, "logout-keeps-session", Host::asurso, "NS-SESSION-10", "J10-02"},
    {Defect::no_lockout, "no-lockout", Host::asurso, "NS-PWD-15", "J5-02"},
    {Defect::reset_keeps_old_password, "reset-keeps-old-password", Host::asurso, "NS-PWD-19",
     "J5-05"},
    {Defect::accept_cyrillic_password_change, "accept-cyrillic-password-change", Host::asurso,
     "NS-PWD-7", "J6-04"},
    {Defect::first_login_not_cleared, "first-login-not-cleared", Host::asurso, "NS-PWD-11",
     "J7-04"},
    {Defect::skip_state_check, "skip-state-check", Host::asurso, "NS-ESIA-8", "N1"},
    {Defect::loginstate_not_session_bound, "loginstate-not-session-bound", Host::asurso,
     "NS-ESIA-16", "N15"},
    {Defect::skip_binding_prompt, "skip-binding-prompt", Host::asurso, "NS-ESIA-15", "J2-05"},
    {Defect::rebind_other_oid, "rebind-other-oid", Host::asurso, "NS-BIND-6", "J2-13"},
    {Defect::bind_under_14, "bind-under-14", Host::asurso, "NS-AGE-3", "J8-02"},
    {Defect::accept_child_account, "accept-child-account", Host::asurso, "NS-AGE-5", "J8-04"},
    {Defect::skip_redirect_uri_check, "skip-redirect-uri-check", Host::esia, "ESIA-AC-2", "N7"},
    {Defect::skip_timestamp_check, "skip-timestamp-check", Host::esia, "ESIA-AC-2", "N11"},
    {Defect::skip_signature_check, "skip-signature-check", Host::esia, "ESIA-SIG-3", "N9"},
    {Defect::reusable_code, "reusable-code", Host::esia, "ESIA-TE-3", "N4"},
    {Defect::code_no_expiry, "code-no-expiry", Host::esia, "ESIA-TE-4", "N6"},
    {Defect::token_state_not_echoed, "token-state-not-echoed", Host::esia, "ESIA-TE-5", "J3-07"},
    {Defect::token_no_store_missing, "token-no-store-missing", Host::esia, "ESIA-TE-5", "J3-07"},
    {Defect::id_token_wrong_aud, "id-token-wrong-aud", Host::esia, "ESIA-JWT-3", "J3-07"},
    {Defect::id_token_expired, "id-token-expired", Host::esia, "ESIA-JWT-3", "J3-07"},
    {Defect::phone_not_normalised, "phone-not-normalised", Host::esia, "ESIA-LOGIN-11", "J3-01"},
    {Defect::snils_no_checksum, "snils-no-checksum", Host::esia, "ESIA-LOGIN-13", "N19"},
    {Defect::esia_no_captcha, "esia-no-captcha", Host::esia, "ESIA-LOGIN-16", "N18"},
    {Defect::esia_no_lockout, "esia-no-lockout", Host::esia, "ESIA-LOGIN-18", "N18"},
    {Defect::mfa_bypass, "mfa-bypass", Host::esia, "ESIA-LOGIN-22", "J9-01"},
    {Defect::unconfirmed_accepted, "unconfirmed-accepted", Host::esia, "ESIA-LOGIN-7", "N17"},
    {Defect::esia_logout_keeps_sso, "esia-logout-keeps-sso", Host::esia, "ESIA-LOGOUT-1", "J10-04"},
    {Defect::open_logout_redirect, "open-logout-redirect", Host::esia, "ESIA-LOGOUT-2", "J10-05"},
}};
static_assert(catalogue.size() <= 64, "DefectSet keeps the enabled set in 64 bits");

} // namespace

std::span<const DefectInfo> defect_catalogue() {
    return catalogue;
}

const DefectInfo& defect_info(Defect d) {
    return catalogue.at(static_cast<std::size_t>(d));
}

std::optional<Defect> find_defect(std::string_view name) {
    for (const auto& info : catalogue) {
        if (info.name == name) {
            return info.defect;
        }
    }
    return std::nullopt;
}

std::string_view host_name(Host host) {
    return host == Host::asurso ? "asurso" : "esia";
}

std::optional<std::uint64_t> DefectSet::parse(const std::vector<std::string>& names,
                                              std::string& error) const {
    std::uint64_t bits = 0;
    for (const auto& name : names) {
        const auto d = find_defect(name);
        if (!d) {
            error = "unknown defect '" + name + "'";
            return std::nullopt;
        }
        if (defect_info(*d).host != host_) {
            error = "defect '" + name + "' belongs to the " +
                    std::string(host_name(defect_info(*d).host)) + " host";
            return std::nullopt;
        }
        bits |= std::uint64_t{1} << static_cast<unsigned>(*d);
    }
    return bits;
}

std::string DefectSet::set(const std::vector<std::string>& names) {
    std::string error;
    if (const auto bits = parse(names, error)) {
        bits_.store(*bits);
    }
    return error;
}

std::string DefectSet::set_start(const std::vector<std::string>& names) {
    std::string error;
    if (const auto bits = parse(names, error)) {
        start_bits_.store(*bits);
        bits_.store(*bits);
    }
    return error;
}

std::vector<std::string> DefectSet::enabled() const {
    std::vector<std::string> names;
    for (const auto& info : catalogue) {
        if (on(info.defect)) {
            names.emplace_back(info.name);
        }
    }
    return names;
}

std::vector<std::string> DefectSet::available() const {
    std::vector<std::string> names;
    for (const auto& info : catalogue) {
        if (info.host == host_) {
            names.emplace_back(info.name);
        }
    }
    return names;
}

} // namespace logintest::mocks::common
