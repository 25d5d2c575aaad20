// Fuzz target: HTML parsing (harness/checks/html_document.cpp: gumbo -> pugixml) and form
// extraction (harness/checks/html_form.cpp) on any page, as the `form` extract and the xpath
// subject read it. Beyond "no crash, no leak, no UB" it asserts: a form that is read has a
// non-empty action and an uppercase method, and no field without a name; the XPath queries
// the catalog uses evaluate without error on any page; parsing is deterministic (two parses
// give the same form).
#include "harness/checks/html_form.hpp"
#include "harness/checks/html_document.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace logintest::harness::checks;

constexpr const char* page_url = "http://127.0.0.2:8080/aa/login?client_id=ASURSO";

void check_form(const FormValues& form) {
    if (!form.ok()) {
        return;
    }
    FUZZ_ASSERT(!form.action.empty(), "a form has an action");
    FUZZ_ASSERT(std::none_of(form.method.begin(), form.method.end(),
                             [](unsigned char c) { return std::islower(c) != 0; }),
                form.method);
    for (const auto& [name, value] : form.fields) {
        FUZZ_ASSERT(!name.empty(), "a nameless control is left out");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const pugi::xml_document doc = parse_html(html);
    const FormValues first = read_form(doc, "//form", page_url);
    check_form(first);
    check_form(read_form(doc, "(//form)[last()]", page_url));
    for (const char* xpath : {"//title", "string(//input[@name='csrf']/@value)", "count(//a)",
                              "//meta[@name='esia-state']/@content"}) {
        const XPathValue value = evaluate_xpath(doc, xpath);
        FUZZ_ASSERT(value.error.empty(), value.error);
    }
    const pugi::xml_document again = parse_html(html);
    const FormValues second = read_form(again, "//form", page_url);
    FUZZ_ASSERT(first.fields == second.fields && first.action == second.action &&
                    first.error == second.error,
                "parsing is deterministic");
    return 0;
}
