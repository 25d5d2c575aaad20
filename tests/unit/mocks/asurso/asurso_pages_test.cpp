// Handler-level tests of asurso's pages and login-form endpoints: the portal (§5), the login
// page (§6.1, NS-ESIA-17), the pre-login notice and the school selection (§6.2-§6.3), and
// the app pages (NS-SESSION-12..14, NS-PWD-12, NS-LOGIN-28). Pages are parsed as XML (GEN-2).
#include "asurso_test_support.hpp"
#include "support/url/percent.hpp"
#include "tests/unit/mocks/common/asurso_page_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

using ::testing::ElementsAre;

constexpr std::string_view html_type = "text/html; charset=utf-8";

class AsursoPages : public AsursoTest {
protected:
    Page page(const Response& r) {
        EXPECT_EQ(r.header("Content-Type"), html_type);
        Page p(r.body);
        EXPECT_TRUE(p.well_formed()) << p.error() << "\n" << r.body; // GEN-2
        return p;
    }

    // The ids (values) of a JSON list of {"id","name"}.
    static std::vector<long long> ids(const boost::json::value& list) {
        std::vector<long long> out;
        for (const auto& item : list.as_array()) {
            out.push_back(item.at("id").to_number<long long>());
        }
        return out;
    }
};

// ---- §5 portal ---------------------------------------------------------------------------

TEST_F(AsursoPages, PortalHasTitleSubtitleAndTheThreeCategoriesInOrder) {
    const Response r = client.get("/");
    ASSERT_EQ(r.status, 200);
    const Page p = page(r);
    EXPECT_EQ(Page::text_of(p.node("//title")), "АСУ РСО"); // NS-PORTAL-1
    EXPECT_EQ(p.text("portal-title"), "АСУ РСО");
    EXPECT_EQ(Page::text_of(p.node("//h1")), "АСУ РСО");
    EXPECT_EQ(p.text("portal-subtitle"),
              "Автоматизированная система управления региональной системы образования");
    // NS-PORTAL-2: exactly three a.category, in order.
    ASSERT_EQ(p.count("//a[@class='category']"), 3u);
    const auto links = p.node("//a[@class='category']").parent().parent();
    std::vector<std::string> seen;
    for (const auto& hit : links.select_nodes(".//a[@class='category']")) {
        seen.push_back(std::string(hit.node().attribute("id").value()) + "|" +
                       Page::text_of(hit.node()) + "|" + hit.node().attribute("href").value());
    }
    EXPECT_THAT(seen, ElementsAre("category-pupil|Обучающимся и родителям|"
                                  "http://asurso.ru:8080/app/login?category=pupil",
                                  "category-teacher|Педагогам|"
                                  "http://asurso.ru:8080/app/login?category=teacher",
                                  "category-em|Сотрудникам органов управления образованием|"
                                  "http://asurso.ru:8080/app/login?category=em"));
    // NS-PORTAL-4 (SHOULD).
    EXPECT_EQ(p.text("portal-under14"),
              "Учащиеся до 14 лет могут войти в систему только по логину и паролю школьного "
              "модуля, поскольку не имеют возможности регистрации на Госуслугах.");
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty()); // NS-PORTAL-6
}

TEST_F(AsursoPages, PortalLinksUseTheConfiguredPublicBaseUrl) {
    asurso::AsursoConfig config;
    config.public_base_url = "https://center.asurso.ru";
    auto other = make_asurso(config);
    const Page p(call(*other, common::make_request("GET", "/")).body);
    EXPECT_EQ(p.attr("category-em", "href"), "https://center.asurso.ru/app/login?category=em");
}

TEST_F(AsursoPages, AboutRedirectsToTheLoginPage) {
    const Response r = client.get("/about.html");
    EXPECT_EQ(r.status, 302); // NS-PORTAL-5
    EXPECT_EQ(r.header("Location"), "http://asurso.ru:8080/app/login");
}

TEST_F(AsursoPages, PortalRefusesOtherMethods) {
    const Response r = client.send("POST", "/");
    EXPECT_EQ(r.status, 405); // GEN-5
    EXPECT_EQ(r.header("Allow"), "GET");
}

// ---- §6.1 login page ---------------------------------------------------------------------

TEST_F(AsursoPages, LoginPageHasEveryElementOfNsLogin1) {
    const Response r = client.get("/app/login?category=pupil");
    ASSERT_EQ(r.status, 200); // NS-PORTAL-3: no redirect
    const Page p = page(r);
    EXPECT_EQ(Page::text_of(p.node("//title")), "АСУ РСО");
    EXPECT_EQ(p.text("login-title"), "АСУ РСО");
    EXPECT_EQ(p.text("esia-login"), "Войти в АСУ РСО через портал Госуслуг");
    EXPECT_EQ(p.attr("esia-login", "href"), "http://asurso.ru:8080/webapi/sso/esia/crosslogin");
    EXPECT_EQ(p.text("esia-notice"), "Вы получаете государственные (муниципальные) услуги в сфере "
                                     "образования Самарской области в электронной форме.");
    const auto form = p.by_id("school-login");
    ASSERT_TRUE(form);
    EXPECT_STREQ(form.name(), "form");
    EXPECT_STREQ(form.attribute("method").value(), "post");
    EXPECT_STREQ(form.attribute("action").value(), "http://asurso.ru:8080/webapi/login");
    // The six selects, each with the placeholder -999999 first.
    const std::pair<const char*, const char*> selects[] = {
        {"cid", "Выберите страну..."},
        {"sid", "Выберите регион..."},
        {"pid", "Выберите городской округ или муниципальный район..."},
        {"cn", "Выберите населённый пункт..."},
        {"sft", "Выберите тип ОО..."},
        {"scid", "Выберите ОО..."},
    };
    for (const auto& [name, placeholder] : selects) {
        const auto select = p.by_id(std::string("sel-") + name);
        ASSERT_TRUE(select) << name;
        EXPECT_STREQ(select.name(), "select");
        EXPECT_STREQ(select.attribute("name").value(), name);
        const auto first = select.child("option");
        EXPECT_STREQ(first.attribute("value").value(), "-999999") << name;
        EXPECT_EQ(Page::text_of(first), placeholder);
    }
    // Prerendered (MAY): the automatic selection of NS-LOGIN-7.
    EXPECT_STREQ(p.node("//select[@id='sel-cid']/option[@selected]").attribute("value").value(),
                 "2");
    EXPECT_EQ(p.count("//select[@id='sel-pid']/option"), 3u);
    EXPECT_EQ(Page::text_of(p.node("//label[@for='UN']")), "Имя пользователя");
    EXPECT_STREQ(p.attr("UN", "name").c_str(), "UN");
    EXPECT_EQ(Page::text_of(p.node("//label[@for='PW']")), "Пароль");
    EXPECT_EQ(p.attr("PW", "name"), "PW");
    EXPECT_EQ(p.attr("PW", "type"), "password");
    EXPECT_EQ(p.attr("category", "type"), "hidden");
    EXPECT_EQ(p.attr("category", "name"), "category");
    EXPECT_EQ(p.attr("category", "value"), "pupil");
    EXPECT_EQ(p.text("login-submit"), "Войти");
    EXPECT_EQ(p.text("hint-latin"), "Все пароли созданные автоматически создаются из латинских "
                                    "букв, цифр и символов! (Внимательно вводите пароль!)");
    EXPECT_EQ(p.text("hint-attempts"), "Если после нескольких попыток Вам не удалось войти в "
                                       "систему, сообщите об этом классному руководителю.");
    EXPECT_EQ(p.text("hint-forgot"),
              "Если Вы забыли пароль от школьного модуля АСУ РСО, сообщите об этом классному "
              "руководителю, и администратор системы назначит Вам новый пароль.");
    ASSERT_TRUE(p.by_id("login-error"));
    EXPECT_EQ(p.text("login-error"), "");
    EXPECT_FALSE(p.by_id("esia-error"));
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
}

TEST_F(AsursoPages, LoginPageEchoesTheCategoryAndTreatsUnknownAsPupil) {
    for (const auto& [query, expected] :
         std::vector<std::pair<std::string, std::string>>{{"?category=teacher", "teacher"},
                                                          {"?category=em", "em"},
                                                          {"?category=admin", "pupil"},
                                                          {"", "pupil"}}) {
        const Page p = page(client.get("/app/login" + query));
        EXPECT_EQ(p.attr("category", "value"), expected) << query; // NS-PORTAL-3
    }
}

TEST_F(AsursoPages, LoginPageMapsEsiaErrorCodesToTexts) {
    const std::string failed =
        "Не удалось выполнить вход через портал Госуслуг. Повторите попытку.";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"state_mismatch", failed},
        {"esia_error", failed},
        {"token_error", failed},
        {"id_token_invalid", failed},
        {"something_else", failed},
        {"esia_denied", "Вход через портал Госуслуг отменён."},
        {"child_account", "Учащиеся младше 14 лет входят в систему только по логину и паролю "
                          "школьного модуля"},
        {"unconfirmed_account",
         "Для входа необходима подтверждённая учётная запись портала Госуслуг."},
    };
    for (const auto& [code, text] : cases) {
        const Page p = page(client.get("/app/login?esiaError=" + code));
        EXPECT_EQ(p.text("esia-error"), text) << code; // NS-LOGIN-3, NS-ESIA-17
        EXPECT_TRUE(p.by_id("school-login")) << code;
    }
}

TEST_F(AsursoPages, LoginPageFollowsLogindataSwitches) {
    asurso::AsursoConfig config;
    config.esia_login_enabled = false;
    config.school_login_enabled = false;
    auto other = make_asurso(config);
    const Response r = call(*other, common::make_request("GET", "/app/login?category=em"));
    const Page p = page(r);
    EXPECT_FALSE(p.by_id("esia-login"));   // NS-LOGIN-1: iff esiaLogin
    EXPECT_FALSE(p.by_id("school-login")); // iff schoolLogin
    EXPECT_TRUE(p.by_id("esia-notice"));
    EXPECT_EQ(p.attr("category", "value"), "em");
}

TEST_F(AsursoPages, LoginPageTextsCanBeOverridden) {
    asurso::AsursoConfig config;
    config.messages["T-LABEL-UN"] = "Логин";
    auto other = make_asurso(config);
    const Page p(call(*other, common::make_request("GET", "/app/login")).body);
    EXPECT_EQ(Page::text_of(p.node("//label[@for='UN']")), "Логин"); // §23 messages
}

// ---- §6.2-§6.3 ---------------------------------------------------------------------------

TEST_F(AsursoPages, PreloginNoticeShowsNothing) {
    const Response r = client.get("/webapi/settings/preloginnotice");
    ASSERT_EQ(r.status, 200); // NS-LOGIN-6
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(body_json(r),
              boost::json::parse(
                  R"({"showPopUp":false,"popUpDisplayText":null,"popUpButtonText":null})"));
}

TEST_F(AsursoPages, PrepareloginformWithoutParametersIsTheSpecExample) {
    const Response r = client.get("/webapi/prepareloginform?cacheVer=639");
    ASSERT_EQ(r.status, 200);
    const auto j = body_json(r);
    // NS-LOGIN-7: cid 2 and sid 1 automatically; provinces -1 and -232; pid unselected.
    EXPECT_EQ(j.at("cid"), 2);
    EXPECT_EQ(j.at("sid"), 1);
    EXPECT_THAT(ids(j.at("countries")), ElementsAre(2));
    EXPECT_THAT(ids(j.at("states")), ElementsAre(1));
    EXPECT_THAT(ids(j.at("provinces")), ElementsAre(-1, -232));
    EXPECT_EQ(j.at("pid"), -999999);
    EXPECT_EQ(j.at("cn"), -999999);
    EXPECT_EQ(j.at("sft"), -999999);
    EXPECT_EQ(j.at("scid"), -999999);
    EXPECT_TRUE(j.at("cities").as_array().empty());
    EXPECT_TRUE(j.at("funcs").as_array().empty());
    EXPECT_TRUE(j.at("schools").as_array().empty());
    EXPECT_TRUE(j.at("hlevels").as_array().empty());
    EXPECT_TRUE(j.at("ems").as_array().empty());
    EXPECT_EQ(j.at("countries").at(0), boost::json::parse(R"({"id":2,"name":"Россия"})"));
}

TEST_F(AsursoPages, PrepareloginformWithASelectionListsTheSchools) {
    const auto j = body_json(client.get("/webapi/prepareloginform?pid=-1&cn=1&sft=2"));
    // J1-04: 107 and 2436.
    EXPECT_THAT(ids(j.at("schools")), ElementsAre(107, 2436));
    EXPECT_EQ(j.at("pid"), -1);
    EXPECT_EQ(j.at("cn"), 1);
    EXPECT_EQ(j.at("sft"), 2);
    EXPECT_EQ(j.at("scid"), -999999);
    EXPECT_THAT(ids(j.at("cities")), ElementsAre(1));
    EXPECT_THAT(ids(j.at("funcs")), ElementsAre(2, 3)); // types with a school in Самара
    EXPECT_EQ(j.at("schools").at(1),
              boost::json::parse(R"({"id":2436,"name":"МБОУ Школа № 26 г.о. Самара"})"));
}

TEST_F(AsursoPages, PrepareloginformSelectsSingleItemsAndIgnoresUnlistedValues) {
    // Тольятти has one city and one school type: they are selected automatically.
    const auto toliatti = body_json(client.get("/webapi/prepareloginform?pid=-232"));
    EXPECT_EQ(toliatti.at("cn"), 232);
    EXPECT_EQ(toliatti.at("sft"), 2);
    EXPECT_EQ(toliatti.at("scid"), 3105);
    // A value that is not in its level's list is not selected.
    const auto unlisted = body_json(client.get("/webapi/prepareloginform?pid=-1&cn=232"));
    EXPECT_EQ(unlisted.at("cn"), 1); // the single city of -1 instead
    const auto garbage = body_json(client.get("/webapi/prepareloginform?cid=abc&pid=7"));
    EXPECT_EQ(garbage.at("cid"), 2);
    EXPECT_EQ(garbage.at("pid"), -999999);
    const auto full = body_json(client.get("/webapi/prepareloginform?pid=-1&cn=1&sft=2&scid=2436"));
    EXPECT_EQ(full.at("scid"), 2436);
}

TEST_F(AsursoPages, PrepareloginformRefusesARepeatedParameter) {
    const Response r = client.get("/webapi/prepareloginform?pid=-1&pid=-232");
    EXPECT_EQ(r.status, 400); // GEN-9
    EXPECT_EQ(r.body, R"({"message":"Некорректный запрос"})");
}

TEST_F(AsursoPages, LoginformListsTheNextSelect) {
    const auto schools = body_json(
        client.get("/webapi/loginform?cid=2&sid=1&pid=-1&cn=1&sft=2&LASTNAME=sft&cacheVer=639"));
    EXPECT_EQ(schools.at("lastElem"), "sft"); // J1-05
    EXPECT_THAT(ids(schools.at("items")), ElementsAre(107, 2436));
    const auto none =
        body_json(client.get("/webapi/loginform?cid=2&sid=1&pid=-1&cn=1&sft=2&scid=2436&"
                             "LASTNAME=scid"));
    EXPECT_EQ(none.at("lastElem"), "scid");
    EXPECT_TRUE(none.at("items").as_array().empty());
    const auto states = body_json(client.get("/webapi/loginform?cid=2&LASTNAME=cid"));
    EXPECT_THAT(ids(states.at("items")), ElementsAre(1));
    const auto provinces = body_json(client.get("/webapi/loginform?cid=2&sid=1&LASTNAME=sid"));
    EXPECT_THAT(ids(provinces.at("items")), ElementsAre(-1, -232));
    const auto cities = body_json(client.get("/webapi/loginform?pid=-232&LASTNAME=pid"));
    EXPECT_THAT(ids(cities.at("items")), ElementsAre(232));
    const auto funcs = body_json(client.get("/webapi/loginform?cn=1&LASTNAME=cn"));
    EXPECT_THAT(ids(funcs.at("items")), ElementsAre(2, 3));
    const auto extra = body_json(client.get("/webapi/loginform?cn=1&sft=3&LASTNAME=sft"));
    EXPECT_THAT(ids(extra.at("items")), ElementsAre(5010));
    const auto unselected = body_json(client.get("/webapi/loginform?cn=-999999&LASTNAME=cn"));
    EXPECT_TRUE(unselected.at("items").as_array().empty());
}

TEST_F(AsursoPages, LoginformRefusesAnUnknownLastname) {
    EXPECT_EQ(client.get("/webapi/loginform?LASTNAME=x").status, 400); // NS-LOGIN-9
    EXPECT_EQ(client.get("/webapi/loginform?cid=2").status, 400);
    EXPECT_EQ(client.get("/webapi/loginform?LASTNAME=cid&LASTNAME=sid").status, 400); // GEN-9
}

TEST_F(AsursoPages, SchoolSearchFindsByNumberWithTheElementShape) {
    const Response r = client.get("/webapi/schools/search?name=26");
    ASSERT_EQ(r.status, 200);
    const auto list = body_json(r).as_array();
    ASSERT_EQ(list.size(), 1u); // J1-06
    EXPECT_EQ(list[0], boost::json::parse(R"({"id":2436,"shortName":"МБОУ Школа № 26 г.о. Самара",
        "name":"Муниципальное бюджетное общеобразовательное учреждение «Школа № 26» городского округа Самара",
        "inn":"6300000026","ogrn":"1026300000026","cityId":1,"provinceId":-1,
        "addressString":"443000, Самарская обл, г. Самара, ул. Учебная, д. 26"})"));
}

TEST_F(AsursoPages, SchoolSearchIgnoresCaseFiltersByTypeAndOrdersById) {
    auto names = [this](const std::string& query) {
        std::vector<long long> out;
        const auto list = body_json(client.get("/webapi/schools/search?" + query));
        for (const auto& s : list.as_array()) {
            out.push_back(s.at("id").to_number<long long>());
        }
        return out;
    };
    const std::string shkola = support::percent_encode("ШКОЛА");
    EXPECT_THAT(names("name=" + shkola), ElementsAre(107, 2436, 3105));
    EXPECT_THAT(names("name=" + support::percent_encode("самара")), ElementsAre(107, 2436, 5010));
    EXPECT_THAT(names("name=" + support::percent_encode("детского") + "&funcType=3"),
                ElementsAre(5010));
    EXPECT_THAT(names("name=" + support::percent_encode("самара") + "&funcType=2&withAddress=true"),
                ElementsAre(107, 2436));
    EXPECT_TRUE(names("name=nothing-like-this").empty());
}

TEST_F(AsursoPages, SchoolSearchWithoutANameIsForbidden) {
    for (const char* target : {"/webapi/schools/search", "/webapi/schools/search?name="}) {
        const Response r = client.get(target);
        EXPECT_EQ(r.status, 403) << target; // NS-LOGIN-11
        EXPECT_EQ(r.body, R"({"message":"Недостаточно прав"})");
    }
}

// ---- §8 app pages ------------------------------------------------------------------------

class AsursoAppPages : public AsursoPages {
protected:
    std::string login(std::string_view who = "ИвановИ", std::string_view password = "Qwe123!z",
                      int scid = 2436,
                      std::vector<std::pair<std::string, std::string>> extra = {}) {
        const Response r = client.login(who, password, scid, std::move(extra));
        EXPECT_EQ(r.status, 200) << r.body;
        return Client::at_of(r);
    }

    Response post_page(Client& c, const std::string& target, const std::string& fields) {
        return c.send("POST", target, fields, "application/x-www-form-urlencoded");
    }
};

TEST_F(AsursoAppPages, MainPageByCookieShowsUserAndSchool) {
    const auto at = login();
    const Response r = client.get("/app/school/main/");
    ASSERT_EQ(r.status, 200) << r.body; // NS-SESSION-12: the cookie alone
    const Page p = page(r);
    EXPECT_EQ(p.text("main-title"), "АСУ РСО");  // NS-SESSION-13
    EXPECT_EQ(p.text("user-name"), "Иванов И."); // J1-14
    EXPECT_EQ(p.text("org-name"), "МБОУ Школа № 26 г.о. Самара");
    const auto form = p.by_id("logout-form");
    ASSERT_TRUE(form);
    EXPECT_STREQ(form.name(), "form");
    EXPECT_EQ(Page::text_of(form.select_node(".//button").node()), "Выход");
    EXPECT_NE(r.body.find("/webapi/auth/logout"), std::string::npos);
}

TEST_F(AsursoAppPages, MainPageWithoutSessionRedirectsToLogin) {
    const Response r = client.get("/app/school/main/");
    EXPECT_EQ(r.status, 302); // NS-SESSION-12
    EXPECT_EQ(r.header("Location"), "http://asurso.ru:8080/app/login");
    login();
    Client stranger(*app);
    stranger.cookies["ESRNSec"] = "ESRNSECR592640=00000000000000000000000000000000";
    EXPECT_EQ(stranger.get("/app/school/main/").status, 302);
}

TEST_F(AsursoAppPages, MainPageAcceptsThePostOfTheEntryPointWithItsOwnAt) {
    const auto at = login();
    // NS-LOGIN-24: the browser form-POSTs `at` and requestData to the entry point.
    EXPECT_EQ(post_page(client, "/app/school/main/", "at=" + at).status, 200);
    // NS-SESSION-12: an `at` of another session is refused.
    Client other(*app);
    const auto other_at = Client::at_of(other.login("ИвановаЕ", "Par3nt$Key", 2436));
    EXPECT_EQ(post_page(client, "/app/school/main/", "at=" + other_at).status, 302);
    EXPECT_EQ(post_page(client, "/app/school/main/", "at=").status, 302);
    EXPECT_EQ(post_page(client, "/app/school/main/", "requestData=x").status, 200);
}

TEST_F(AsursoAppPages, MainPageDiesWithTheSession) {
    const auto at = login();
    ASSERT_EQ(client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}}).status, 200);
    EXPECT_TRUE(client.cookies.find("ESRNSec") == client.cookies.end());
    Client keeper(*app);
    const auto at2 = Client::at_of(keeper.login("ИвановИ", "Qwe123!z", 2436));
    const auto cookie = keeper.cookies.at("ESRNSec");
    ASSERT_EQ(keeper.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at2}}).status, 200);
    keeper.cookies["ESRNSec"] = cookie;                     // an old cookie kept by a client
    EXPECT_EQ(keeper.get("/app/school/main/").status, 302); // NS-SESSION-10
}

TEST_F(AsursoAppPages, MainPageRenewsTheSession) {
    login();
    auto& clock = app->state().clock;
    clock.advance(std::chrono::seconds(3000));
    EXPECT_EQ(client.get("/app/school/main/").status, 200);
    clock.advance(std::chrono::seconds(3000)); // 6000 s after login, 3000 s after the page
    EXPECT_EQ(client.get("/app/school/main/").status, 200); // NS-SESSION-4
    clock.advance(std::chrono::seconds(3601));
    EXPECT_EQ(client.get("/app/school/main/").status, 302);
}

TEST_F(AsursoAppPages, ChangePasswordPageOfTheFirstLogin) {
    const Response login_r = client.login("КузнецовА", "Start#2025", 107);
    ASSERT_EQ(body_json(login_r).at("entryPoint"), "/app/change-password?first=1");
    const auto at = Client::at_of(login_r);
    const Response r = post_page(client, "/app/change-password?first=1", "at=" + at);
    ASSERT_EQ(r.status, 200);
    const Page p = page(r);
    EXPECT_EQ(p.text("chpwd-title"), "Вы можете сменить пароль"); // J7-02
    EXPECT_EQ(p.text("chpwd-rule-latin"),
              "Пароль может содержать только латинские буквы, цифры и символы");
    EXPECT_EQ(p.text("chpwd-rule-length"), "Пароль должен содержать не менее 8 символов");
    const std::pair<const char*, const char*> inputs[] = {
        {"old-password", "Текущий пароль"},
        {"new-password", "Новый пароль"},
        {"new-password-confirm", "Повторите новый пароль"},
    };
    for (const auto& [id, label] : inputs) {
        EXPECT_EQ(p.attr(id, "type"), "password") << id;
        EXPECT_EQ(Page::text_of(p.node(std::string("//label[@for='") + id + "']")), label);
    }
    EXPECT_EQ(p.text("chpwd-submit"), "Сменить пароль");
    EXPECT_TRUE(p.by_id("chpwd-error"));
    EXPECT_EQ(p.text("chpwd-skip"), "Пропустить");
    EXPECT_EQ(p.attr("chpwd-skip", "href"), "http://asurso.ru:8080/app/school/main/");
}

TEST_F(AsursoAppPages, ChangePasswordPageWithoutFirstHasThePlainTitleAndNoSkip) {
    login();
    const Response r = client.get("/app/change-password");
    ASSERT_EQ(r.status, 200);
    const Page p = page(r);
    EXPECT_EQ(p.text("chpwd-title"), "Смена пароля"); // NS-PWD-12
    EXPECT_FALSE(p.by_id("chpwd-skip"));
    EXPECT_TRUE(p.by_id("new-password-confirm"));
    Client anonymous(*app);
    EXPECT_EQ(anonymous.get("/app/change-password?first=1").status, 302);
}

TEST_F(AsursoAppPages, ChangePasswordRuleFollowsMinLength) {
    asurso::AsursoConfig config;
    config.password.min_length = 12;
    auto other = make_asurso(config);
    Client c(*other);
    ASSERT_EQ(c.login("ИвановИ", "Qwe123!z", 2436).status, 200);
    const Page p(c.get("/app/change-password").body);
    EXPECT_EQ(p.text("chpwd-rule-length"), "Пароль должен содержать не менее 12 символов");
}

TEST_F(AsursoAppPages, ChooseSessionRoleListsTheRoles) {
    const Response r = client.login("СидоровА", "Mult1+Role", 2436);
    ASSERT_EQ(body_json(r).at("entryPoint"), "/app/choose-session-role/"); // NS-LOGIN-26
    const Response role_page =
        post_page(client, "/app/choose-session-role/", "at=" + Client::at_of(r));
    ASSERT_EQ(role_page.status, 200);
    const Page p = page(role_page);
    EXPECT_EQ(p.text("role-title"), "Выберите роль"); // NS-LOGIN-28
    std::vector<std::string> roles;
    for (const auto& li : p.by_id("roles").children("li")) {
        roles.push_back(Page::text_of(li));
    }
    EXPECT_THAT(roles, ElementsAre("Учитель", "Родитель"));
    Client anonymous(*app);
    EXPECT_EQ(anonymous.get("/app/choose-session-role/").status, 302);
}

TEST_F(AsursoAppPages, SecurityWarningIsServedOnlyWhenSwitchedOn) {
    const auto at = login();
    EXPECT_EQ(post_page(client, "/asp/SecurityWarning.asp", "at=" + at + "&WarnType=2").status,
              404);
    auto other = make_security_warning_asurso();
    Client c(*other);
    const Response r = c.login("ИвановИ", "Qwe123!z", 2436);
    ASSERT_EQ(body_json(r).at("entryPoint"), "/asp/SecurityWarning.asp"); // NS-LOGIN-23 (c)
    const Response warned =
        c.send("POST", "/asp/SecurityWarning.asp", "at=" + Client::at_of(r) + "&WarnType=2",
               "application/x-www-form-urlencoded");
    EXPECT_EQ(warned.status, 302); // NS-SESSION-14
    EXPECT_EQ(warned.header("Location"), "http://asurso.ru:8080/app/school/main/");
    Client anonymous(*other);
    EXPECT_EQ(anonymous
                  .send("POST", "/asp/SecurityWarning.asp", "WarnType=2",
                        "application/x-www-form-urlencoded")
                  .header("Location"),
              "http://asurso.ru:8080/app/login");
}

TEST_F(AsursoAppPages, EveryPageIsWellFormedXhtml) {
    login();
    for (const char* target :
         {"/", "/app/login", "/app/login?esiaError=x&category=em", "/app/school/main/",
          "/app/change-password?first=1", "/app/choose-session-role/"}) {
        const Response r = client.get(target);
        ASSERT_EQ(r.status, 200) << target;
        const Page p(r.body);
        EXPECT_TRUE(p.well_formed()) << target << ": " << p.error(); // GEN-2
        EXPECT_EQ(r.header("Content-Type"), html_type) << target;
    }
}

} // namespace
} // namespace logintest::mocks::testing
