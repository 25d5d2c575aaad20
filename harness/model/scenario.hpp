// The scenario model: a Journey is a list of Steps; each Step is one HTTP request with the
// values it extracts into variables and the Checks it makes on the answer. Plain data built
// by harness/scenario (the XML loader) and read by harness/engine; immutable once loaded,
// so one Journey can be shared by any number of virtual users on any thread.
//
// Every string that may hold `${...}` is a Template: it is expanded per run against the
// journey's variables (harness/scenario/template.hpp). Regexes without `${` are compiled by
// the loader and held here (shared, immutable), so no run compiles them again.
#pragma once

#include "harness/model/source_location.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// A compiled scenario regex (harness/scenario/pattern.hpp). Only declared here: the model
// holds it by pointer and never calls it, so the model does not depend on the regex library.
namespace logintest::harness::scenario {
class Pattern;
} // namespace logintest::harness::scenario

namespace logintest::harness::model {

// A regex compiled by the loader; null when the text is a template (compiled at run time).
using CompiledPattern = std::shared_ptr<const scenario::Pattern>;

// Text with `${name}` and `${function(args)}` placeholders, expanded at run time.
struct Template {
    std::string text;
};

struct NamedTemplate {
    std::string name;
    Template value;
};

// How a step treats a 3xx answer: `none` (also written `hop`) stops at the first answer so
// its Location can be checked; `all` follows every redirect up to the client's limit and
// records every hop.
enum class Follow { none, all };

// A fixture account a journey uses, exposed to templates as `${as.login}`, `${as.password}`,
// `${as.scid}`, `${as.user_id}`. `login` (and `scid` when logins repeat) select the user.
// With `pool` instead, the account is any one of a load pool (MOCK-FIX-5), leased so that no
// two concurrent journeys share it; pool accounts also give `${as.esia_login}`,
// `${as.esia_password}` and `${as.oid}` (the ESIA account paired with the user).
// One fixture account named by login and school (a member of an account kind).
struct AccountRef {
    std::string login;
    int scid = 0;
};

// With `kind` (scenarios/data/account-kinds.json), the account is any free one of the kind,
// leased exclusively for the journey run; `kind_accounts` are its members, in file order.
struct AccountUse {
    std::string as;
    std::string login; // empty with a pool
    std::optional<int> scid;
    SourceLocation where;
    std::string pool; // "load" (bound pairs) or "bind" (unbound pairs); empty = by login
    std::string kind; // an account kind; empty = by login or pool
    std::vector<AccountRef> kind_accounts;
};

// The account pools of MOCK-FIX-5: `load` = load%05d bound to an ESIA account, `bind` =
// bind%05d with an unbound ESIA account.
inline constexpr const char* account_pools[] = {"load", "bind"};

// A value taken from the answer into a variable.
enum class ExtractSource {
    json,           // `expr` is a JSON pointer into the body
    header,         // `expr` is a header name (the first one)
    cookie,         // `expr` is a cookie name, taken from the jar after the step
    regex,          // `expr` is a regex over the body; the first group (or whole match)
    final_query,    // `expr` is a query parameter of the final URL
    location_query, // `expr` is a query parameter of the Location header
    xpath,          // `expr` is an XPath over the HTML5 parse of the body: an attribute's
                    // value, or an element's text (trimmed, whitespace collapsed)
    form            // `expr` is an XPath selecting a <form>; `var` (written `as`) is a prefix:
                    // `var.<name>` for every successful control, `var.action`, `var.method`
};

struct Extract {
    std::string var;
    ExtractSource source = ExtractSource::json;
    std::string expr;
    bool secret = false; // never printed (tokens, passwords, `at`)
    // `of="template"` (json, xpath and regex sources): the text read instead of the final
    // body, e.g. `${jwt_payload(id_token)}`.
    std::optional<Template> of;
    // The regex source compiled once, when the loader sets it; null: compiled on each use.
    CompiledPattern pattern;
    SourceLocation where;
};

// What a check looks at.
enum class CheckSubject {
    status,         // the final status code
    json,           // `path` is a JSON pointer into the body; empty = the whole body
    header,         // `path` is a header name
    cookie_set,     // `path` is a cookie name set by this step's answers
    cookie_absent,  // `path` is a cookie name that this step's answers must not set
    body,           // the whole body as text
    redirect_host,  // host of the Location of the first answer
    redirect_path,  // path of the Location of the first answer
    final_url,      // the URL of the last answer
    elapsed_ms,     // the step's time in milliseconds
    jar_cookie,     // `path` is a cookie name as the jar holds it after the step for the
                    // final URL (what the next request would send)
    final_path,     // path of the URL of the last answer
    xpath,          // `path` is an XPath over the HTML5 parse of the body; the subject is
                    // the text of the first node found (trimmed, whitespace collapsed)
    variable,       // `path` is a variable name; the subject is its value after the extracts
    location_query, // `path` is a query parameter of the first answer's Location (decoded)
    final_query,    // `path` is a query parameter of the final URL (decoded)
    chain_status,   // the statuses of every hop, space-separated: "302 302 200"
    chain_hosts,    // the host of every hop's request URL, space-separated
    chain_paths     // the path of every hop's request URL, space-separated
};

// How the subject is compared with `expected` (a Template).
enum class CheckOp {
    equals, // exact (JSON: equal JSON values when expected parses as JSON, else string)
    not_equals,
    matches,  // ECMAScript regex search
    contains, // substring
    exists,   // the subject is present
    absent,   // the subject is not present
    type_is,  // JSON type: string, number, boolean, null, object, array
    less_than // numbers (elapsed_ms, json numbers)
};

enum class Severity { failure, warning };

// The Set-Cookie attribute a `cookie` check compares instead of the cookie's value
// (`<expect cookie="NSSESSIONID" http-only="true"/>`); `none` compares the value.
enum class CookieAttribute { none, http_only, host_only, secure, path, domain, same_site, max_age };

struct Check {
    CheckSubject subject = CheckSubject::status;
    std::string path;
    CheckOp op = CheckOp::equals;
    Template expected;
    std::vector<std::string> clauses; // spec clause ids, at least one
    std::string check_id;             // §24 check id, e.g. "J1-08", may be empty
    Severity severity = Severity::failure;
    std::string description; // short human text, derived by the loader if absent
    // For cookie_set only: the Set-Cookie attribute compared instead of the value, parsed by
    // the loader (scenario/cookie_attributes.hpp names it back for descriptions).
    CookieAttribute cookie_attribute = CookieAttribute::none;
    // `of="template"` (json, xpath and body subjects): the text evaluated instead of the
    // final body, e.g. `${jwt_payload(id_token)}`.
    std::optional<Template> of;
    // `mock-only="true"`: checks a mock decision; SKIP against a real deployment.
    bool mock_only = false;
    // `hop="N"` (redirect.host, redirect.path, location.query, header): hop N (0-based) of the
    // step's redirect chain instead of the first answer with a Location / the final answer.
    std::optional<int> hop;
    // For `matches` with an expected value without `${`: the regex, compiled by the loader.
    // Null for a templated regex (compiled after expansion) and for checks built by hand.
    CompiledPattern pattern;
    SourceLocation where;
};

// A run-time condition on a step or a set, from the `<if>`s and `<option>`s around it; a step
// runs only when all of its guards hold (a skipped step is not recorded).
struct Guard {
    enum class Kind { equals, not_equals, matches, choice };
    Kind kind = Kind::equals;
    std::string var;        // equals, not_equals, matches: the variable tested
    Template value;         // ... and what it is compared with (a regex for matches)
    std::size_t choice = 0; // choice: index into Journey::choices ...
    std::size_t option = 0; // ... and the option that must have been picked
};

// A `<choose>`: one of its `<option weight="N">`s is picked per run, by weight.
struct Choice {
    std::vector<int> weights;
    std::vector<std::string> labels; // `name` of each option, else "option<N>" (1-based)
    SourceLocation where;
};

// `<set var= value=>` between steps, and the parameters of an `<include>`: a variable
// (re)defined at run time, in document order, against the variables of that moment.
struct Assignment {
    std::string var;
    Template value;
    bool mock_only = false;    // needs the mock's control plane: skipped against a deployment
    std::vector<Guard> guards; // the <if>/<option>s around it
    SourceLocation where;
};

// The virtual browser a step runs in unless it names another (`session="name"`).
inline constexpr const char* main_session = "main";

struct Step {
    std::string name;
    std::string method = "GET";
    Template url;
    std::vector<NamedTemplate> headers;
    std::vector<NamedTemplate> query; // appended to the URL, percent-encoded
    std::vector<NamedTemplate> form;  // application/x-www-form-urlencoded body
    std::optional<Template> body;     // raw body (with its own Content-Type header)
    Follow follow = Follow::none;
    std::vector<Extract> extracts; // run before the checks, in order
    std::vector<Check> checks;
    // The `<set>`s (and include parameters) written before this step, run before its request.
    std::vector<Assignment> sets;
    // The virtual browser (cookie jar, connections) the step runs in; extra ones are created
    // on first use and live for the journey.
    std::string session = main_session;
    bool send_cookies = true;  // `cookies="none"`: no Cookie header, no cookie stored
    bool mock_only = false;    // `mock-only="true"`: SKIP ("needs the mock") against a deployment
    std::vector<Guard> guards; // the <if>/<option>s around it: all must hold for it to run
    SourceLocation where;
};

// `<feeder file="data/NAME.csv" as="row"/>`: a CSV read at load time; each journey run leases
// one row exclusively (round robin) and sees its values as `${row.<column>}`.
struct Feeder {
    std::string file; // as written
    std::string path; // resolved against the scenario's folder
    std::string as;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    SourceLocation where;
};

struct Journey {
    std::string name;
    std::string spec; // journey id(s) of the spec, e.g. "J1"
    std::string description;
    std::string file;
    std::vector<AccountUse> accounts;
    std::optional<Feeder> feeder;
    std::map<std::string, Template> variables; // <var name="..." value="..."/>
    // The names of `variables` in document order: a var may use the ones before it, so the
    // engine expands them in this order.
    std::vector<std::string> variable_order;
    // Steps in run order: `<include>`d steps inlined (names prefixed), `repeat="N"` unrolled
    // into `name#1` ... `name#N`.
    std::vector<Step> steps;
    std::vector<Assignment> final_sets; // `<set>`s after the last step
    std::vector<Choice> choices;        // the `<choose>`s, referred to by Guard::choice
    SourceLocation where;
};

} // namespace logintest::harness::model
