// The §18 error table and its three deliveries (esia_errors.hpp).
#include "mocks/esia/esia_errors.hpp"

#include "mocks/common/responses.hpp"
#include "mocks/esia/xhtml.hpp"
#include "support/url/percent.hpp"

#include <boost/json/value.hpp>

#include <array>

namespace logintest::mocks::esia {
namespace {

// ESIA-ERR-1, in the order of EsiaError.
constexpr std::array<EsiaErrorInfo, 13> table = {{
    {"ESIA-007003", "invalid_request", "invalid_request",
     "The request contains an invalid parameter value"},
    {"ESIA-007004", "access_denied", "access_denied",
     "The resource owner or authorization server denied the request"},
    {"ESIA-007006", "invalid_scope", "invalid_scope", "The requested scope is invalid"},
    {"ESIA-007009", "unsupported_grant_type", "unsupported_grant_type",
     "The grant type is not supported"},
    {"ESIA-007011", "invalid_grant", "invalid_grant",
     "The authorization code is invalid, expired, already used or issued to another client"},
    {"ESIA-007012", "unsupported_response_type", "unsupported_response_type",
     "The response type is not supported"},
    {"ESIA-007013", "invalid_scope", "invalid_scope", "The scope is missing"},
    {"ESIA-007014", "invalid_request", "invalid_request",
     "The request does not contain the mandatory parameter"},
    {"ESIA-007015", "invalid_request", "invalid_request", "The request timestamp is invalid"},
    {"ESIA-007023", "invalid_request", "invalid_request",
     "The redirect_uri is not registered for the client"},
    {"ESIA-007053", "unauthorized_client", "invalid_client", "OAuthErrorEnum.clientSecretWrong"},
    {"ESIA-007055", "access_denied", "access_denied",
     "Login with an unconfirmed account is not allowed"},
    {"ESIA-008010", "invalid_client", "invalid_client", "Failed to authenticate the client system"},
}};

} // namespace

const EsiaErrorInfo& error_info(EsiaError e) {
    return table.at(static_cast<std::size_t>(e));
}

std::string error_description(EsiaError e) {
    const auto& info = error_info(e);
    return std::string(info.code) + ": " + std::string(info.text);
}

std::string with_query(std::string_view uri,
                       const std::vector<std::pair<std::string_view, std::string_view>>& params) {
    std::string out(uri);
    char separator = uri.find('?') == std::string_view::npos ? '?' : '&';
    for (const auto& [name, value] : params) {
        out.push_back(separator);
        out += support::plus_encode(name);
        out.push_back('=');
        out += support::plus_encode(value);
        separator = '&';
    }
    return out;
}

std::string error_redirect_url(std::string_view redirect_uri, EsiaError e,
                               const std::optional<std::string>& state) {
    const std::string description = error_description(e);
    std::vector<std::pair<std::string_view, std::string_view>> params = {
        {"error", error_info(e).ac_error}, {"error_description", description}};
    if (state) {
        params.emplace_back("state", *state); // ESIA-AC-7: unchanged
    }
    return with_query(redirect_uri, params);
}

common::Response error_page(const EsiaTexts& texts, EsiaError e) {
    const auto& info = error_info(e);
    std::string body = "<h1 id=\"error-title\">";
    body += xml_escape(texts.get(text_keys::error_title));
    body += "</h1>\n<p id=\"error-code\">";
    body += info.code;
    body += "</p>\n<p id=\"error-description\">";
    body += xml_escape(info.text);
    body += "</p>";
    return common::html(400, xhtml_page(texts.get(text_keys::title), body));
}

common::Response error_redirect(std::string_view redirect_uri, EsiaError e,
                                const std::optional<std::string>& state) {
    return common::redirect(error_redirect_url(redirect_uri, e, state));
}

common::Response te_error(EsiaError e, std::string_view state) {
    boost::json::object body;
    body["error"] = error_info(e).te_error;
    body["error_description"] = error_description(e);
    body["state"] = state;
    auto response = common::json(400, body);
    response.add_header("Cache-Control", "no-store"); // ESIA-TE-6
    return response;
}

} // namespace logintest::mocks::esia
