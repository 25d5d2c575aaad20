// Tests of the curl-style --resolve map: parsing entries, IPv6, errors, case-insensitive hosts.
#include "harness/http/resolve_map.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::http {
namespace {

TEST(ResolveMap, MapsHostAndPortToAddress) {
    ResolveMap map;
    EXPECT_EQ(map.add("asurso.ru:8080:127.0.0.1"), "");
    EXPECT_EQ(map.lookup("asurso.ru", 8080), "127.0.0.1");
    EXPECT_FALSE(map.lookup("asurso.ru", 8443));
    EXPECT_FALSE(map.lookup("esia.gosuslugi.ru", 8080));
    EXPECT_FALSE(map.empty());
}

TEST(ResolveMap, ComparesHostNamesCaseInsensitively) {
    ResolveMap map;
    EXPECT_EQ(map.add("ESIA.Gosuslugi.RU:8080:127.0.0.2"), "");
    EXPECT_EQ(map.lookup("esia.gosuslugi.ru", 8080), "127.0.0.2");
    EXPECT_EQ(map.lookup("Esia.GOSUSLUGI.ru", 8080), "127.0.0.2");
}

TEST(ResolveMap, AcceptsBracketedIpv6Address) {
    ResolveMap map;
    EXPECT_EQ(map.add("asurso.ru:443:[::1]"), "");
    EXPECT_EQ(map.lookup("asurso.ru", 443), "::1");
    EXPECT_EQ(map.add("center.asurso.ru:443:::1"), "");
    EXPECT_EQ(map.lookup("center.asurso.ru", 443), "::1");
}

TEST(ResolveMap, AcceptsBracketedIpv6Host) {
    ResolveMap map;
    EXPECT_EQ(map.add("[::1]:8080:127.0.0.1"), "");
    EXPECT_EQ(map.lookup("::1", 8080), "127.0.0.1");
    EXPECT_EQ(map.lookup("[::1]", 8080), "127.0.0.1");
}

TEST(ResolveMap, LaterEntryReplacesEarlier) {
    ResolveMap map;
    map.add("h", 80, "127.0.0.1");
    map.add("H", 80, "127.0.0.3");
    EXPECT_EQ(map.lookup("h", 80), "127.0.0.3");
}

TEST(ResolveMap, ReportsMalformedEntries) {
    ResolveMap map;
    EXPECT_NE(map.add("asurso.ru"), "");
    EXPECT_NE(map.add("asurso.ru:8080"), "");
    EXPECT_NE(map.add(":8080:127.0.0.1"), "");
    EXPECT_NE(map.add("asurso.ru:http:127.0.0.1"), "");
    EXPECT_NE(map.add("asurso.ru:0:127.0.0.1"), "");
    EXPECT_NE(map.add("asurso.ru:65536:127.0.0.1"), "");
    EXPECT_NE(map.add("asurso.ru:8080:"), "");
    EXPECT_NE(map.add("asurso.ru:8080:localhost"), "");
    EXPECT_NE(map.add("asurso.ru:8080:[::1"), "");
    EXPECT_TRUE(map.empty());
}

TEST(ResolveMap, ErrorTextNamesTheEntry) {
    ResolveMap map;
    std::string error = map.add("asurso.ru:x:127.0.0.1");
    EXPECT_NE(error.find("asurso.ru:x:127.0.0.1"), std::string::npos) << error;
    EXPECT_NE(error.find("port"), std::string::npos) << error;
}

} // namespace
} // namespace logintest::harness::http
