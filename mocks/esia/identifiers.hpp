// ESIA login identifiers (§14.3): deciding whether a login is a phone, an e-mail or a SNILS
// (ESIA-LOGIN-10), checking and normalising each kind (ESIA-LOGIN-11..13) and the SNILS check
// number (ESIA-LOGIN-14). Canonical forms are the keys AccountStore looks accounts up by, so
// every form of an identifier reaches the same account (ESIA-LOGIN-15). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

enum class IdKind { phone, email, snils };

struct Identifier {
    IdKind kind = IdKind::phone;
    std::string canonical; // "+7(900)1234567", "e.ivanova@example.ru", "123-456-789 64"
};

struct IdentifierOptions {
    bool check_snils_number = true; // off with the `snils-no-checksum` defect
};

// ESIA-LOGIN-11: "+7(XXX)XXXXXXX", or nullopt when the value is not a phone.
std::optional<std::string> normalise_phone(std::string_view value);
// ESIA-LOGIN-12: the trimmed address in ASCII lowercase, or nullopt.
std::optional<std::string> normalise_email(std::string_view value);
// ESIA-LOGIN-13: "XXX-XXX-XXX YY", or nullopt (also for a wrong check number unless
// `check_number` is false).
std::optional<std::string> normalise_snils(std::string_view value, bool check_number = true);

// ESIA-LOGIN-14: the check number of the first nine digits ("112233445" -> 95).
int snils_check_number(std::string_view nine_digits);

// ESIA-LOGIN-10: the identifier a login names, given the optional `idType` ("phone",
// "email", "snils"; anything else counts as absent); nullopt = INVALID_LOGIN.
std::optional<Identifier> parse_identifier(std::string_view login,
                                           std::optional<std::string_view> id_type,
                                           const IdentifierOptions& options = {});

// ESIA-LOGIN-20: "+7(917)***-**-22" for the canonical "+7(917)0001122".
std::string mask_phone(std::string_view canonical_phone);

} // namespace logintest::mocks::esia
