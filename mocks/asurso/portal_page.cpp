// §5: the «АСУ РСО» portal `GET /` (NS-PORTAL-1, -2, -4, -6) and the historical login
// address `GET /about.html` (NS-PORTAL-5).
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/html.hpp"
#include "mocks/common/responses.hpp"

#include <array>

namespace logintest::mocks::asurso {
namespace {

struct Category {
    std::string_view code; // NS-PORTAL-2: the `category` value
    std::string_view text_key;
    std::string_view text;
};

// NS-PORTAL-2: exactly three categories, in this order.
constexpr std::array<Category, 3> categories = {{
    {"pupil", "T-CAT-PUPIL", texts::cat_pupil},
    {"teacher", "T-CAT-TEACHER", texts::cat_teacher},
    {"em", "T-CAT-EM", texts::cat_em},
}};

} // namespace

Response get_portal(AsursoState& state, const Request&) {
    const auto& c = state.config;
    // NS-PORTAL-1: title and h1 T-PORTAL-TITLE, p#portal-subtitle.
    const auto title = text_of(c, "T-PORTAL-TITLE", texts::portal_title);
    common::HtmlWriter page(title);
    page.element("h1", {{"id", "portal-title"}}, title);
    page.element("p", {{"id", "portal-subtitle"}},
                 text_of(c, "T-PORTAL-SUBTITLE", texts::portal_subtitle));
    // NS-PORTAL-2: a.category#category-<code> to <asurso>/app/login?category=<code>.
    page.open("ul", {{"id", "categories"}});
    for (const auto& cat : categories) {
        const std::string id = "category-" + std::string(cat.code);
        const std::string href = c.public_base_url + "/app/login?category=" + std::string(cat.code);
        page.open("li");
        page.element("a", {{"id", id}, {"class", "category"}, {"href", href}},
                     text_of(c, cat.text_key, cat.text));
        page.close();
    }
    page.close();
    // NS-PORTAL-4 (SHOULD): the under-14 hint.
    page.element("p", {{"id", "portal-under14"}},
                 text_of(c, "T-HINT-UNDER-14", texts::hint_under_14));
    // NS-PORTAL-6: no cookies.
    return common::html(200, page.finish());
}

Response get_about(AsursoState& state, const Request&) {
    // NS-PORTAL-5 (MAY): 302 to the login page.
    return common::redirect(state.config.public_base_url + "/app/login");
}

} // namespace logintest::mocks::asurso
