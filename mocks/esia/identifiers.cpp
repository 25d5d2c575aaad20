// Identifier classification and normalisation of §14.3 (identifiers.hpp).
#include "mocks/esia/identifiers.hpp"

#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::mocks::esia {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string without(std::string_view value, std::string_view drop) {
    std::string out;
    for (const char c : value) {
        if (drop.find(c) == std::string_view::npos) {
            out.push_back(c);
        }
    }
    return out;
}

// ESIA-LOGIN-10: `^\d{3}-\d{3}-\d{3}[ -]\d{2}$`.
bool looks_like_snils(std::string_view v) {
    if (v.size() != 14) {
        return false;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        const bool ok = i == 3 || i == 7 ? c == '-'
                        : i == 11        ? (c == ' ' || c == '-')
                                         : is_digit(c);
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::string> normalise_phone(std::string_view value) {
    // ESIA-LOGIN-11: remove spaces, `(`, `)` and `-`.
    const std::string rest = without(value, " ()-");
    std::string_view ten;
    if (rest.size() == 12 && rest.substr(0, 2) == "+7") {
        ten = std::string_view(rest).substr(2);
    } else if (rest.size() == 11 && (rest[0] == '8' || rest[0] == '7')) {
        ten = std::string_view(rest).substr(1);
    } else {
        return std::nullopt;
    }
    if (!support::is_digits(ten)) {
        return std::nullopt;
    }
    return "+7(" + std::string(ten.substr(0, 3)) + ")" + std::string(ten.substr(3));
}

std::optional<std::string> normalise_email(std::string_view value) {
    // ESIA-LOGIN-12: trimmed; one `@`, a local part, a domain with `.`, no spaces.
    const std::string_view v = support::trim_ows(value);
    const auto at = v.find('@');
    if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    if (v.find(' ') != std::string_view::npos || v.find('\t') != std::string_view::npos) {
        return std::nullopt;
    }
    if (v.substr(at + 1).find('.') == std::string_view::npos) {
        return std::nullopt;
    }
    return support::to_lower(v); // compared ignoring ASCII case
}

int snils_check_number(std::string_view nine_digits) {
    // ESIA-LOGIN-14: S = 9*d1 + 8*d2 + ... + 1*d9.
    int sum = 0;
    for (std::size_t i = 0; i < 9 && i < nine_digits.size(); ++i) {
        sum += static_cast<int>(9 - i) * (nine_digits[i] - '0');
    }
    if (sum < 100) {
        return sum;
    }
    if (sum <= 101) {
        return 0;
    }
    const int mod = sum % 101;
    return mod == 100 ? 0 : mod;
}

std::optional<std::string> normalise_snils(std::string_view value, bool check_number) {
    // ESIA-LOGIN-13: remove spaces and `-`; 11 digits.
    const std::string digits = without(value, " -");
    if (digits.size() != 11 || !support::is_digits(digits)) {
        return std::nullopt;
    }
    const std::string_view number = std::string_view(digits).substr(0, 9);
    // ESIA-LOGIN-14: numbers up to 001-001-998 are not checked.
    const bool checked = check_number && std::string(number) > "001001998";
    if (checked) {
        const int expected = snils_check_number(number);
        const int given = (digits[9] - '0') * 10 + (digits[10] - '0');
        if (given != expected) {
            return std::nullopt;
        }
    }
    return digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6, 3) + " " +
           digits.substr(9, 2);
}

std::optional<Identifier> parse_identifier(std::string_view login,
                                           std::optional<std::string_view> id_type,
                                           const IdentifierOptions& options) {
    const auto snils = [&](std::string_view v) -> std::optional<Identifier> {
        if (auto c = normalise_snils(v, options.check_snils_number)) {
            return Identifier{IdKind::snils, std::move(*c)};
        }
        return std::nullopt;
    };
    const auto phone_or_email = [&](std::string_view v) -> std::optional<Identifier> {
        if (v.find('@') != std::string_view::npos) {
            if (auto c = normalise_email(v)) {
                return Identifier{IdKind::email, std::move(*c)};
            }
            return std::nullopt;
        }
        if (auto c = normalise_phone(v)) {
            return Identifier{IdKind::phone, std::move(*c)};
        }
        return std::nullopt;
    };

    // ESIA-LOGIN-10: with idType=snils only SNILS; with phone or email, phone or e-mail.
    if (id_type == "snils") {
        return snils(login);
    }
    if (id_type == "phone" || id_type == "email") {
        return phone_or_email(login);
    }
    // Without idType: `@` = e-mail; the SNILS pattern; a phone; any other 11 digits = SNILS.
    const std::string_view v = support::trim_ows(login);
    if (v.find('@') != std::string_view::npos) {
        return phone_or_email(v);
    }
    if (looks_like_snils(v)) {
        return snils(v);
    }
    if (auto c = normalise_phone(v)) {
        return Identifier{IdKind::phone, std::move(*c)};
    }
    const std::string digits = without(v, " -");
    if (digits.size() == 11 && support::is_digits(digits)) {
        return snils(v);
    }
    return std::nullopt;
}

std::string mask_phone(std::string_view canonical_phone) {
    // "+7(917)0001122" -> "+7(917)***-**-22".
    if (canonical_phone.size() != 14) {
        return std::string(canonical_phone);
    }
    return std::string(canonical_phone.substr(0, 7)) + "***-**-" +
           std::string(canonical_phone.substr(12, 2));
}

} // namespace logintest::mocks::esia
