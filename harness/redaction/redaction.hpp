// Redaction: secrets (passwords, `at`, tokens, codes, salts' proofs, cookie values,
// client_secret) never reach any output in clear. Reports show `***` plus a short hash
// so two values can still be told apart. Pure functions; thread-safe.
//
// Its own layer (logintest::redaction) above harness/model, which stays plain data without
// crypto, and below its users: the scenario loader (secret extracts and check texts),
// harness/checks (verdict texts) and harness/engine (the SecretScrubber, recorded hops).
// reports/ never needs it: everything it renders was masked before it was recorded.
#pragma once

#include <string>
#include <string_view>

namespace logintest::harness::redaction {

// True for names whose values are secret: JSON keys, header, cookie, form and query
// parameter names (case-insensitive): at, pw, pw2, password, code, token, *_token,
// accessToken, client_secret, ESRNSec, NSSESSIONID, ESIA_SESSION, Cookie, Set-Cookie, ...
bool is_secret_name(std::string_view name);

// "***#1a2b": three stars and the first four hex digits of the value's SHA-256.
std::string mask(std::string_view secret);

// The URL with the value of every secret query parameter masked.
std::string redact_url(std::string_view url);

// A Set-Cookie or Cookie header with every value masked, attributes kept.
std::string redact_cookie_header(std::string_view header);

// Free text (a check's actual value, expected value, message, a URL, an error) with the value
// of every secret-named `name=value` (query strings and form bodies anywhere in the text:
// "header Location was https://…?code=…") and `"name":"value"` (JSON members) masked.
// Values that are already masks, or look like a pattern or a template ([ ( { \ $ * ^ |), are
// kept, so a scenario's `matches "code=[A-Za-z0-9_-]+"` still reads as written (in JSON
// members only masks and `${…}` templates are kept).
std::string redact_text(std::string_view text);

} // namespace logintest::harness::redaction
