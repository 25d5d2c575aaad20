// The esia texts of the spec's catalogue (§4.2, keys T-E-*), code point for code point
// (GEN-8), and the consent page's scope descriptions. `esia.messages.<key>` overrides any of
// them (§23); EsiaTexts resolves a key once at start. Read-only after construction.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

namespace text_keys {
inline constexpr std::string_view title = "T-E-TITLE";
inline constexpr std::string_view login_h1 = "T-E-LOGIN-H1";
inline constexpr std::string_view tab_phone = "T-E-TAB-PHONE";
inline constexpr std::string_view tab_snils = "T-E-TAB-SNILS";
inline constexpr std::string_view label_phone = "T-E-LABEL-PHONE";
inline constexpr std::string_view label_snils = "T-E-LABEL-SNILS";
inline constexpr std::string_view label_pw = "T-E-LABEL-PW";
inline constexpr std::string_view foreign = "T-E-FOREIGN";
inline constexpr std::string_view submit = "T-E-SUBMIT";
inline constexpr std::string_view recovery = "T-E-RECOVERY";
inline constexpr std::string_view bad_cred = "T-E-BAD-CRED";
inline constexpr std::string_view bad_login = "T-E-BAD-LOGIN";
inline constexpr std::string_view locked = "T-E-LOCKED";
inline constexpr std::string_view session_expired = "T-E-SESSION-EXPIRED";
inline constexpr std::string_view mfa_title = "T-E-MFA-TITLE";
inline constexpr std::string_view mfa_sent = "T-E-MFA-SENT";
inline constexpr std::string_view mfa_wrong = "T-E-MFA-WRONG";
// NOLINTNEXTLINE(readability-identifier-naming): the trailing _ avoids the keyword `continue`.
inline constexpr std::string_view continue_ = "T-E-CONTINUE";
inline constexpr std::string_view captcha_title = "T-E-CAPTCHA-TITLE";
inline constexpr std::string_view consent_title = "T-E-CONSENT-TITLE";
inline constexpr std::string_view consent_allow = "T-E-CONSENT-ALLOW";
inline constexpr std::string_view consent_deny = "T-E-CONSENT-DENY";
inline constexpr std::string_view logged_out = "T-E-LOGGED-OUT";
inline constexpr std::string_view error_title = "T-E-ERROR-TITLE";
} // namespace text_keys

class EsiaTexts {
public:
    // The catalogue with `overrides` (`esia.messages`) applied; unknown keys are ignored.
    explicit EsiaTexts(const std::map<std::string, std::string>& overrides = {});

    // The text of a T-E-* key ("" for an unknown key).
    const std::string& get(std::string_view key) const;

    // §4.2: the consent page's description of a scope; the scope itself when not listed.
    static std::string_view scope_description(std::string_view scope);

private:
    std::map<std::string, std::string, std::less<>> texts_;
};

} // namespace logintest::mocks::esia
