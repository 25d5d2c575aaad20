// Fuzz target: every control-plane body of the mock (MOCK-CP-3..9, MOCK-DEF-1, MOCK-FAULT-1:
// mocks/common/control_plane.cpp and the hosts' /mock/admin endpoints). The first byte picks
// the endpoint, the rest is its JSON body, sent from a loopback peer with Content-Type
// application/json to a freshly reset host. Beyond "no crash, no leak, no UB" it asserts: a
// body is accepted (2xx) or refused with a 4xx, never a 500 (a handler that threw on a body is
// a validation hole, issue 10 finding 6); every answer is a well-formed response (no CR, LF or
// NUL in a header); after the body, the host still serves: health, the state the endpoint
// changed (read back as JSON) and a login-data or login page answer without a 500.
#include "tests/fuzz/mock_hosts.hpp"

#include <boost/json/parse.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using logintest::mocks::common::make_request;
using logintest::mocks::common::Request;
using logintest::mocks::common::Response;

struct Endpoint {
    bool esia;
    const char* method;
    const char* path;
    const char* read_back; // a GET that shows what the body changed, or nullptr
};

constexpr std::array endpoints{
    Endpoint{false, "PUT", "/mock/clock", "/mock/clock"},
    Endpoint{false, "PUT", "/mock/defects", "/mock/defects"},
    Endpoint{false, "PUT", "/mock/faults", "/mock/faults"},
    Endpoint{false, "POST", "/mock/admin/users", "/mock/admin/users"},
    Endpoint{false, "POST", "/mock/admin/users/pupil1/reset-password", "/mock/admin/users"},
    Endpoint{false, "PUT", "/mock/admin/bindings", "/mock/admin/users"},
    Endpoint{false, "POST", "/mock/reset", "/mock/counters"},
    Endpoint{true, "PUT", "/mock/clock", "/mock/clock"},
    Endpoint{true, "PUT", "/mock/defects", "/mock/defects"},
    Endpoint{true, "PUT", "/mock/faults", "/mock/faults"},
    Endpoint{true, "POST", "/mock/admin/accounts", "/mock/admin/accounts"},
    Endpoint{true, "PATCH", "/mock/admin/clients/ASURSO", "/mock/admin/accounts"},
};

template <class App> Response send(App& app, Request req) {
    const std::string what = req.method + " " + req.target;
    Response r = logintest::fuzz::call(app, req);
    logintest::fuzz::check_response(r, what);
    FUZZ_ASSERT(r.status != 500, "500 for " + what);
    return r;
}

template <class App>
void drive(App& app, const Endpoint& e, std::string_view body, const char* page) {
    const Response r =
        send(app, make_request(e.method, e.path, {{"Content-Type", "application/json"}},
                               std::string(body)));
    FUZZ_ASSERT(r.status < 300 || (r.status >= 400 && r.status < 500), e.path);
    FUZZ_ASSERT(send(app, make_request("GET", "/mock/health")).status == 200, "health");
    const Response state = send(app, make_request("GET", e.read_back));
    if (state.status == 200) {
        boost::system::error_code ec;
        (void)boost::json::parse(state.body, ec);
        FUZZ_ASSERT(!ec, std::string("JSON from ") + e.read_back);
    }
    (void)send(app, make_request("GET", page));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    auto& hosts = logintest::fuzz::MockHosts::instance();
    hosts.reset();
    const Endpoint& e = endpoints[data[0] % endpoints.size()];
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (e.esia) {
        drive(*hosts.esia, e, body, "/aas/oauth2/v2/ac?client_id=ASURSO");
    } else {
        drive(*hosts.asurso, e, body, "/webapi/logindata");
    }
    return 0;
}
