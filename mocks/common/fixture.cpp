// Fixture parsing and checks (fixture.hpp), over Boost.JSON. Every error names the JSON path
// of the offending value so a bad fixture file is a clear start error, not a crash.
#include "mocks/common/fixture.hpp"

#include "support/text/strings.hpp"
#include "support/text/utf8_case.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fmt/format.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <utility>

namespace logintest::mocks::common {
namespace {

namespace json = boost::json;

// Thrown inside this file only, caught by parse_fixture().
struct FixtureError {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, std::string_view what) {
    throw FixtureError{fmt::format("fixture: {}: {}", path, what)};
}

const json::object& as_object(const json::value& v, const std::string& path) {
    if (!v.is_object()) {
        fail(path, "expected an object");
    }
    return v.get_object();
}

const json::array& as_array(const json::value& v, const std::string& path) {
    if (!v.is_array()) {
        fail(path, "expected an array");
    }
    return v.get_array();
}

const json::value& member(const json::object& o, std::string_view key, const std::string& path) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) {
        fail(path, fmt::format("missing key \"{}\"", key));
    }
    return *v;
}

std::int64_t get_int(const json::object& o, std::string_view key, const std::string& path) {
    const auto& v = member(o, key, path);
    if (v.is_int64()) {
        return v.get_int64();
    }
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(v.get_uint64());
    }
    fail(path + "." + std::string(key), "expected an integer");
}

int get_int32(const json::object& o, std::string_view key, const std::string& path) {
    const auto n = get_int(o, key, path);
    if (n < INT32_MIN || n > INT32_MAX) {
        fail(path + "." + std::string(key), "integer out of range");
    }
    return static_cast<int>(n);
}

std::string get_string(const json::object& o, std::string_view key, const std::string& path) {
    const auto& v = member(o, key, path);
    if (!v.is_string()) {
        fail(path + "." + std::string(key), "expected a string");
    }
    return std::string(v.get_string());
}

std::optional<std::string> get_optional_string(const json::object& o, std::string_view key,
                                               const std::string& path) {
    const auto& v = member(o, key, path);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_string()) {
        fail(path + "." + std::string(key), "expected a string or null");
    }
    return std::string(v.get_string());
}

bool get_bool(const json::object& o, std::string_view key, const std::string& path) {
    const auto& v = member(o, key, path);
    if (!v.is_bool()) {
        fail(path + "." + std::string(key), "expected true or false");
    }
    return v.get_bool();
}

std::vector<std::string> get_strings(const json::object& o, std::string_view key,
                                     const std::string& path) {
    const std::string here = path + "." + std::string(key);
    std::vector<std::string> out;
    for (const auto& item : as_array(member(o, key, path), here)) {
        if (!item.is_string()) {
            fail(here, "expected an array of strings");
        }
        out.emplace_back(item.get_string());
    }
    return out;
}

template <class T>
std::vector<T> get_ints(const json::object& o, std::string_view key, const std::string& path) {
    const std::string here = path + "." + std::string(key);
    std::vector<T> out;
    for (const auto& item : as_array(member(o, key, path), here)) {
        if (!item.is_int64()) {
            fail(here, "expected an array of integers");
        }
        out.push_back(static_cast<T>(item.get_int64()));
    }
    return out;
}

// MOCK-CP-10: as strict as the §23 file: a key the shape does not have is an error.
void check_keys(const json::object& o, std::initializer_list<std::string_view> known,
                const std::string& path) {
    for (const auto& [key, value] : o) {
        if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
            fail(path + "." + std::string(key), "unknown key");
        }
    }
}

// An identifier (userId, oid) is a positive integer.
std::int64_t get_id(const json::object& o, std::string_view key, const std::string& path) {
    const auto n = get_int(o, key, path);
    if (n < 1) {
        fail(path + "." + std::string(key), "expected a positive integer");
    }
    return n;
}

// One of `words`, or null when `nullable`.
std::optional<std::string> get_word(const json::object& o, std::string_view key,
                                    const std::string& path,
                                    std::initializer_list<std::string_view> words,
                                    bool nullable = false) {
    auto value = nullable ? get_optional_string(o, key, path)
                          : std::optional<std::string>(get_string(o, key, path));
    if (value && std::find(words.begin(), words.end(), *value) == words.end()) {
        std::string list;
        for (const auto w : words) {
            list += (list.empty() ? "\"" : ", \"") + std::string(w) + "\"";
        }
        fail(path + "." + std::string(key),
             fmt::format("expected one of {}{}", list, nullable ? " or null" : ""));
    }
    return value;
}

template <class T> void check_unique(const std::vector<T>& items, const std::string& path) {
    std::set<T> seen;
    for (const auto& item : items) {
        if (!seen.insert(item).second) {
            fail(path, "duplicate entry");
        }
    }
}

// MOCK-CP-10: a redirect URI or logout prefix is an absolute http or https URI.
void check_http_uris(const std::vector<std::string>& uris, const std::string& path) {
    for (const auto& uri : uris) {
        const auto parsed =
            boost::urls::parse_absolute_uri(substitute_base_urls(uri, "http://asurso.invalid"));
        if (!parsed || !parsed->has_authority() ||
            (parsed->scheme_id() != boost::urls::scheme::http &&
             parsed->scheme_id() != boost::urls::scheme::https)) {
            fail(path, "expected absolute http:// or https:// URIs");
        }
    }
    check_unique(uris, path);
}

void check_date(const std::string& text, const std::string& path) {
    // Any fixed day will do to check the form; the host resolves it on its own clock.
    if (!resolve_fixture_date(text, Date{2000, 1, 1})) {
        fail(path, "expected \"YYYY-MM-DD\" or \"today-<Y>y[-<D>d]\"");
    }
}

std::vector<FixtureRegionItem> parse_region_list(const json::object& regions, std::string_view key,
                                                 std::string_view parent_key) {
    const std::string path = "regions." + std::string(key);
    std::vector<FixtureRegionItem> out;
    const auto& list = as_array(member(regions, key, "regions"), path);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string here = fmt::format("{}[{}]", path, i);
        const auto& o = as_object(list[i], here);
        FixtureRegionItem item;
        item.id = get_int32(o, "id", here);
        item.name = get_string(o, "name", here);
        if (!parent_key.empty()) {
            item.parent = get_int32(o, parent_key, here);
        }
        out.push_back(std::move(item));
    }
    return out;
}

FixtureSchool parse_school(const json::object& o, const std::string& path) {
    FixtureSchool s;
    s.id = get_int32(o, "id", path);
    s.short_name = get_string(o, "shortName", path);
    s.name = get_string(o, "name", path);
    s.sft = get_int32(o, "sft", path);
    s.city = get_int32(o, "city", path);
    s.inn = get_string(o, "inn", path);
    s.ogrn = get_string(o, "ogrn", path);
    s.address = get_string(o, "address", path);
    return s;
}

FixtureUser parse_user(const json::object& o, const std::string& path) {
    check_keys(o,
               {"userId", "login", "scid", "lastName", "firstName", "roles", "children",
                "birthDate", "password", "firstLogin", "locked", "failedCount"},
               path);
    FixtureUser u;
    u.user_id = get_id(o, "userId", path);
    u.login = get_string(o, "login", path);
    u.scid = get_int32(o, "scid", path);
    u.last_name = get_string(o, "lastName", path);
    u.first_name = get_string(o, "firstName", path);
    u.roles = get_ints<int>(o, "roles", path);
    u.children = get_ints<std::int64_t>(o, "children", path);
    u.birth_date = get_string(o, "birthDate", path);
    check_date(u.birth_date, path + ".birthDate");
    u.password = get_string(o, "password", path);
    u.first_login = get_bool(o, "firstLogin", path);
    u.locked = get_bool(o, "locked", path);
    u.failed_count = get_int32(o, "failedCount", path);
    if (support::trim_ows(u.login).empty()) {
        fail(path + ".login", "empty login");
    }
    if (u.roles.empty()) {
        fail(path + ".roles", "a user needs at least one role");
    }
    if (u.failed_count < 0) {
        fail(path + ".failedCount", "negative count");
    }
    check_unique(u.roles, path + ".roles");
    check_unique(u.children, path + ".children");
    return u;
}

FixtureEsiaAccount parse_esia_account(const json::object& o, const std::string& path) {
    check_keys(o,
               {"oid", "lastName", "firstName", "middleName", "birthDate", "gender", "phone",
                "email", "snils", "password", "trusted", "lvl", "mfa", "otpCode", "consentGranted"},
               path);
    FixtureEsiaAccount a;
    a.oid = get_id(o, "oid", path);
    a.last_name = get_string(o, "lastName", path);
    a.first_name = get_string(o, "firstName", path);
    a.middle_name = get_string(o, "middleName", path);
    a.birth_date = get_string(o, "birthDate", path);
    check_date(a.birth_date, path + ".birthDate");
    a.gender = *get_word(o, "gender", path, {"M", "F"});
    a.phone = get_optional_string(o, "phone", path);
    a.email = get_optional_string(o, "email", path);
    a.snils = get_optional_string(o, "snils", path);
    a.password = get_string(o, "password", path);
    a.trusted = get_bool(o, "trusted", path);
    a.lvl = *get_word(o, "lvl", path, {"PR", "P", "KD"});
    a.mfa = get_word(o, "mfa", path, {"sms"}, true);
    a.otp_code = get_optional_string(o, "otpCode", path);
    if (a.otp_code && (a.otp_code->size() < 4 || a.otp_code->size() > 12 ||
                       !std::all_of(a.otp_code->begin(), a.otp_code->end(),
                                    [](char c) { return c >= '0' && c <= '9'; }))) {
        fail(path + ".otpCode", "expected 4 to 12 digits or null (esia.otp.length)");
    }
    a.consent_granted = get_bool(o, "consentGranted", path);
    return a;
}

FixtureClient parse_client(const json::object& o, const std::string& path) {
    check_keys(o,
               {"client_id", "name", "redirect_uris", "logout_redirect_prefixes", "scopes",
                "require_trusted"},
               path);
    FixtureClient c;
    c.client_id = get_string(o, "client_id", path);
    c.name = get_string(o, "name", path);
    c.redirect_uris = get_strings(o, "redirect_uris", path);
    c.logout_redirect_prefixes = get_strings(o, "logout_redirect_prefixes", path);
    c.scopes = get_strings(o, "scopes", path);
    c.require_trusted = get_bool(o, "require_trusted", path);
    check_http_uris(c.redirect_uris, path + ".redirect_uris");
    check_http_uris(c.logout_redirect_prefixes, path + ".logout_redirect_prefixes");
    check_unique(c.scopes, path + ".scopes");
    return c;
}

template <class T, class F>
std::vector<T> parse_list(const json::object& root, std::string_view key, F&& parse_item) {
    const std::string path(key);
    std::vector<T> out;
    const auto& list = as_array(member(root, key, "(top level)"), path);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string here = fmt::format("{}[{}]", path, i);
        out.push_back(parse_item(as_object(list[i], here), here));
    }
    return out;
}

// Cross-references and uniqueness.
void check_consistency(const Fixture& f) {
    std::set<std::pair<int, std::string>> logins;
    std::set<std::int64_t> user_ids;
    for (std::size_t i = 0; i < f.users.size(); ++i) {
        const auto& u = f.users[i];
        const std::string path = fmt::format("users[{}]", i);
        if (f.school(u.scid) == nullptr) {
            fail(path + ".scid", fmt::format("unknown school {}", u.scid));
        }
        for (const int role : u.roles) {
            if (f.role(role) == nullptr) {
                fail(path + ".roles", fmt::format("unknown role {}", role));
            }
        }
        if (!user_ids.insert(u.user_id).second) {
            fail(path + ".userId", fmt::format("duplicate userId {}", u.user_id));
        }
        if (!logins
                 .emplace(u.scid, support::utf8_to_lower(support::trim_ows(u.login),
                                                         support::Cyrillic::russian))
                 .second) {
            fail(path + ".login", "duplicate (scid, login)");
        }
    }
    for (std::size_t i = 0; i < f.users.size(); ++i) {
        for (const auto child : f.users[i].children) {
            if (f.user(child) == nullptr) {
                fail(fmt::format("users[{}].children", i), fmt::format("unknown user {}", child));
            }
        }
    }
    std::set<std::int64_t> oids;
    std::set<std::string> identifiers; // as written; the esia host compares canonical forms
    for (std::size_t i = 0; i < f.esia_accounts.size(); ++i) {
        const auto& a = f.esia_accounts[i];
        if (!oids.insert(a.oid).second) {
            fail(fmt::format("esia_accounts[{}].oid", i), "duplicate oid");
        }
        for (const auto& [key, id] : {std::pair{"phone", a.phone}, std::pair{"email", a.email},
                                      std::pair{"snils", a.snils}}) {
            if (id && !identifiers.insert(*id).second) {
                fail(fmt::format("esia_accounts[{}].{}", i, key), "duplicate identifier");
            }
        }
    }
    std::set<std::int64_t> bound_users;
    for (std::size_t i = 0; i < f.bindings.size(); ++i) {
        const auto& b = f.bindings[i];
        const std::string path = fmt::format("bindings[{}]", i);
        if (f.user(b.user_id) == nullptr) {
            fail(path + ".userId", fmt::format("unknown user {}", b.user_id));
        }
        if (oids.count(b.oid) == 0) {
            fail(path + ".oid", fmt::format("unknown ESIA account {}", b.oid));
        }
        if (!bound_users.insert(b.user_id).second) {
            fail(path + ".userId", "a user is bound to at most one oid (NS-BIND-8)");
        }
    }
    for (const auto& s : f.schools) {
        bool city_known = false;
        for (const auto& c : f.regions.cities) {
            city_known = city_known || c.id == s.city;
        }
        if (!city_known) {
            fail(fmt::format("schools (id {}).city", s.id), fmt::format("unknown city {}", s.city));
        }
    }
}

} // namespace

const FixtureSchool* Fixture::school(int id) const {
    for (const auto& s : schools) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

const FixtureRole* Fixture::role(int id) const {
    for (const auto& r : roles) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

const FixtureUser* Fixture::user(std::int64_t user_id) const {
    for (const auto& u : users) {
        if (u.user_id == user_id) {
            return &u;
        }
    }
    return nullptr;
}

FixtureResult parse_fixture(std::string_view json_text) {
    FixtureResult result;
    boost::system::error_code ec;
    const json::value root = json::parse(json_text, ec);
    if (ec) {
        result.error = "fixture: not valid JSON: " + ec.message();
        return result;
    }
    try {
        const auto& o = as_object(root, "(top level)");
        Fixture f;
        if (o.contains("version")) {
            f.version = get_int32(o, "version", "(top level)");
            if (f.version != 1) {
                fail("version", fmt::format("unsupported version {}", f.version));
            }
        }
        const auto& regions = as_object(member(o, "regions", "(top level)"), "regions");
        f.regions.countries = parse_region_list(regions, "countries", "");
        f.regions.states = parse_region_list(regions, "states", "country");
        f.regions.provinces = parse_region_list(regions, "provinces", "state");
        f.regions.cities = parse_region_list(regions, "cities", "province");
        f.regions.funcs = parse_region_list(regions, "funcs", "");
        f.schools = parse_list<FixtureSchool>(o, "schools", parse_school);
        f.roles =
            parse_list<FixtureRole>(o, "roles", [](const json::object& r, const std::string& path) {
                return FixtureRole{get_int32(r, "id", path), get_string(r, "name", path)};
            });
        f.users = parse_list<FixtureUser>(o, "users", parse_user);
        f.esia_accounts = parse_list<FixtureEsiaAccount>(o, "esia_accounts", parse_esia_account);
        f.bindings = parse_list<FixtureBinding>(
            o, "bindings", [](const json::object& b, const std::string& path) {
                check_keys(b, {"userId", "oid"}, path);
                return FixtureBinding{get_id(b, "userId", path), get_id(b, "oid", path)};
            });
        f.clients = parse_list<FixtureClient>(o, "clients", parse_client);
        check_consistency(f);
        result.fixture = std::move(f);
    } catch (const FixtureError& e) {
        result.error = e.message;
    }
    return result;
}

namespace {

// One fixture object given on its own (the control plane's POST bodies): parsed with the same
// rules as inside the fixture; `name` prefixes every error.
template <typename T, typename Parse>
std::string parse_single(std::string_view json_text, const std::string& name, Parse parse,
                         std::optional<T>& out) {
    boost::system::error_code ec;
    const json::value root = json::parse(json_text, ec);
    if (ec) {
        return name + ": not valid JSON: " + ec.message();
    }
    try {
        out = parse(as_object(root, name), name);
    } catch (const FixtureError& e) {
        return e.message;
    }
    return {};
}

} // namespace

FixtureUserResult parse_fixture_user(std::string_view json_text) {
    FixtureUserResult result;
    result.error = parse_single(json_text, "user", parse_user, result.user);
    return result;
}

FixtureEsiaAccountResult parse_fixture_esia_account(std::string_view json_text) {
    FixtureEsiaAccountResult result;
    result.error = parse_single(json_text, "esia_account", parse_esia_account, result.account);
    return result;
}

std::string substitute_base_urls(std::string_view text, std::string_view asurso_base_url) {
    constexpr std::string_view token = "${asurso}";
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto hit = text.find(token, pos);
        out.append(text.substr(pos, hit - pos));
        if (hit == std::string_view::npos) {
            break;
        }
        out.append(asurso_base_url);
        pos = hit + token.size();
    }
    return out;
}

} // namespace logintest::mocks::common
