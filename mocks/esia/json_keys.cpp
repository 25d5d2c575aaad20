// Repeated top-level keys of a JSON object (json_keys.hpp), over boost::json::basic_parser.
#include "mocks/esia/json_keys.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <cstdint>
#include <set>
#include <string>

namespace logintest::mocks::esia {
namespace {

using boost::json::error_code;
using sv = boost::json::string_view;

struct KeyHandler {
    constexpr static std::size_t max_object_size = std::size_t(-1);
    constexpr static std::size_t max_array_size = std::size_t(-1);
    constexpr static std::size_t max_key_size = std::size_t(-1);
    constexpr static std::size_t max_string_size = std::size_t(-1);

    int depth = 0;
    bool repeated = false;
    std::string key;
    std::set<std::string> seen;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_array_begin(error_code&) { return ++depth, true; }
    bool on_array_end(std::size_t, error_code&) { return --depth, true; }
    bool on_object_begin(error_code&) { return ++depth, true; }
    bool on_object_end(std::size_t, error_code&) { return --depth, true; }
    bool on_string_part(sv, std::size_t, error_code&) { return true; }
    bool on_string(sv, std::size_t, error_code&) { return true; }
    bool on_key_part(sv s, std::size_t, error_code&) {
        key.append(s.data(), s.size());
        return true;
    }
    bool on_key(sv s, std::size_t, error_code&) {
        key.append(s.data(), s.size());
        if (depth == 1 && !seen.insert(key).second) {
            repeated = true;
        }
        key.clear();
        return true;
    }
    bool on_number_part(sv, error_code&) { return true; }
    bool on_int64(std::int64_t, sv, error_code&) { return true; }
    bool on_uint64(std::uint64_t, sv, error_code&) { return true; }
    bool on_double(double, sv, error_code&) { return true; }
    bool on_bool(bool, error_code&) { return true; }
    bool on_null(error_code&) { return true; }
    bool on_comment_part(sv, error_code&) { return true; }
    bool on_comment(sv, error_code&) { return true; }
};

} // namespace

bool has_repeated_top_level_key(std::string_view text) {
    boost::json::basic_parser<KeyHandler> parser{boost::json::parse_options{}};
    error_code ec;
    parser.write_some(false, text.data(), text.size(), ec);
    return !ec && parser.handler().repeated;
}

} // namespace logintest::mocks::esia
