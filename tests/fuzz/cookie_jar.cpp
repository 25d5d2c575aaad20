// Fuzz target: the cookie jar (harness/http/cookie_jar.cpp, RFC 6265 §5) and its Set-Cookie
// parser. The input is lines: the first is the request URL (a fixed one when it is not an
// http(s) URL), every other one a Set-Cookie header value stored from it, at a fixed time.
// Beyond "no crash, no leak, no UB" it asserts: every stored cookie has a name without '=' or
// ';', a value without ';', a lowercase non-empty domain and a path starting with '/'; the jar
// never holds more cookies than headers stored; the Cookie header it builds holds no CR, LF or
// NUL and names every cookie find() returns for that URL; parse_set_cookie() accepts what the
// jar accepts; no cookie past its expiry is live.
#include "harness/http/cookie_jar.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_input.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace logintest::harness::http;

using logintest::fuzz::next_line;

void check_cookie(const Cookie& c, std::string_view header) {
    FUZZ_ASSERT(!c.name.empty() || !c.value.empty(), header);
    FUZZ_ASSERT(c.name.find_first_of("=;") == std::string::npos, header);
    FUZZ_ASSERT(c.value.find(';') == std::string::npos, header);
    FUZZ_ASSERT(!c.domain.empty(), header);
    FUZZ_ASSERT(std::none_of(c.domain.begin(), c.domain.end(),
                             [](unsigned char ch) { return std::isupper(ch) != 0; }),
                header);
    FUZZ_ASSERT(c.path.starts_with('/'), header);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    const auto now = sys_days{year{2025} / November / 28} + hours{19};
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::string url(next_line(in));
    if (!parse_url(url)) {
        url = "http://asurso.example:8080/webapi/login";
    }
    CookieJar jar;
    std::size_t stored = 0;
    while (!in.empty() && stored < 64) {
        const std::string_view header = next_line(in);
        ++stored;
        const auto cookie = jar.store(url, header, now);
        if (cookie) {
            FUZZ_ASSERT(parse_set_cookie(header, now).has_value(), header);
        }
    }
    FUZZ_ASSERT(jar.size() <= stored, "more cookies than headers");
    const std::string cookie_header = jar.header_for(url, now);
    FUZZ_ASSERT(!logintest::fuzz::has_line_break_or_nul(cookie_header), cookie_header);
    for (const Cookie& c : jar.all(now)) {
        check_cookie(c, c.name);
        if (const auto found = jar.find(c.name, url, now)) {
            FUZZ_ASSERT(cookie_header.find(found->name + "=") != std::string::npos ||
                            found->name.empty(),
                        found->name);
        }
    }
    const auto later = now + years(100);
    for (const Cookie& c : jar.all(later)) {
        FUZZ_ASSERT(!c.expires || *c.expires > later, "an expired cookie is live: " + c.name);
    }
    return 0;
}
