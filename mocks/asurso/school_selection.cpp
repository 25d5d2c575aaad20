// §6.2-§6.3: what the login form asks before the salt: the pre-login notice
// (NS-LOGIN-6), the six school selects (`prepareloginform` NS-LOGIN-7, `loginform`
// NS-LOGIN-9) and the school lookup of scripts (`schools/search` NS-LOGIN-10, -11).
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/school_directory.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"
#include "support/text/utf8_case.hpp"

#include <boost/json/value.hpp>

#include <algorithm>
#include <array>

namespace logintest::mocks::asurso {
namespace {

// NS-LOGIN-7: the JSON names of the six lists, in §6.3 order.
constexpr std::array<std::string_view, select_level_count> list_names = {
    "countries", "states", "provinces", "cities", "funcs", "schools"};

boost::json::array items_json(const std::vector<SelectItem>& items) {
    boost::json::array out;
    for (const auto& item : items) {
        boost::json::object o;
        o["id"] = item.id;
        o["name"] = item.name;
        out.push_back(std::move(o));
    }
    return out;
}

// A select value from the query: absent or empty = not given; text that is not an integer
// is given but names nothing (it matches no option).
std::optional<long long> select_value(const common::Params& query, std::string_view name) {
    const auto text = query.get(name);
    if (!text || text->empty()) {
        return std::nullopt;
    }
    return support::parse_int(*text).value_or(unselected);
}

} // namespace

Response get_preloginnotice(AsursoState&, const Request& req) {
    if (!query_params(req, {})) {
        return bad_request(); // GEN-9
    }
    // NS-LOGIN-6: no notice.
    return common::json_text(200, R"({"showPopUp":false,"popUpDisplayText":null,)"
                                  R"("popUpButtonText":null})");
}

Response get_prepareloginform(AsursoState& state, const Request& req) {
    const auto query = query_params(req, {"cacheVer", "cid", "sid", "pid", "cn", "sft", "scid"});
    if (!query) {
        return bad_request(); // GEN-9
    }
    // NS-LOGIN-7: the requested selection (cacheVer is accepted and ignored).
    SelectValues requested;
    for (std::size_t i = 0; i < select_level_count; ++i) {
        requested[i] = select_value(*query, select_level_name(static_cast<SelectLevel>(i)));
    }
    // NS-LOGIN-7: level by level, requested / single item / unselected; lists below an
    // unselected level empty.
    const auto form = prepare_login_form(state.fixture, requested);
    boost::json::object body;
    for (std::size_t i = 0; i < select_level_count; ++i) {
        body[list_names[i]] = items_json(form.lists[i]);
    }
    for (std::size_t i = 0; i < select_level_count; ++i) {
        body[select_level_name(static_cast<SelectLevel>(i))] = form.selected[i];
    }
    body["hlevels"] = boost::json::array{};
    body["ems"] = boost::json::array{};
    return common::json(200, body);
}

Response get_loginform(AsursoState& state, const Request& req) {
    const auto query =
        query_params(req, {"cid", "sid", "pid", "cn", "sft", "scid", "LASTNAME", "cacheVer"});
    if (!query) {
        return bad_request(); // GEN-9
    }
    // NS-LOGIN-9: an unknown (or missing) LASTNAME gives 400.
    const auto last_name = query->value_or_empty("LASTNAME");
    const auto last = select_level_by_name(last_name);
    if (!last) {
        return bad_request();
    }
    // NS-LOGIN-9: the options of the select after LASTNAME, filtered by the given values of
    // LASTNAME and the selects above it; none after scid.
    std::vector<SelectItem> items;
    const auto last_index = static_cast<std::size_t>(*last);
    if (last_index + 1 < select_level_count) {
        SelectValues parents;
        for (std::size_t i = 0; i <= last_index; ++i) {
            parents[i] = select_value(*query, select_level_name(static_cast<SelectLevel>(i)));
        }
        items = select_options(state.fixture, static_cast<SelectLevel>(last_index + 1), parents);
    }
    boost::json::object body;
    body["lastElem"] = last_name;
    body["items"] = items_json(items);
    return common::json(200, body);
}

Response get_schools_search(AsursoState& state, const Request& req) {
    const auto query = query_params(req, {"name", "funcType", "withAddress"});
    if (!query) {
        return bad_request(); // GEN-9
    }
    // NS-LOGIN-11: no unfiltered listing.
    const auto name = query->value_or_empty("name");
    if (name.empty()) {
        return common::message(403, texts::forbidden);
    }
    // NS-LOGIN-10: shortName or full name contains `name` ignoring case, of type funcType
    // when given, ordered by id.
    const auto needle = support::utf8_to_lower(name, support::Cyrillic::russian);
    const auto func_type = select_value(*query, "funcType");
    std::vector<const common::FixtureSchool*> found;
    for (const auto& s : state.fixture.schools) {
        const bool name_hit =
            support::utf8_to_lower(s.short_name, support::Cyrillic::russian).find(needle) !=
                std::string::npos ||
            support::utf8_to_lower(s.name, support::Cyrillic::russian).find(needle) !=
                std::string::npos;
        if (name_hit && (!func_type || *func_type == s.sft)) {
            found.push_back(&s);
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    boost::json::array body;
    for (const auto* s : found) {
        const auto place = place_of_city(state.fixture, s->city);
        boost::json::object o;
        o["id"] = s->id;
        o["shortName"] = s->short_name;
        o["name"] = s->name;
        o["inn"] = s->inn;
        o["ogrn"] = s->ogrn;
        o["cityId"] = s->city;
        o["provinceId"] = place.pid;
        o["addressString"] = s->address;
        body.push_back(std::move(o));
    }
    return common::json(200, body);
}

} // namespace logintest::mocks::asurso
