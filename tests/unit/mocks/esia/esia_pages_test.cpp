// GEN-2 for every esia page: well-formed XHTML, and the ids and texts of ESIA-LOGIN-1, -23,
// -26, -27, ESIA-AC-3 and ESIA-LOGOUT-2 read the way a tester reads them (XPath, collapsed
// text).
#include "esia_test_support.hpp"
#include "tests/unit/mocks/common/asurso_page_support.hpp"

#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

using testing::Page;

class EsiaPages : public EsiaTest {
protected:
    Page page(const Response& r) {
        EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
        Page p(r.body);
        EXPECT_TRUE(p.well_formed()) << p.error() << "\n" << r.body;
        return p;
    }
};

TEST_F(EsiaPages, LoginPage) {
    client.start();
    const Page p = page(client.get("/login/"));
    EXPECT_EQ(Page::text_of(p.node("//title")),
              "Портал государственных услуг Российской Федерации");
    EXPECT_EQ(p.text("login-title"), "Вход");
    EXPECT_EQ(p.text("tab-phone"), "Телефон или почта");
    EXPECT_EQ(p.attr("tab-snils", "href"), "http://esia.gosuslugi.ru:8080/login/?idType=snils");
    EXPECT_EQ(p.attr("login-form", "method"), "post");
    EXPECT_EQ(p.text("login-label"), "Мобильный телефон или почта");
    EXPECT_EQ(p.attr("login", "name"), "login");
    EXPECT_EQ(Page::text_of(p.node("//label[@for='password']")), "Пароль");
    EXPECT_EQ(p.attr("password", "type"), "password");
    EXPECT_EQ(Page::text_of(p.node("//label[@for='foreign_computer']")), "Чужой компьютер");
    EXPECT_EQ(p.attr("idType", "value"), "phone");
    EXPECT_EQ(p.text("login-submit"), "Войти");
    EXPECT_EQ(p.text("login-error"), "");
    EXPECT_EQ(p.text("recovery"), "Не удаётся войти?");
}

TEST_F(EsiaPages, EveryOtherPageIsWellFormed) {
    // ESIA-AC-3.
    Fields f = client.ac_fields("CONFTEST", "http://evil.test/a?b=1&c=2");
    const Page error = page(client.ac(f));
    EXPECT_EQ(error.text("error-title"), "Ошибка");
    EXPECT_EQ(error.text("error-code"), "ESIA-007023");
    EXPECT_EQ(error.text("error-description"), "The redirect_uri is not registered for the client");
    // ESIA-LOGIN-23.
    client.start();
    client.api_login("+7(917)0001122", "Mfa@Code4");
    const Page mfa = page(client.get("/login/mfa"));
    EXPECT_EQ(mfa.text("mfa-sent"), "Код отправлен на номер +7(917)***-**-22");
    // ESIA-LOGIN-26.
    client.cookies.clear();
    client.start("ASURSO", std::string(asurso_callback));
    client.api_login("112-233-445 95", "Snils#Only3");
    const Page consent = page(client.get("/login/consent"));
    EXPECT_EQ(consent.text("consent-client"), "АСУ РСО");
    EXPECT_EQ(consent.count("//ul[@id='consent-scopes']/li"), 1u);
    // ESIA-LOGIN-27.
    client.cookies.clear();
    client.start();
    for (int i = 0; i < 4; ++i) {
        client.api_login("m.lebedev@example.ru", "w");
    }
    const Page captcha = page(client.get("/login/captcha"));
    EXPECT_EQ(captcha.text("captcha-title"), "Подтвердите, что вы не робот");
    EXPECT_EQ(captcha.count("//form//input[@type='hidden' and @name='guid']"), 1u);
    // ESIA-LOGOUT-2, the recovery stub, a failed form login with markup in the login.
    EXPECT_EQ(page(client.get("/idp/ext/Logout?client_id=X")).text("logout-title"),
              "Вы вышли из системы");
    page(client.get("/login/recovery"));
    const Page failed = page(
        client.send("POST", "/login/", form_encode({{"login", "<b>&\"'@x.ru"}, {"password", "x"}}),
                    "application/x-www-form-urlencoded"));
    EXPECT_EQ(failed.attr("login", "value"), "<b>&\"'@x.ru");
}

} // namespace
} // namespace logintest::mocks::esia_testing
