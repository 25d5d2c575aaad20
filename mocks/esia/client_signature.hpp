// Client authentication at ac and te (§17): the certificate hash (ESIA-SIG-2), the raw
// v2/v3 signature over the concatenated message (ESIA-SIG-3, -4), the legacy detached CMS
// (ESIA-SIG-5), and the request timestamp (ESIA-AC-2 step 9: `yyyy.MM.dd HH:mm:ss ±hhmm`
// within `esia.timestamp_window_s` of esia's clock). Pure over its inputs; thread-safe.
#pragma once

#include "mocks/esia/client_registry.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

// ESIA-SIG-2: equal to the client's certificate hash, ignoring case. A hash of anything else
// (the PEM text, say) does not match.
bool certificate_hash_matches(const Client& client, std::string_view given);

// ESIA-SIG-3: `client_secret` = b64url(raw signature) (padding accepted) verifies over
// `message` with the client's certificate.
bool raw_secret_verifies(const Client& client, std::string_view client_secret,
                         std::string_view message);

// ESIA-SIG-5: `client_secret` = b64url(DER detached CMS) over `message`, signer certificate
// byte-equal to the client's.
bool cms_secret_verifies(const Client& client, std::string_view client_secret,
                         std::string_view message);

// ESIA-SIG-4 messages.
std::string ac_message(std::string_view client_id, std::string_view scope,
                       std::string_view scope_org, std::string_view timestamp,
                       std::string_view state, std::string_view redirect_uri);
std::string te_message(std::string_view client_id, std::string_view scope,
                       std::string_view scope_org, std::string_view timestamp,
                       std::string_view state, std::string_view redirect_uri,
                       std::string_view code);
// ESIA-SIG-5: scope || timestamp || client_id || state.
std::string legacy_message(std::string_view scope, std::string_view timestamp,
                           std::string_view client_id, std::string_view state);

// ESIA-AC-2 step 9: the instant of "2025.11.28 22:40:05 +0300", or nullopt if malformed.
std::optional<std::chrono::system_clock::time_point> parse_esia_timestamp(std::string_view text);
// The ESIA timestamp of `t` at `utc_offset` ("2025.11.28 22:40:05 +0300").
std::string format_esia_timestamp(std::chrono::system_clock::time_point t,
                                  std::chrono::minutes utc_offset);
// ESIA-AC-2 step 9: well-formed and at most `window_s` seconds from `now` either way.
bool timestamp_in_window(std::string_view text, std::chrono::system_clock::time_point now,
                         long long window_s);

// §0.3 UUID as a receiver accepts it (ESIA-AC-2 step 8): 8-4-4-4-12 hex, any version, any case.
bool is_uuid(std::string_view text);

} // namespace logintest::mocks::esia
