// Shared control-plane endpoints (control_plane.hpp).
#include "mocks/common/control_plane.hpp"

#include "mocks/common/civil_date.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <memory>
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
    router.add("POST", "/mock/reset", sync([c](const Request&) {
                   c->reset();
                   return json_text(200, "{}");
               }));

    // MOCK-CP-4: counters.
    router.add("GET", "/mock/counters",
               sync([c](const Request&) { return json_text(200, c->counters->to_json()); }));
    router.add("POST", "/mock/counters/reset", sync([c](const Request&) {
                   c->counters->reset();
                   return json_text(200, "{}");
               }));

    // MOCK-CP-5: the host clock.
    router.add("GET", "/mock/clock", sync([c](const Request&) { return clock_json(*c->clock); }));
    router.add("PUT", "/mock/clock", sync([c](const Request& req) {
                   boost::system::error_code ec;
                   const auto body = boost::json::parse(req.body, ec);
                   const auto* obj = ec ? nullptr : body.if_object();
                   const auto* offset = obj ? obj->if_contains("offset_s") : nullptr;
                   if (offset == nullptr || !offset->is_number()) {
                       return message(400, "expected {\"offset_s\":<number>}");
                   }
                   const double seconds = offset->to_number<double>(ec);
                   if (ec || !std::isfinite(seconds) || std::abs(seconds) > 1e10) {
                       return message(400, "offset_s out of range");
                   }
                   c->clock->set_offset(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
                   return clock_json(*c->clock);
               }));

    // MOCK-DEF-1: the host's enabled defects.
    if (c->defects != nullptr) {
        router.add("GET", "/mock/defects",
                   sync([c](const Request&) { return defects_json(*c->defects); }));
        router.add("PUT", "/mock/defects", sync([c](const Request& req) {
                       boost::system::error_code ec;
                       const auto body = boost::json::parse(req.body, ec);
                       const auto* obj = ec ? nullptr : body.if_object();
                       const auto* enabled = obj ? obj->if_contains("enabled") : nullptr;
                       if (enabled == nullptr || !enabled->is_array() || obj->size() != 1) {
                           return message(400, "expected {\"enabled\":[<defect name>...]}");
                       }
                       std::vector<std::string> names;
                       for (const auto& item : enabled->get_array()) {
                           if (!item.is_string()) {
                               return message(400, "enabled: expected defect names (strings)");
                           }
                           names.emplace_back(item.get_string());
                       }
                       if (auto error = c->defects->set(names); !error.empty()) {
                           return message(400, error); // unknown name: nothing changes
                       }
                       return defects_json(*c->defects);
                   }));
    }

    // MOCK-FAULT-1: the host's fault rules.
    if (c->faults != nullptr) {
        router.add("GET", "/mock/faults",
                   sync([c](const Request&) { return json_text(200, c->faults->to_json()); }));
        router.add("PUT", "/mock/faults", sync([c](const Request& req) {
                       auto parsed = parse_fault_config_text(req.body);
                       if (!parsed.config) {
                           boost::json::object body;
                           std::string text;
                           boost::json::array errors;
                           for (const auto& e : parsed.errors) {
                               text += (text.empty() ? "" : "; ") + e;
                               errors.emplace_back(e);
                           }
                           body["message"] = text;
                           body["errors"] = std::move(errors);
                           return json(400, body);
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
