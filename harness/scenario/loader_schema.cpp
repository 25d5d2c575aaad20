// Validators of attribute values for the scenario loader (see loader_schema.hpp).
#include "harness/scenario/loader_schema.hpp"

#include <pugixml.hpp>

#include "harness/scenario/pattern.hpp"
#include <cctype>
#include <charconv>
#include <sstream>

namespace logintest::harness::scenario::schema {

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

bool is_identifier(std::string_view s, bool dots_and_dashes) {
    if (s.empty()) {
        return false;
    }
    const auto first = static_cast<unsigned char>(s.front());
    if (!(std::isalpha(first) || first == '_')) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return std::isalnum(c) || c == '_' || (dots_and_dashes && (c == '.' || c == '-'));
    });
}

bool is_step_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

// RFC 6901: empty (the whole document) or `/`-separated tokens where `~` is `~0` or `~1`.
std::string json_pointer_problem(std::string_view p) {
    if (p.empty()) {
        return "";
    }
    if (p.front() != '/') {
        return "JSON pointer " + quoted(p) + " must be empty or start with '/'";
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) {
            return "JSON pointer " + quoted(p) + ": '~' must be followed by 0 or 1";
        }
    }
    return "";
}

std::string regex_problem(const std::string& pattern) {
    std::string error;
    if (!Pattern::compile(pattern, error)) {
        return error;
    }
    return "";
}

std::string xpath_problem(const std::string& expr) {
    if (expr.find("@xmlns") != std::string::npos) {
        return "XPath " + quoted(expr) +
               ": xmlns is a namespace declaration, not an attribute, in XPath; "
               "write namespace-uri(/*) for the root element's namespace";
    }
    try {
        pugi::xpath_query query(expr.c_str());
        if (!query) {
            return "bad XPath " + quoted(expr) + ": " + query.result().description();
        }
    } catch (const pugi::xpath_exception& e) {
        return "bad XPath " + quoted(expr) + ": " + e.result().description();
    } catch (const std::exception& e) {
        return "bad XPath " + quoted(expr) + ": " + e.what();
    }
    return "";
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

std::vector<std::string> split_ws(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    std::string word;
    while (in >> word) {
        out.push_back(word);
    }
    return out;
}

bool is_number(std::string_view s) {
    s = trim(s);
    if (s.empty()) {
        return false;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

} // namespace logintest::harness::scenario::schema
