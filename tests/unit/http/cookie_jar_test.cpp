// Tests of the cookie jar (RFC 6265 §5 with the 6265bis Secure rules) and the cookie-date
// parser. A fixed `now` is passed in, so no test depends on the clock.
#include "harness/http/cookie_date.hpp"
#include "harness/http/cookie_jar.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

// 2024-05-01 12:00:00 UTC
const Clock::time_point now =
    Clock::time_point(std::chrono::sys_days(std::chrono::year(2024) / 5 / 1).time_since_epoch()) +
    12h;

constexpr const char* asurso = "http://asurso.ru:8080/webapi/login";

TEST(CookieJar, SendsHostOnlyCookieToSameHostOnly) {
    CookieJar jar;
    auto stored = jar.store(asurso, "NSSESSIONID=abc; Path=/; HttpOnly", now);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->host_only);
    EXPECT_EQ(stored->domain, "asurso.ru");
    EXPECT_EQ(jar.header_for("http://asurso.ru:8080/app/school/main/", now), "NSSESSIONID=abc");
    // Cookies do not depend on the port (RFC 6265 §8.5).
    EXPECT_EQ(jar.header_for("http://asurso.ru/", now), "NSSESSIONID=abc");
}

TEST(CookieJar, DropsCookieForOtherHost) {
    CookieJar jar;
    jar.store(asurso, "NSSESSIONID=abc; Path=/", now);
    EXPECT_EQ(jar.header_for("http://esia.gosuslugi.ru:8080/login/", now), "");
    EXPECT_EQ(jar.header_for("http://center.asurso.ru:8080/", now), "");
}

TEST(CookieJar, SendsDomainCookieToSubdomains) {
    CookieJar jar;
    auto stored = jar.store("http://center.asurso.ru/", "portal=1; Domain=.ASURSO.ru; Path=/", now);
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->host_only);
    EXPECT_EQ(stored->domain, "asurso.ru");
    EXPECT_EQ(jar.header_for("http://asurso.ru/", now), "portal=1");
    EXPECT_EQ(jar.header_for("http://x.center.asurso.ru/", now), "portal=1");
    EXPECT_EQ(jar.header_for("http://notasurso.ru/", now), "");
}

TEST(CookieJar, RejectsDomainTheHostDoesNotMatch) {
    CookieJar jar;
    EXPECT_FALSE(jar.store(asurso, "a=1; Domain=gosuslugi.ru", now));
    EXPECT_FALSE(jar.store(asurso, "a=1; Domain=center.asurso.ru", now));
    EXPECT_FALSE(jar.store(asurso, "a=1; Domain=ru", now)) << "top-level domain";
    EXPECT_EQ(jar.size(), 0u);
}

TEST(CookieJar, RejectsDomainOnIpHostUnlessEqual) {
    CookieJar jar;
    EXPECT_FALSE(jar.store("http://127.0.0.1:8080/", "a=1; Domain=0.0.1", now));
    EXPECT_FALSE(jar.store("http://127.0.0.1:8080/", "a=1; Domain=127.0.0.2", now));
    auto stored = jar.store("http://127.0.0.1:8080/", "a=1; Domain=127.0.0.1", now);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->host_only);
    EXPECT_EQ(jar.header_for("http://127.0.0.1:8080/x", now), "a=1");
}

TEST(CookieJar, UsesDefaultPathWithoutPathAttribute) {
    CookieJar jar;
    auto stored = jar.store("http://h/webapi/auth/login?x=1", "a=1", now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->path, "/webapi/auth");
    EXPECT_EQ(jar.header_for("http://h/webapi/auth/getdata", now), "a=1");
    EXPECT_EQ(jar.header_for("http://h/webapi/auth", now), "a=1");
    EXPECT_EQ(jar.header_for("http://h/webapi/authx", now), "");
    EXPECT_EQ(jar.header_for("http://h/webapi", now), "");
}

TEST(CookieJar, DefaultPathOfTopLevelResourceIsSlash) {
    CookieJar jar;
    EXPECT_EQ(jar.store("http://h/login", "a=1", now)->path, "/");
    EXPECT_EQ(jar.store("http://h/", "b=1", now)->path, "/");
    EXPECT_EQ(jar.store("http://h/x/y", "c=1; Path=relative", now)->path, "/x");
}

TEST(CookieJar, MatchesPathsOnSegmentBoundaries) {
    CookieJar jar;
    jar.store("http://h/", "slash=1; Path=/app/", now);
    jar.store("http://h/", "noslash=1; Path=/app", now);
    EXPECT_EQ(jar.header_for("http://h/app/x", now), "slash=1; noslash=1");
    EXPECT_EQ(jar.header_for("http://h/app", now), "noslash=1");
    EXPECT_EQ(jar.header_for("http://h/apple", now), "");
}

TEST(CookieJar, MaxAgeZeroDeletesCookie) {
    CookieJar jar;
    jar.store(asurso, "NSSESSIONID=abc; Path=/", now);
    auto deleting = jar.store(asurso, "NSSESSIONID=; Path=/; Max-Age=0", now);
    ASSERT_TRUE(deleting) << "a deleting cookie is still accepted";
    EXPECT_EQ(jar.size(), 0u);
    EXPECT_EQ(jar.header_for(asurso, now), "");
}

TEST(CookieJar, NegativeMaxAgeDeletesCookie) {
    CookieJar jar;
    jar.store(asurso, "a=1; Path=/", now);
    jar.store(asurso, "a=1; Path=/; Max-Age=-1", now);
    EXPECT_EQ(jar.size(), 0u);
}

TEST(CookieJar, MaxAgeExpiresCookieLater) {
    CookieJar jar;
    auto stored = jar.store(asurso, "a=1; Path=/; Max-Age=60", now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->expires, now + 60s);
    EXPECT_EQ(jar.header_for(asurso, now + 59s), "a=1");
    EXPECT_EQ(jar.header_for(asurso, now + 60s), "");
    EXPECT_TRUE(jar.all(now + 61s).empty());
}

TEST(CookieJar, MaxAgeWinsOverExpires) {
    CookieJar jar;
    auto stored =
        jar.store(asurso, "a=1; Max-Age=60; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT", now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->expires, now + 60s);
    EXPECT_EQ(jar.header_for(asurso, now), "a=1");
}

TEST(CookieJar, ExpiresInPastDeletesCookie) {
    CookieJar jar;
    jar.store(asurso, "ESRNSec=x; Path=/", now);
    jar.store(asurso, "ESRNSec=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT", now);
    EXPECT_EQ(jar.size(), 0u);
}

TEST(CookieJar, ExpiresInFutureKeepsCookieUntilThen) {
    CookieJar jar;
    jar.store(asurso, "a=1; Path=/; Expires=Wed, 01 May 2024 13:00:00 GMT", now);
    EXPECT_EQ(jar.header_for(asurso, now + 59min), "a=1");
    EXPECT_EQ(jar.header_for(asurso, now + 61min), "");
}

TEST(CookieJar, CapsLifetimeAtFourHundredDays) {
    CookieJar jar;
    auto stored = jar.store(asurso, "a=1; Max-Age=999999999999999999999", now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->expires, now + std::chrono::days(400));
    auto far = jar.store(asurso, "b=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT", now);
    ASSERT_TRUE(far);
    EXPECT_LE(*far->expires, now + std::chrono::days(400));
}

TEST(CookieJar, SecureCookieIsSentOverHttpsOnly) {
    CookieJar jar;
    ASSERT_TRUE(jar.store("https://asurso.ru/", "s=1; Path=/; Secure; HttpOnly", now));
    EXPECT_EQ(jar.header_for("https://asurso.ru/", now), "s=1");
    EXPECT_EQ(jar.header_for("http://asurso.ru/", now), "");
}

TEST(CookieJar, PlainHttpCannotSetSecureCookie) {
    CookieJar jar;
    EXPECT_FALSE(jar.store("http://asurso.ru/", "s=1; Path=/; Secure", now));
    EXPECT_EQ(jar.size(), 0u);
}

TEST(CookieJar, PlainHttpCannotOverwriteSecureCookie) {
    CookieJar jar;
    jar.store("https://asurso.ru/", "s=secret; Path=/; Secure", now);
    EXPECT_FALSE(jar.store("http://asurso.ru/", "s=evil; Path=/", now));
    EXPECT_EQ(jar.header_for("https://asurso.ru/", now), "s=secret");
}

TEST(CookieJar, EnforcesHostAndSecurePrefixes) {
    CookieJar jar;
    EXPECT_FALSE(jar.store("https://h/", "__Secure-a=1", now));
    EXPECT_TRUE(jar.store("https://h/", "__Secure-a=1; Secure", now));
    EXPECT_FALSE(jar.store("https://h/x/", "__Host-b=1; Secure", now)) << "needs Path=/";
    EXPECT_FALSE(jar.store("https://a.h.ru/", "__Host-b=1; Secure; Path=/; Domain=h.ru", now));
    EXPECT_TRUE(jar.store("https://h/", "__Host-b=1; Secure; Path=/", now));
}

TEST(CookieJar, ParsesHttpOnlyAndSameSite) {
    CookieJar jar;
    auto stored = jar.store(asurso, "a=1; path=/; httponly; SameSite=Lax", now);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->http_only);
    EXPECT_EQ(stored->same_site, "Lax");
    EXPECT_FALSE(stored->secure);
    auto found = jar.find("a", asurso, now);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->http_only);
    EXPECT_EQ(found->same_site, "Lax");
}

TEST(CookieJar, ClearingCookieThenRealOneKeepsRealValueWithEquals) {
    // asurso's login answer (J1-08): clear ESRNSec, then set it, in one answer.
    CookieJar jar;
    auto cleared = jar.store(asurso, "ESRNSec=; Path=/; HttpOnly", now);
    ASSERT_TRUE(cleared);
    EXPECT_EQ(cleared->value, "");
    EXPECT_EQ(jar.header_for(asurso, now), "ESRNSec=");
    auto real = jar.store(asurso, "ESRNSec=ESRNSECR592640=0a1b2c3d; Path=/; HttpOnly", now);
    ASSERT_TRUE(real);
    EXPECT_EQ(real->name, "ESRNSec");
    EXPECT_EQ(real->value, "ESRNSECR592640=0a1b2c3d");
    EXPECT_EQ(jar.size(), 1u);
    EXPECT_EQ(jar.header_for("http://asurso.ru:8080/app/school/main/", now),
              "ESRNSec=ESRNSECR592640=0a1b2c3d");
    auto found = jar.find("ESRNSec", asurso, now);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->value, "ESRNSECR592640=0a1b2c3d");
}

TEST(CookieJar, OrdersLongerPathsFirstThenCreation) {
    CookieJar jar;
    jar.store("http://h/", "first=1; Path=/", now);
    jar.store("http://h/", "deep=1; Path=/a/b", now);
    jar.store("http://h/", "second=1; Path=/", now);
    jar.store("http://h/", "mid=1; Path=/a", now);
    EXPECT_EQ(jar.header_for("http://h/a/b/c", now), "deep=1; mid=1; first=1; second=1");
}

TEST(CookieJar, ReplacingKeepsCreationOrder) {
    CookieJar jar;
    jar.store("http://h/", "a=1; Path=/", now);
    jar.store("http://h/", "b=1; Path=/", now);
    jar.store("http://h/", "a=2; Path=/", now);
    EXPECT_EQ(jar.header_for("http://h/", now), "a=2; b=1");
    ASSERT_EQ(jar.all(now).size(), 2u);
    EXPECT_EQ(jar.all(now)[0].value, "2");
}

TEST(CookieJar, SameNameWithOtherPathIsAnotherCookie) {
    CookieJar jar;
    jar.store("http://h/", "a=root; Path=/", now);
    jar.store("http://h/", "a=app; Path=/app", now);
    EXPECT_EQ(jar.size(), 2u);
    EXPECT_EQ(jar.header_for("http://h/app/x", now), "a=app; a=root");
    EXPECT_EQ(jar.find("a", "http://h/app/x", now)->value, "app");
    EXPECT_EQ(jar.find("a", "http://h/other", now)->value, "root");
    EXPECT_FALSE(jar.find("b", "http://h/", now));
}

TEST(CookieJar, IgnoresMalformedHeaders) {
    CookieJar jar;
    EXPECT_FALSE(jar.store(asurso, "no-equals-sign", now));
    EXPECT_FALSE(jar.store(asurso, "=value-without-name", now));
    EXPECT_FALSE(jar.store(asurso, "a=b\x01; Path=/", now));
    EXPECT_FALSE(jar.store("not a url", "a=1", now));
    EXPECT_EQ(jar.size(), 0u);
}

TEST(CookieJar, TrimsNameAndValueAndKeepsQuotes) {
    CookieJar jar;
    auto stored = jar.store(asurso, "  a  =  \"quoted\"  ; Path=/", now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "a");
    EXPECT_EQ(stored->value, "\"quoted\"");
}

TEST(CookieJar, ClearRemovesEverything) {
    CookieJar jar;
    jar.store(asurso, "a=1", now);
    jar.clear();
    EXPECT_EQ(jar.size(), 0u);
}

TEST(ParseSetCookie, ReportsAttributesAsSent) {
    auto c = parse_set_cookie("ESIA_SESSION=x; Path=/; HttpOnly; Secure", now);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->name, "ESIA_SESSION");
    EXPECT_EQ(c->path, "/");
    EXPECT_TRUE(c->host_only);
    EXPECT_EQ(c->domain, "");
    EXPECT_TRUE(c->http_only);
    EXPECT_TRUE(c->secure);
    EXPECT_EQ(c->same_site, "");
    EXPECT_FALSE(c->expires);
}

TEST(ParseSetCookie, LeavesAbsentPathAndDomainEmpty) {
    auto c = parse_set_cookie("a=1; Domain=.Example.RU", now);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->path, "");
    EXPECT_EQ(c->domain, "example.ru");
    EXPECT_FALSE(c->host_only);
}

TEST(ParseSetCookie, ComputesExpiryFromMaxAge) {
    auto c = parse_set_cookie("a=1; Max-Age=10", now);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->expires, now + 10s);
    EXPECT_FALSE(parse_set_cookie("novalue"));
}

TEST(CookieDate, ParsesRfc1123) {
    auto t = parse_cookie_date("Sun, 06 Nov 1994 08:49:37 GMT");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->time_since_epoch().count(), 784111777);
}

TEST(CookieDate, ParsesRfc850AndAsctimeVariants) {
    EXPECT_EQ(parse_cookie_date("Sunday, 06-Nov-94 08:49:37 GMT")->time_since_epoch().count(),
              784111777);
    EXPECT_EQ(parse_cookie_date("Sun Nov  6 08:49:37 1994")->time_since_epoch().count(), 784111777);
    EXPECT_EQ(parse_cookie_date("Sun, 06-Nov-1994 08:49:37 GMT")->time_since_epoch().count(),
              784111777);
    EXPECT_EQ(parse_cookie_date("Thu, 01 Jan 1970 00:00:00 GMT")->time_since_epoch().count(), 0);
    EXPECT_EQ(parse_cookie_date("Wed, 01-May-30 00:00:00 GMT")->time_since_epoch().count(),
              parse_cookie_date("01 May 2030 00:00:00")->time_since_epoch().count());
}

TEST(CookieJar, ParsedCookieKeepsItsAttributes) {
    const auto c = parse_set_cookie("TTSLogin=SCID%3D2436; Max-Age=soon; Max-Age=31536000; "
                                    "Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/webapi; "
                                    "Domain=.asurso.ru; Secure; HttpOnly; SameSite=Lax");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->max_age, 31536000); // the last valid Max-Age (RFC 6265 §5.2.2)
    ASSERT_TRUE(c->expires_attribute);
    EXPECT_EQ(*c->expires_attribute, *parse_cookie_date("Wed, 21 Oct 2037 07:28:00 GMT"));
    EXPECT_EQ(c->path, "/webapi");
    EXPECT_EQ(c->domain, "asurso.ru");
    EXPECT_FALSE(c->host_only);
    EXPECT_TRUE(c->secure);
    EXPECT_TRUE(c->http_only);
    EXPECT_EQ(c->same_site, "Lax");
    const auto plain = parse_set_cookie("a=b");
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->max_age);
    EXPECT_FALSE(plain->expires_attribute);
}

TEST(CookieJar, StoredCookieKeepsMaxAgeAndFindsByParsedUrl) {
    CookieJar jar;
    const auto url = parse_url("http://asurso.ru:8080/webapi/login");
    ASSERT_TRUE(url);
    ASSERT_TRUE(jar.store(*url, "NSSESSIONID=abc; Path=/; Max-Age=600", now));
    const Cookie* found = jar.find("NSSESSIONID", *url, now);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->max_age, 600);
    EXPECT_EQ(jar.find("other", *url, now), nullptr);
}

TEST(CookieDate, RejectsInvalidDates) {
    EXPECT_FALSE(parse_cookie_date(""));
    EXPECT_FALSE(parse_cookie_date("tomorrow"));
    EXPECT_FALSE(parse_cookie_date("Sun, 06 Nov 1994"));         // no time
    EXPECT_FALSE(parse_cookie_date("31 Feb 2024 00:00:00 GMT")); // no such day
    EXPECT_FALSE(parse_cookie_date("06 Nov 1994 25:00:00 GMT")); // hour
    EXPECT_FALSE(parse_cookie_date("06 Nov 1500 08:49:37 GMT")); // before 1601
    EXPECT_FALSE(parse_cookie_date("06 Foo 1994 08:49:37 GMT")); // month
}

} // namespace
} // namespace logintest::harness::http
