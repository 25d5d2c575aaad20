// Shared control-plane endpoints (control_plane.hpp).
#include "mocks/common/control_plane.hpp"

#include "mocks/common/civil_date.hpp"
#include "mocks/common/control_body.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace logintest::mocks::common {

bool is_loopback(std::string_view address) {
    constexpr std::string_view mapped = "::ffff:";
    if (address.substr(0, mapped.size()) == mapped) {
        address.remove_prefix(mapped.size());
    }
    return address == "::1" || address.substr(0, 4) == "127.";
}

namespace {

Response clock_json(const HostClock& clock) {
    boost::json::object body;
    body["now"] = rfc3339_utc(clock.now());
    const auto ms = clock.offset().count();
    if (ms % 1000 == 0) {
        body["offset_s"] = ms / 1000;
    } else {
        body["offset_s"] = static_cast<double>(ms) / 1000.0;
    }
    return json(200, body);
}

Response defects_json(const DefectSet& defects) {
    boost::json::object body;
    boost::json::array enabled;
    for (auto& name : defects.enabled()) {
        enabled.emplace_back(name);
    }
    boost::json::array available;
    for (auto& name : defects.available()) {
        available.emplace_back(name);
    }
    body["enabled"] = std::move(enabled);
    body["available"] = std::move(available);
    return json(200, body);
}

} // namespace

void add_control_routes(Router& router, HostControl control) {
    auto c = std::make_shared<HostControl>(std::move(control));

    // MOCK-CP-2: health.
    router.add("GET", "/mock/health", sync([c](const Request&) {
                   boost::json::object body;
                   body["status"] = "ok";
                   body["host"] = c->host_name;
                   body["spec"] = spec_version;
                   return json(200, body);
               }));

    // MOCK-CP-3: back to the start state.
    router.add("POST", "/mock/reset", sync([c](const Request& req) {
                   if (auto bad = expect_no_body(req)) { // MOCK-CP-10: none or {}
                       return std::move(*bad);
                   }
                   c->reset();
                   return json_text(200, "{}");
               }));

    // MOCK-CP-4: counters.
    router.add("GET", "/mock/counters",
               sync([c](const Request&) { return json_text(200, c->counters->to_json()); }));
    router.add("POST", "/mock/counters/reset", sync([c](const Request& req) {
                   if (auto bad = expect_no_body(req)) { // MOCK-CP-10: none or {}
                       return std::move(*bad);
                   }
                   c->counters->reset();
                   return json_text(200, "{}");
               }));

    // MOCK-CP-5: the host clock.
    router.add("GET", "/mock/clock", sync([c](const Request&) { return clock_json(*c->clock); }));
    router.add("PUT", "/mock/clock", sync([c](const Request& req) {
                   // MOCK-CP-5 {"offset_s":n}; MOCK-CP-10: strict, the time stays in range.
                   double seconds = 0;
                   support::ConfigSchema schema;
                   schema.add("offset_s", support::read_into(seconds, -1e10, 1e10));
                   if (auto bad = read_control_body(req.body, schema, {"offset_s"},
                                                    "{\"offset_s\":<number>}")) {
                       return std::move(*bad);
                   }
                   const auto offset = checked_clock_offset(seconds, c->clock->base());
                   if (!offset) {
                       return body_errors({offset.problem().message});
                   }
                   c->clock->set_offset(*offset);
                   return clock_json(*c->clock);
               }));

    // MOCK-DEF-1: the host's enabled defects.
    if (c->defects != nullptr) {
        router.add("GET", "/mock/defects",
                   sync([c](const Request&) { return defects_json(*c->defects); }));
        router.add("PUT", "/mock/defects", sync([c](const Request& req) {
                       // MOCK-DEF-1 {"enabled":[names]}; MOCK-CP-10: strict, no duplicates.
                       std::vector<std::string> names;
                       support::ConfigSchema schema;
                       schema.add("enabled", support::read_into(names));
                       if (auto bad = read_control_body(req.body, schema, {"enabled"},
                                                        "{\"enabled\":[<defect name>...]}")) {
                           return std::move(*bad);
                       }
                       const std::set<std::string> unique(names.begin(), names.end());
                       if (unique.size() != names.size()) {
                           return body_errors({"enabled: duplicate defect name"});
                       }
                       if (auto error = c->defects->set(names); !error.empty()) {
                           return body_errors({"enabled: " + error}); // nothing changes
                       }
                       return defects_json(*c->defects);
                   }));
    }

    // MOCK-FAULT-1: the host's fault rules.
    if (c->faults != nullptr) {
        router.add("GET", "/mock/faults",
                   sync([c](const Request&) { return json_text(200, c->faults->to_json()); }));
        router.add("PUT", "/mock/faults", sync([c](const Request& req) {
                       // MOCK-FAULT-1; MOCK-CP-10: read as the §23 `faults` key is.
                       auto parsed = parse_fault_config_text(req.body);
                       if (!parsed.config) {
                           return body_errors(parsed.errors);
                       }
                       c->faults->set(std::move(*parsed.config));
                       return json_text(200, c->faults->to_json());
                   }));
    }

    // MOCK-CP-6: the TLS CA certificate (TLS on only).
    if (!c->ca_pem.empty()) {
        router.add("GET", "/mock/ca.pem", sync([c](const Request&) {
                       Response r;
                       r.add_header("Content-Type", "application/x-pem-file");
                       r.body = c->ca_pem;
                       return r;
                   }));
    }
}

} // namespace logintest::mocks::common
