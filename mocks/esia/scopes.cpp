// Scope strings (scopes.hpp).
#include "mocks/esia/scopes.hpp"

#include <algorithm>

namespace logintest::mocks::esia {

std::vector<std::string> scope_words(std::string_view scope) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos <= scope.size()) {
        const auto space = scope.find(' ', pos);
        const auto word = scope.substr(pos, space == std::string_view::npos ? std::string_view::npos
                                                                            : space - pos);
        if (!word.empty()) {
            words.emplace_back(word);
        }
        if (space == std::string_view::npos) {
            break;
        }
        pos = space + 1;
    }
    return words;
}

std::vector<std::string> scopes_without_openid(std::string_view scope) {
    std::vector<std::string> out;
    for (auto& w : scope_words(scope)) {
        if (w != "openid" && std::find(out.begin(), out.end(), w) == out.end()) {
            out.push_back(std::move(w));
        }
    }
    return out;
}

bool same_scope_set(std::string_view a, std::string_view b) {
    const auto wa = scope_words(a);
    const auto wb = scope_words(b);
    return std::set<std::string>(wa.begin(), wa.end()) ==
           std::set<std::string>(wb.begin(), wb.end());
}

std::string access_token_scope(std::string_view scope, std::int64_t oid) {
    std::string out = "openid";
    for (const auto& w : scopes_without_openid(scope)) {
        out += ' ';
        out += w;
        out += "?oid=";
        out += std::to_string(oid);
    }
    return out;
}

} // namespace logintest::mocks::esia
