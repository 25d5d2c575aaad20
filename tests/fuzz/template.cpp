// Fuzz target: template parsing and expansion (harness/scenario/template.cpp, and through it
// the built-in functions of harness/scenario/functions*.cpp) on any text, against a fixed set
// of variables like those of a journey. Beyond "no crash, no leak, no UB" it asserts:
// expand() fails exactly when parse_template() reports a syntax error or the expansion names
// an unknown variable or function (it never returns text with an error); a text without `$`
// expands to itself; and escaping every `$` as `$$` expands back to the original text.
#include "harness/scenario/template.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace logintest::harness::scenario;
namespace model = logintest::harness::model;

const Variables& variables() {
    static const Variables vars = {{"asurso", "http://127.0.0.1:8080"},
                                   {"esia", "http://127.0.0.2:8080"},
                                   {"asurso.host", "127.0.0.1:8080"},
                                   {"pupil.login", "ИвановИ"},
                                   {"pupil.password", "Qwe123!z"},
                                   {"salt", "1458933352"},
                                   {"n", "42"},
                                   {"token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.c2ln"}};
    return vars;
}

std::string escape_dollars(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '$') {
            out += '$';
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const model::Template tpl{text};
    const TemplateRefs refs = parse_template(tpl);
    const ExpandResult expanded = expand(tpl, variables());
    if (!refs.syntax_error.empty()) {
        FUZZ_ASSERT(!expanded.ok(), "a syntax error fails the expansion: " + refs.syntax_error);
    }
    if (!expanded.ok()) {
        FUZZ_ASSERT(expanded.text.empty(), "no text with an error: " + expanded.error);
    }
    if (text.find('$') == std::string::npos) {
        FUZZ_ASSERT(expanded.ok() && expanded.text == text, "plain text expands to itself");
        FUZZ_ASSERT(!refs.has_placeholders && refs.syntax_error.empty(), text);
    }
    const ExpandResult escaped = expand(model::Template{escape_dollars(text)}, variables());
    FUZZ_ASSERT(escaped.ok(), "an escaped text has no placeholder: " + escaped.error);
    FUZZ_ASSERT(escaped.text == text, "$$ round trip");
    return 0;
}
