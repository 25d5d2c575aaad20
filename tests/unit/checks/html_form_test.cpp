// read_form(): the controls of a form as a browser submits them (the NS-BIND-4 binding card,
// checkboxes, radios, selects, textareas, buttons), its action and method, and its errors.
#include "harness/checks/html_document.hpp"
#include "harness/checks/html_form.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace logintest::harness::checks {
namespace {

using ::testing::HasSubstr;

using Fields = std::map<std::string, std::string>;

Fields as_map(const FormValues& form) {
    return {form.fields.begin(), form.fields.end()};
}

// The binding card of NS-BIND-4 as the mock renders it.
constexpr std::string_view bind_card = R"(<!DOCTYPE html><html><body>
<form id="bind-card" method="post" action="/webapi/login">
<h2 id="bind-card-title">Привязка учётной записи АСУ РСО</h2>
<select id="sel-sft" name="sft"><option value="-999999">Тип ОО</option><option value="2">ОО</option></select>
<select id="sel-scid" name="scid"><option value="-999999">ОО</option>
<option value="2436" data-sft="2">МБОУ Школа № 26</option></select>
<input id="UN" name="UN" type="text"><input id="PW" name="PW" type="password">
<input type="hidden" id="loginState" name="loginState" value="3f2c-aa">
<button id="bind-submit" type="submit" name="go">Войти</button>
</form></body></html>)";

TEST(HtmlForm, ReadsTheBindingCardLikeABrowser) {
    const auto doc = parse_html(bind_card);
    const FormValues form =
        read_form(doc, "//form[@id='bind-card']", "https://asurso.test/app/login?x=1");
    ASSERT_TRUE(form.ok()) << form.error;
    EXPECT_EQ(form.method, "POST");
    EXPECT_EQ(form.action, "https://asurso.test/webapi/login");
    // Every field by name (so no "go": a submit button is not sent), and no name twice.
    EXPECT_EQ(as_map(form), (Fields{{"loginState", "3f2c-aa"},
                                    {"UN", ""},
                                    {"PW", ""},
                                    {"sft", "-999999"},
                                    {"scid", "-999999"}}));
    EXPECT_EQ(form.fields.size(), 5u);
}

TEST(HtmlForm, CheckedBoxesSelectedOptionsAndTextareas) {
    const auto doc = parse_html(
        "<form id=f><input type=checkbox name=a><input type=checkbox name=b checked>"
        "<input type=checkbox name=c value=yes checked><input type=radio name=r value=1>"
        "<input type=radio name=r value=2 checked><select name=s><option>one"
        "<option selected value=2>two</select><textarea name=t>hello\nworld</textarea>"
        "<input name=plain><input type=submit name=sub value=Go><input name=off disabled "
        "value=x><input type=email name=e value=a@b></form>");
    const FormValues form = read_form(doc, "//form", "https://h.test/dir/page");
    ASSERT_TRUE(form.ok()) << form.error;
    EXPECT_EQ(form.method, "GET");
    EXPECT_EQ(form.action, "https://h.test/dir/page");
    // Every field by name: no unchecked box "a", no submit "sub", no disabled "off".
    EXPECT_EQ(as_map(form), (Fields{{"b", "on"},
                                    {"c", "yes"},
                                    {"r", "2"},
                                    {"s", "2"},
                                    {"t", "hello\nworld"},
                                    {"plain", ""},
                                    {"e", "a@b"}}));
}

TEST(HtmlForm, SelectWithoutSelectionTakesTheFirstOptionText) {
    const auto doc = parse_html("<form action=next><select name=s><option> first </option>"
                                "<option>second</option></select></form>");
    const FormValues form = read_form(doc, "//form", "https://h.test/a/b");
    EXPECT_EQ(as_map(form).at("s"), "first");
    EXPECT_EQ(form.action, "https://h.test/a/next");
}

TEST(HtmlForm, ErrorsSayWhatWasWrong) {
    const auto doc = parse_html("<div id=d><form id=f></form></div>");
    EXPECT_EQ(read_form(doc, "//form[@id='x']", "https://h.test/").error,
              "no form matches //form[@id='x']");
    EXPECT_THAT(read_form(doc, "//div", "https://h.test/").error, HasSubstr("not a <form>"));
    EXPECT_THAT(read_form(doc, "//form[", "https://h.test/").error, HasSubstr("bad XPath"));
}

} // namespace
} // namespace logintest::harness::checks
