// Percent-encoding and form text on Boost.URL (percent.hpp).
#include "support/url/percent.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace logintest::support {
namespace {

namespace urls = boost::urls;

std::string encode(std::string_view s, bool space_as_plus) {
    urls::encoding_opts opts;
    opts.space_as_plus = space_as_plus;
    return urls::encode(s, urls::unreserved_chars, opts);
}

} // namespace

std::string percent_encode(std::string_view s) {
    return encode(s, false);
}

std::string plus_encode(std::string_view s) {
    return encode(s, true);
}

template <class Fields> std::string encode_fields(const Fields& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) {
            out += '&';
        }
        out += percent_encode(name);
        out += '=';
        out += percent_encode(value);
    }
    return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    return encode_fields(fields);
}

std::string form_encode(const std::vector<std::pair<std::string_view, std::string_view>>& fields) {
    return encode_fields(fields);
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_as_space) {
    const auto valid = urls::make_pct_string_view(s); // only checks the escapes
    if (!valid) {
        return std::nullopt;
    }
    urls::encoding_opts opts;
    opts.space_as_plus = plus_as_space;
    return valid->decode(opts);
}

} // namespace logintest::support
