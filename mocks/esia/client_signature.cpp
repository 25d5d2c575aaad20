// Client signatures, certificate hashes and timestamps (client_signature.hpp).
#include "mocks/esia/client_signature.hpp"
#include "support/text/utc_time.hpp"

#include "crypto/base64url.hpp"
#include "support/text/strings.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace logintest::mocks::esia {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::optional<int> digits(std::string_view s) {
    if (!support::is_digits(s)) {
        return std::nullopt;
    }
    int v = 0;
    for (const char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

bool certificate_hash_matches(const Client& client, std::string_view given) {
    return !client.certificate_hash.empty() && support::iequals(client.certificate_hash, given);
}

bool raw_secret_verifies(const Client& client, std::string_view client_secret,
                         std::string_view message) {
    if (!client.keys) {
        return false;
    }
    const auto signature = crypto::b64url_decode(client_secret); // ESIA-SIG-3: `=` accepted
    // ESIA-SIG-3 (1.2): verify() refuses any length but the profile's (64 or 256 bytes) first.
    return signature && !signature->empty() && client.keys->certificate.verify(message, *signature);
}

bool cms_secret_verifies(const Client& client, std::string_view client_secret,
                         std::string_view message) {
    if (!client.keys) {
        return false;
    }
    const auto cms = crypto::b64url_decode(client_secret);
    return cms && !cms->empty() &&
           crypto::cms_verify_detached(*cms, message, client.keys->certificate);
}

std::string ac_message(std::string_view client_id, std::string_view scope,
                       std::string_view scope_org, std::string_view timestamp,
                       std::string_view state, std::string_view redirect_uri) {
    std::string m;
    m.append(client_id).append(scope).append(scope_org).append(timestamp).append(state).append(
        redirect_uri);
    return m;
}

std::string te_message(std::string_view client_id, std::string_view scope,
                       std::string_view scope_org, std::string_view timestamp,
                       std::string_view state, std::string_view redirect_uri,
                       std::string_view code) {
    return ac_message(client_id, scope, scope_org, timestamp, state, redirect_uri) +
           std::string(code);
}

std::string legacy_message(std::string_view scope, std::string_view timestamp,
                           std::string_view client_id, std::string_view state) {
    std::string m;
    m.append(scope).append(timestamp).append(client_id).append(state);
    return m;
}

std::optional<std::chrono::system_clock::time_point> parse_esia_timestamp(std::string_view t) {
    // yyyy.MM.dd HH:mm:ss ±hhmm
    //  0    5  8  11 14 17 20
    if (t.size() != 25 || t[4] != '.' || t[7] != '.' || t[10] != ' ' || t[13] != ':' ||
        t[16] != ':' || t[19] != ' ' || (t[20] != '+' && t[20] != '-')) {
        return std::nullopt;
    }
    const auto year = digits(t.substr(0, 4));
    const auto month = digits(t.substr(5, 2));
    const auto day = digits(t.substr(8, 2));
    const auto hour = digits(t.substr(11, 2));
    const auto minute = digits(t.substr(14, 2));
    const auto second = digits(t.substr(17, 2));
    const auto off_h = digits(t.substr(21, 2));
    const auto off_m = digits(t.substr(23, 2));
    if (!year || !month || !day || !hour || !minute || !second || !off_h || !off_m) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day ymd{std::chrono::year{*year}, std::chrono::month{unsigned(*month)},
                             std::chrono::day{unsigned(*day)}};
    if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 59 || *off_h > 14 || *off_m > 59) {
        return std::nullopt;
    }
    // system_clock counts nanoseconds in 64 bits: 1677-09-21..2262-04-11. A year outside
    // overflowed (undefined behaviour; "9999.12.31 ..." read as 1816, tests/fuzz signature).
    if (ymd.year() < std::chrono::year{1678} || ymd.year() > std::chrono::year{2261}) {
        return std::nullopt;
    }
    const auto offset = minutes((*off_h) * 60 + *off_m) * (t[20] == '-' ? -1 : 1);
    return sys_days(ymd) + hours(*hour) + minutes(*minute) + seconds(*second) - offset;
}

std::string format_esia_timestamp(std::chrono::system_clock::time_point t,
                                  std::chrono::minutes utc_offset) {
    using namespace std::chrono;
    const auto local = floor<seconds>(t) + utc_offset;
    const long off = utc_offset.count();
    return fmt::format("{:%Y.%m.%d %H:%M:%S} {}{:02}{:02}", support::utc_tm(local),
                       off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
}

bool timestamp_in_window(std::string_view text, std::chrono::system_clock::time_point now,
                         long long window_s) {
    const auto t = parse_esia_timestamp(text);
    if (!t) {
        return false;
    }
    const auto diff = std::chrono::abs(*t - now);
    return diff <= std::chrono::seconds(window_s);
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !is_hex(text[i])) {
            return false;
        }
    }
    return true;
}

} // namespace logintest::mocks::esia
