// Fault rules: parsing, matching, the seeded draw and their effect on a request (faults.hpp).
#include "mocks/common/faults.hpp"

#include "mocks/common/responses.hpp"
#include "support/config/config_schema.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <memory>
#include <set>
#include <thread>

namespace logintest::mocks::common {
namespace {

namespace json = boost::json;
using support::ConfigSchema;
using support::read_choice;
using support::read_into;
using support::type_error;

constexpr long long max_ll = std::numeric_limits<long long>::max();

std::optional<FaultKind> kind_of(std::string_view name) {
    for (auto kind : {FaultKind::latency, FaultKind::status, FaultKind::reset, FaultKind::truncate,
                      FaultKind::stall}) {
        if (fault_kind_name(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string at(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

bool is_token(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '!' || c == '~';
    });
}

// One rule object.
std::optional<FaultRule> parse_rule(const json::value& value, const std::string& path,
                                    std::vector<std::string>& errors) {
    FaultRule rule;
    std::string kind;
    long long fired = 0; // what GET returns; accepted and ignored so GET -> PUT round-trips
    ConfigSchema schema;
    schema.add("id", read_into(rule.id));
    schema.add("method", read_into(rule.method));
    schema.add("path", read_into(rule.path));
    schema.add("kind", read_choice(kind, {"latency", "status", "reset", "truncate", "stall"}));
    schema.add("latency_ms", read_into(rule.latency_ms, 0, 24LL * 3600 * 1000));
    schema.add("status", read_into(rule.status, 400, 599));
    schema.add("bytes", read_into(rule.bytes, 0, max_ll));
    schema.add("after_handler", read_into(rule.after_handler));
    schema.add("start_s", read_into(rule.start_s, 0.0, 1e9));
    schema.add("duration_s", read_into(rule.duration_s, 0.0, 1e9));
    schema.add("probability", read_into(rule.probability, 0.0, 1.0));
    schema.add("max_count", read_into(rule.max_count, 0, max_ll));
    schema.add("fired", read_into(fired, 0, max_ll));
    const std::size_t before = errors.size();
    schema.apply(value, path, errors);
    if (errors.size() != before) {
        return std::nullopt;
    }
    if (kind.empty()) {
        errors.push_back(at(path, "kind") +
                         ": missing (one of latency, status, reset, truncate, stall)");
        return std::nullopt;
    }
    rule.kind = *kind_of(kind);
    rule.method = support::to_upper(rule.method);
    if (rule.method != "*" && !is_token(rule.method)) {
        errors.push_back(at(path, "method") + ": expected an HTTP method or \"*\", got \"" +
                         rule.method + "\"");
    }
    if (rule.path != "*" && (rule.path.empty() || rule.path.front() != '/')) {
        errors.push_back(at(path, "path") +
                         ": expected a path starting with '/' (or \"*\"), got \"" + rule.path +
                         "\"");
    }
    if (rule.kind == FaultKind::stall && (!rule.duration_s || *rule.duration_s <= 0)) {
        errors.push_back(at(path, "duration_s") +
                         ": a stall needs a duration in seconds greater than 0");
    }
    if (errors.size() != before) {
        return std::nullopt;
    }
    return rule;
}

// A short-form value: a number, true/false/null, or else a string.
json::value short_value(std::string_view text) {
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    if (!ec && (v.is_number() || v.is_bool() || v.is_null())) {
        return v;
    }
    return json::string(text);
}

} // namespace

std::string_view fault_kind_name(FaultKind kind) {
    switch (kind) {
    case FaultKind::latency:
        return "latency";
    case FaultKind::status:
        return "status";
    case FaultKind::reset:
        return "reset";
    case FaultKind::truncate:
        return "truncate";
    case FaultKind::stall:
        return "stall";
    }
    return "latency";
}

bool FaultRule::matches(std::string_view req_method, std::string_view req_path) const {
    if (method != "*" && method != req_method) {
        return false;
    }
    if (!path.empty() && path.back() == '*') {
        const std::string_view prefix(path.data(), path.size() - 1);
        return req_path.substr(0, prefix.size()) == prefix;
    }
    return req_path == path;
}

FaultConfigParse parse_fault_config(const json::value& value, const std::string& path) {
    FaultConfigParse result;
    FaultConfig config;
    long long seed = 1;
    ConfigSchema schema;
    schema.add("seed", read_into(seed, 0, max_ll));
    schema.add("rules", [&config](const json::value& v, const std::string& rules_path,
                                  std::vector<std::string>& errors) {
        if (!v.is_array()) {
            errors.push_back(type_error(rules_path, "an array of rule objects", v));
            return;
        }
        const auto& array = v.get_array();
        std::set<std::string> ids; // MOCK-CP-10: duplicate identifiers are refused
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string here = rules_path + "[" + std::to_string(i) + "]";
            if (auto rule = parse_rule(array[i], here, errors)) {
                if (!rule->id.empty() && !ids.insert(rule->id).second) {
                    errors.push_back(here + ".id: duplicate rule id \"" + rule->id + "\"");
                }
                config.rules.push_back(std::move(*rule));
            }
        }
    });
    schema.apply(value, path, result.errors);
    config.seed = static_cast<std::uint64_t>(seed);
    if (result.errors.empty()) {
        result.config = std::move(config);
    }
    return result;
}

FaultConfigParse parse_fault_config_text(std::string_view json_text, const std::string& path) {
    boost::system::error_code ec;
    const auto value = json::parse(json_text, ec);
    if (ec) {
        FaultConfigParse result;
        result.errors.push_back((path.empty() ? "" : path + ": ") +
                                "not valid JSON: " + ec.message());
        return result;
    }
    return parse_fault_config(value, path);
}

FaultConfigParse parse_fault_short_form(std::string_view spec) {
    FaultConfigParse result;
    const std::string where = "--fault " + std::string(spec);
    // kind:method:path[:params]; the path ends at the next ':' (no path of either host has
    // one), the params are the rest.
    std::vector<std::string_view> parts;
    std::string_view rest = spec;
    while (parts.size() < 3) {
        const auto colon = rest.find(':');
        parts.push_back(rest.substr(0, colon));
        if (colon == std::string_view::npos) {
            rest = {};
            break;
        }
        rest.remove_prefix(colon + 1);
        if (parts.size() == 3) {
            parts.push_back(rest);
        }
    }
    if (parts.size() < 3) {
        result.errors.push_back(where +
                                ": expected kind:method:path[:param=value,...] or a JSON rule");
        return result;
    }
    json::object rule;
    rule["kind"] = json::string(parts[0]);
    rule["method"] = json::string(parts[1]);
    rule["path"] = json::string(parts[2]);
    if (parts.size() > 3) {
        std::string_view params = parts[3];
        while (!params.empty()) {
            const auto comma = params.find(',');
            const std::string_view item = params.substr(0, comma);
            params =
                comma == std::string_view::npos ? std::string_view{} : params.substr(comma + 1);
            const auto eq = item.find('=');
            if (eq == std::string_view::npos || eq == 0) {
                result.errors.push_back(where + ": expected param=value, got \"" +
                                        std::string(item) + "\"");
                return result;
            }
            rule[item.substr(0, eq)] = short_value(item.substr(eq + 1));
        }
    }
    json::object config;
    config["rules"] = json::array{rule};
    auto parsed = parse_fault_config(config, "");
    for (auto& e : parsed.errors) {
        // "rules[0].latency_ms: ..." -> "--fault ...: latency_ms: ..."
        constexpr std::string_view prefix = "rules[0].";
        if (e.compare(0, prefix.size(), prefix) == 0) {
            e.erase(0, prefix.size());
        }
        e = where + ": " + e;
    }
    return parsed;
}

Response injected_fault_response(int status) {
    return json_text(status, R"({"error":"injected_fault"})");
}

void FaultSet::set_scheduler(Scheduler scheduler) {
    std::lock_guard lock(mutex_);
    scheduler_ = std::move(scheduler);
}

void FaultSet::set_start(FaultConfig config) {
    std::lock_guard lock(mutex_);
    start_ = config;
    install(std::move(config));
}

void FaultSet::set(FaultConfig config) {
    std::lock_guard lock(mutex_);
    install(std::move(config));
}

void FaultSet::reset() {
    std::lock_guard lock(mutex_);
    install(start_);
}

void FaultSet::install(FaultConfig config) {
    config_ = std::move(config);
    for (std::size_t i = 0; i < config_.rules.size(); ++i) {
        if (config_.rules[i].id.empty()) {
            config_.rules[i].id = "rule-" + std::to_string(i + 1);
        }
    }
    fired_.assign(config_.rules.size(), 0);
    installed_ = Clock::now();
    active_.store(!config_.rules.empty());
    prng_.seed(config_.seed); // MOCK-FAULT-3: repeatable for a given request order
}

bool FaultSet::empty() const {
    std::lock_guard lock(mutex_);
    return config_.rules.empty();
}

std::string FaultSet::to_json() const {
    std::lock_guard lock(mutex_);
    json::object out;
    out["seed"] = config_.seed;
    json::array rules;
    for (std::size_t i = 0; i < config_.rules.size(); ++i) {
        const auto& r = config_.rules[i];
        json::object o;
        o["id"] = r.id;
        o["method"] = r.method;
        o["path"] = r.path;
        o["kind"] = fault_kind_name(r.kind);
        o["latency_ms"] = r.latency_ms;
        o["status"] = r.status;
        o["bytes"] = r.bytes;
        o["after_handler"] = r.after_handler;
        o["start_s"] = r.start_s;
        o["duration_s"] = r.duration_s ? json::value(*r.duration_s) : json::value(nullptr);
        o["probability"] = r.probability;
        o["max_count"] = r.max_count ? json::value(*r.max_count) : json::value(nullptr);
        o["fired"] = fired_[i];
        rules.push_back(std::move(o));
    }
    out["rules"] = std::move(rules);
    return json::serialize(out);
}

std::optional<FaultDecision> FaultSet::decide(std::string_view method, std::string_view path,
                                              Clock::time_point now) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < config_.rules.size(); ++i) {
        const auto& rule = config_.rules[i];
        if (!rule.matches(method, path)) {
            continue;
        }
        // The rule's window, from its installation.
        const auto begin = installed_ + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(rule.start_s));
        if (now < begin) {
            continue;
        }
        Clock::time_point end = Clock::time_point::max();
        if (rule.duration_s) {
            end = begin + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(*rule.duration_s));
            if (now >= end) {
                continue;
            }
        }
        if (rule.max_count && fired_[i] >= *rule.max_count) {
            continue; // used up: no longer matches
        }
        // MOCK-FAULT-3: one draw per matching request; the first matching rule decides.
        const double draw = static_cast<double>(prng_() >> 11) * 0x1.0p-53;
        if (draw >= rule.probability) {
            return std::nullopt;
        }
        ++fired_[i];
        FaultDecision d;
        d.kind = rule.kind;
        d.status = rule.status;
        d.bytes = static_cast<std::size_t>(rule.bytes);
        d.after_handler = rule.after_handler;
        d.rule_id = rule.id;
        if (rule.kind == FaultKind::latency) {
            d.delay = std::chrono::milliseconds(rule.latency_ms);
        } else if (rule.kind == FaultKind::stall) {
            // Held until the stall ends (rounded up to a whole millisecond).
            d.delay = std::chrono::ceil<std::chrono::milliseconds>(end - now);
        }
        return d;
    }
    return std::nullopt;
}

void FaultSet::run_after(std::chrono::milliseconds delay, std::function<void()> fn) const {
    Scheduler scheduler;
    {
        std::lock_guard lock(mutex_);
        scheduler = scheduler_;
    }
    if (scheduler) {
        scheduler(delay, std::move(fn));
        return;
    }
    std::this_thread::sleep_for(delay); // no server (direct unit tests only)
    fn();
}

void FaultSet::apply(Request& req, Responder respond, const Next& next) {
    if (!active_.load(std::memory_order_relaxed)) {
        next(req, std::move(respond)); // no rules: no lock on the hot path
        return;
    }
    const auto decision = decide(req.method, req.path);
    if (!decision) {
        next(req, std::move(respond));
        return;
    }
    const FaultDecision& d = *decision;
    switch (d.kind) {
    case FaultKind::latency:
    case FaultKind::stall: {
        // Wait on a timer, then answer normally. (Shared: the timer's callback must be
        // copyable; if it never runs, the Responder answers 500 when dropped.)
        auto held = std::make_shared<Responder>(std::move(respond));
        run_after(d.delay, [next, &req, held] { next(req, std::move(*held)); });
        return;
    }
    case FaultKind::status:
        respond(injected_fault_response(d.status)); // the handler does not run
        return;
    case FaultKind::reset: {
        Response r;
        r.status = 0;
        r.delivery = Delivery::reset;
        if (!d.after_handler) {
            respond(std::move(r));
            return;
        }
        next(req, Responder([respond = std::move(respond), r](const Response&) mutable {
                 respond(std::move(r)); // the handler's effects happened; its answer is lost
             }));
        return;
    }
    case FaultKind::truncate: {
        if (!d.after_handler) {
            // No handler: a stand-in body that is always longer than what is sent.
            Response r = injected_fault_response(200);
            r.body.append(d.bytes + 64, ' ');
            r.delivery = Delivery::truncate;
            r.truncate_bytes = d.bytes;
            respond(std::move(r));
            return;
        }
        next(req, Responder([respond = std::move(respond), bytes = d.bytes](Response r) mutable {
                 r.delivery = Delivery::truncate;
                 r.truncate_bytes = bytes;
                 respond(std::move(r));
             }));
        return;
    }
    }
    next(req, std::move(respond));
}

} // namespace logintest::mocks::common
