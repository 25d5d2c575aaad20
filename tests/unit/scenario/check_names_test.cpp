// Check descriptions read in the words of the scenario XML, and never show a secret.
#include "harness/scenario/check_names.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

model::Check make(model::CheckSubject subject, std::string path, model::CheckOp op) {
    model::Check c;
    c.subject = subject;
    c.path = std::move(path);
    c.op = op;
    return c;
}

TEST(CheckNames, DescribeUsesXmlNames) {
    using model::CheckOp;
    using model::CheckSubject;
    EXPECT_EQ(describe_check(make(CheckSubject::status, "", CheckOp::equals), "200"),
              "status equals 200");
    EXPECT_EQ(describe_check(make(CheckSubject::json, "/at", CheckOp::matches), "^[0-9]{25}$"),
              "json /at matches ^[0-9]{25}$");
    EXPECT_EQ(describe_check(make(CheckSubject::json, "", CheckOp::equals), "false"),
              "json (whole body) equals false");
    EXPECT_EQ(describe_check(make(CheckSubject::redirect_host, "", CheckOp::not_equals), "x"),
              "redirect.host not-equals x");
    EXPECT_EQ(describe_check(make(CheckSubject::cookie_absent, "ESRNSec", CheckOp::absent), ""),
              "no-cookie ESRNSec");
    EXPECT_EQ(describe_check(make(CheckSubject::json, "/a", CheckOp::exists), ""),
              "json /a exists");
    EXPECT_EQ(describe_check(make(CheckSubject::body, "", CheckOp::equals), ""),
              "body equals \"\"");
    auto attr = make(CheckSubject::cookie_set, "NSSESSIONID", CheckOp::equals);
    attr.cookie_attribute = model::CookieAttribute::http_only;
    EXPECT_EQ(describe_check(attr, "true"), "cookie NSSESSIONID http-only equals true");
}

TEST(CheckNames, DescribeMasksSecretExpectedValuesButNotTemplates) {
    using model::CheckOp;
    using model::CheckSubject;
    const auto at = make(CheckSubject::json, "/at", CheckOp::equals);
    const std::string d = describe_check(at, "4012341777721575425550192");
    EXPECT_EQ(d.find("4012341777721575425550192"), std::string::npos);
    EXPECT_EQ(d.substr(0, 20), "json /at equals ***#");
    EXPECT_EQ(describe_check(at, "${at}"), "json /at equals ${at}");
    EXPECT_TRUE(is_secret_subject(make(CheckSubject::cookie_set, "ESRNSec", CheckOp::exists)));
    EXPECT_TRUE(
        is_secret_subject(make(CheckSubject::json, "/accountInfo/accessToken", CheckOp::exists)));
    EXPECT_FALSE(is_secret_subject(make(CheckSubject::json, "/salt", CheckOp::exists)));
}

} // namespace
} // namespace logintest::harness::scenario
