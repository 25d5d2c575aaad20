// Fuzz target: URL parsing and redirect resolution (harness/http/url.cpp over Boost.URL): the
// input is `base` LF `location` LF `value`. Beyond "no crash, no leak, no UB" it asserts:
// parse_url() gives an http(s) scheme, a non-zero port, a lowercase host and a path and target
// that start with '/', and UrlMemo gives the same parts; a resolved Location that is an
// http(s) URL keeps the rules above and resolves to itself (idempotent);
// append_query() then query_param() gives back the value.
#include "harness/http/url.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_input.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace logintest::harness::http;

using logintest::fuzz::next_line;

void check_parts(std::string_view url, const UrlParts& parts) {
    FUZZ_ASSERT(parts.scheme == "http" || parts.scheme == "https", url);
    FUZZ_ASSERT(parts.port != 0, url);
    FUZZ_ASSERT(!parts.host.empty(), url);
    FUZZ_ASSERT(std::none_of(parts.host.begin(), parts.host.end(),
                             [](unsigned char c) { return std::isupper(c) != 0; }),
                url);
    FUZZ_ASSERT(parts.path.starts_with('/') && parts.target.starts_with(parts.path), url);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string_view base = next_line(in);
    const std::string_view location = next_line(in);
    const std::string_view value = in;

    const auto parts = parse_url(base);
    UrlMemo memo;
    const auto remembered = memo.parse(base);
    FUZZ_ASSERT(parts.has_value() == remembered.has_value(), base);
    if (parts) {
        check_parts(base, *parts);
        FUZZ_ASSERT(parts->target == remembered->target && parts->host == remembered->host, base);
    }

    if (const auto resolved = resolve_url(base, location)) {
        // Only for http(s) URLs: "http:./b" (no authority) is no URL the client fetches.
        if (const auto p = parse_url(*resolved)) {
            check_parts(*resolved, *p);
            const auto twice = resolve_url(*resolved, *resolved);
            FUZZ_ASSERT(twice && *twice == *resolved, *resolved);
        }
    }

    if (parts && base.find("fuzz_k") == std::string_view::npos) {
        const std::string appended = append_query(base, {{"fuzz_k", std::string(value)}});
        const auto back = query_param(appended, "fuzz_k");
        FUZZ_ASSERT(back && *back == value, appended);
    }
    (void)query_param(base, location);
    return 0;
}
