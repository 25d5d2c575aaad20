// OAuth scope strings of ESIA: space-separated words (ESIA-AC-2 step 7), compared as sets
// at the token endpoint (ESIA-TE-2 step 10), shown without `openid` on the consent page
// (ESIA-LOGIN-24) and written with `?oid=` in access tokens (ESIA-JWT-4). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::esia {

// The words of a scope string in order, empty words (repeated spaces) dropped.
std::vector<std::string> scope_words(std::string_view scope);
// The words without `openid`, duplicates dropped, in order (ESIA-LOGIN-24).
std::vector<std::string> scopes_without_openid(std::string_view scope);
// ESIA-TE-2 step 10: the same set of words.
bool same_scope_set(std::string_view a, std::string_view b);
// ESIA-JWT-4: "openid fullname?oid=1000299654" (openid first and bare).
std::string access_token_scope(std::string_view scope, std::int64_t oid);

} // namespace logintest::mocks::esia
