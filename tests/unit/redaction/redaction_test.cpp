// Redaction: secret names, masks and URLs with secret query values.
#include "harness/redaction/redaction.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::redaction {
namespace {

TEST(Redaction, KnowsTheSecretNamesCaseInsensitively) {
    for (const char* name : {"at", "AT", "pw2", "PW", "password", "oldPassword", "code",
                             "client_secret", "ESRNSec", "NSSESSIONID", "ESIA_SESSION", "id_token",
                             "accessToken", "refresh_token", "Set-Cookie"}) {
        EXPECT_TRUE(is_secret_name(name)) << name;
    }
    for (const char* name : {"salt", "lt", "ver", "scid", "UN", "state", "loginState", "status"}) {
        EXPECT_FALSE(is_secret_name(name)) << name;
    }
}

TEST(Redaction, MaskHidesTheValueButTellsValuesApart) {
    const std::string a = mask("4012341777721575425550192");
    const std::string b = mask("4012341777721575425550193");
    EXPECT_EQ(a.rfind("***#", 0), 0u);
    EXPECT_EQ(a.find("4012"), std::string::npos);
    EXPECT_NE(a, b);
    EXPECT_EQ(mask(""), "");
}

TEST(Redaction, RedactsOnlySecretQueryValues) {
    const std::string url = "http://a.test/cb?code=SECRETCODE&state=abc&client_secret=XYZ#frag";
    const std::string redacted = redact_url(url);
    EXPECT_EQ(redacted.find("SECRETCODE"), std::string::npos);
    EXPECT_EQ(redacted.find("XYZ"), std::string::npos);
    EXPECT_NE(redacted.find("state=abc"), std::string::npos);
    EXPECT_NE(redacted.find("#frag"), std::string::npos);
    EXPECT_EQ(redact_url("http://a.test/x"), "http://a.test/x");
}

TEST(Redaction, RedactsCookieValuesKeepingAttributes) {
    const std::string set_cookie = "ESRNSec=ESRNSECR592640=abcdef0123; Path=/; HttpOnly";
    const std::string redacted = redact_cookie_header(set_cookie);
    EXPECT_EQ(redacted.find("abcdef0123"), std::string::npos);
    EXPECT_NE(redacted.find("ESRNSec=***#"), std::string::npos);
    EXPECT_NE(redacted.find("Path=/"), std::string::npos);
    const std::string cookie = redact_cookie_header("a=secret1; b=secret2");
    EXPECT_EQ(cookie.find("secret"), std::string::npos);
}

TEST(Redaction, RedactsSecretPairsAnywhereInFreeText) {
    const std::string text = "header Location was http://a.test/cb?code=C0DE-1&state=s1, "
                             "expected http://b.test/ac?client_id=X&client_secret=S1gn%2B; body "
                             "PW=abc123&UN=me";
    const std::string redacted = redact_text(text);
    EXPECT_EQ(redacted, "header Location was http://a.test/cb?code=" + mask("C0DE-1") +
                            "&state=s1, expected http://b.test/ac?client_id=X&client_secret=" +
                            mask("S1gn%2B") + "; body PW=" + mask("abc123") + "&UN=me");
}

TEST(Redaction, RedactsSecretJsonMembersInFreeText) {
    const std::string text =
        R"(expected {"at":"55496519","code":null,"accessToken" : "tok\"en","tokenType":"Bearer"})";
    const std::string redacted = redact_text(text);
    EXPECT_EQ(redacted, R"(expected {"at":")" + mask("55496519") +
                            R"(","code":null,"accessToken" : ")" + mask(R"(tok\"en)") +
                            R"(","tokenType":"Bearer"})");
}

TEST(Redaction, KeepsPatternsTemplatesAndMasksInFreeText) {
    for (const std::string text :
         {"Location matches [?&]code=[A-Za-z0-9_-]{43}", "contains ${esia}/cb?code=${code}",
          "url was /cb?code=***#12ab", "contains callback?code=", R"({"at":null})",
          "state=abc&lt=123"}) {
        EXPECT_EQ(redact_text(text), text);
    }
    // Two values stay distinguishable.
    EXPECT_NE(redact_text("code=AAAA1"), redact_text("code=AAAA2"));
}

} // namespace
} // namespace logintest::harness::redaction
