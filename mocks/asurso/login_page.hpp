// The login page of §6.1 (NS-LOGIN-1..3), `GET /app/login`: the ESIA button, the school
// form with its six selects, the hints, and the error boxes. The page builder is shared with
// the SSO pages, which show this same page with `div#login-error` filled (NS-BIND-1).
// Pure functions of the read-only configuration and fixture; thread-safe.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/common/http_message.hpp"

#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

struct LoginPageOptions {
    std::string category = "pupil"; // NS-PORTAL-3: echoed in input#category
    std::string login_error;        // div#login-error (NS-BIND-1); empty by default
    std::string esia_error;         // div#esia-error (NS-LOGIN-3); absent when empty
};

// NS-LOGIN-1: 200 text/html, the login page.
common::Response login_page(const AsursoState& state, const LoginPageOptions& options);

// NS-PORTAL-3: "pupil", "teacher" or "em"; a missing or unknown value is "pupil".
std::string_view login_category(std::string_view value);

// NS-ESIA-17: the div#esia-error text of an `esiaError` code.
std::string_view esia_error_text(const AsursoConfig& config, std::string_view code);

} // namespace logintest::mocks::asurso
