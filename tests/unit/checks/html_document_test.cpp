// HTML5 pages become pugixml documents that XPath can query, whatever the markup quality.
#include "harness/checks/html_document.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

TEST(HtmlDocument, ParsesTagSoupLikeABrowser) {
    const auto doc = parse_html("<TITLE>АСУ РСО</title><P id=a class=\"x y\">one<p id=b>two &amp; "
                                "three&nbsp;<b>bold</p><select name=sid><option value=-999999>"
                                "Выберите регион...</select>");
    EXPECT_STREQ(doc.document_element().name(), "html");
    EXPECT_EQ(evaluate_xpath(doc, "//title").text, "АСУ РСО");
    EXPECT_EQ(evaluate_xpath(doc, "//p[@id='a']").text, "one");
    EXPECT_EQ(evaluate_xpath(doc, "//p[@id='b']").text, "two & three\u00a0bold");
    EXPECT_EQ(evaluate_xpath(doc, "//p[@id='a']/@class").text, "x y");
    EXPECT_EQ(evaluate_xpath(doc, "//select[@name='sid']/option[1]/@value").text, "-999999");
    EXPECT_EQ(evaluate_xpath(doc, "count(//p)").text, "2");
    EXPECT_EQ(evaluate_xpath(doc, "boolean(//form)").text, "false");
    EXPECT_FALSE(evaluate_xpath(doc, "//form").text.has_value());
}

TEST(HtmlDocument, NodeTextCollapsesWhitespace) {
    const auto doc =
        parse_html("<div id=d>\n  Если   после\tнескольких\n<span>попыток</span>  </div>");
    const auto node = doc.select_node("//div[@id='d']");
    EXPECT_EQ(node_text(node), "Если после нескольких попыток");
}

TEST(HtmlDocument, BadXPathIsAnErrorNotAnException) {
    const auto doc = parse_html("<p>x</p>");
    const auto r = evaluate_xpath(doc, "//p[");
    EXPECT_FALSE(r.error.empty());
    EXPECT_FALSE(r.text.has_value());
}

TEST(HtmlDocument, EmptyAndBinaryInputGiveADocument) {
    EXPECT_STREQ(parse_html("").document_element().name(), "html");
    EXPECT_STREQ(parse_html(std::string_view("\0\xff\xfe<", 4)).document_element().name(), "html");
}

} // namespace
} // namespace logintest::harness::checks
