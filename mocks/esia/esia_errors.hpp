// ESIA error codes (§18, ESIA-ERR) and the three ways they are delivered (ESIA-ERR-2): the
// 400 error page of ESIA-AC-3, the error redirect of ESIA-AC-4 / ESIA-LOGIN-7 / ESIA-LOGIN-25,
// and the 400 JSON body of ESIA-TE-6. Also the query building those redirects share. Pure;
// thread-safe.
#pragma once

#include "mocks/common/http_message.hpp"
#include "mocks/esia/texts.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::mocks::esia {

enum class EsiaError {
    invalid_parameter,           // ESIA-007003
    access_denied,               // ESIA-007004
    invalid_scope,               // ESIA-007006
    unsupported_grant_type,      // ESIA-007009
    invalid_grant,               // ESIA-007011
    unsupported_response_type,   // ESIA-007012
    scope_missing,               // ESIA-007013
    missing_parameter,           // ESIA-007014
    invalid_timestamp,           // ESIA-007015
    redirect_uri_not_registered, // ESIA-007023
    client_secret_wrong,         // ESIA-007053
    unconfirmed_account,         // ESIA-007055
    unknown_client,              // ESIA-008010
};

struct EsiaErrorInfo {
    std::string_view code;     // "ESIA-007014"
    std::string_view ac_error; // `error` at ac (and in redirects)
    std::string_view te_error; // `error` at te
    std::string_view text;     // ESIA-ERR-1 English text
};

const EsiaErrorInfo& error_info(EsiaError e);

// ESIA-ERR-1: "ESIA-007014: The request does not contain the mandatory parameter".
std::string error_description(EsiaError e);

// `uri` with the parameters appended as a form-encoded query (spaces as `+`), after `?` or,
// when `uri` already has a query, after `&` (ESIA-AC-4).
std::string with_query(std::string_view uri,
                       const std::vector<std::pair<std::string_view, std::string_view>>& params);

// ESIA-AC-4: `redirect_uri?error=…&error_description=…&state=…` (`state` omitted when absent).
std::string error_redirect_url(std::string_view redirect_uri, EsiaError e,
                               const std::optional<std::string>& state);

// ESIA-AC-3: 400 text/html with h1#error-title, p#error-code, p#error-description; no
// Location, no Set-Cookie.
common::Response error_page(const EsiaTexts& texts, EsiaError e);

// ESIA-AC-4: 302 to error_redirect_url().
common::Response error_redirect(std::string_view redirect_uri, EsiaError e,
                                const std::optional<std::string>& state);

// ESIA-TE-6: 400, Cache-Control: no-store, {"error","error_description","state"}.
common::Response te_error(EsiaError e, std::string_view state);

} // namespace logintest::mocks::esia
