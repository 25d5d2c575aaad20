// Fuzz target: the mock's request handling, without sockets. The first byte picks the host
// (even: asurso, odd: esia); the rest is raw bytes on a connection, read by Beast's request
// parser with the server's limits and turned into a Request as mocks/common/server.cpp does,
// then run through the host's front door (HostApp::handle: control plane, counters, faults,
// router, every handler and its parameter parsing) from a loopback peer. Beyond "no crash, no
// leak, no UB" it asserts: every request is answered exactly once, within 10 s; the status is
// one a server can send (a 500 means a handler threw, accepted as the hosts' documented
// answer); no response header carries CR, LF or NUL (issue 10 finding 2, response splitting)
// and the response serialises with Beast. Each input starts from the fixture (hosts reset).
#include "tests/fuzz/mock_hosts.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using logintest::mocks::common::Header;
using logintest::mocks::common::Request;
using logintest::mocks::common::Response;

// The request on the wire as the server reads it (its default limits), or nullopt when the
// server would answer 400/413/431 or wait for more bytes.
std::optional<Request> read_request(std::string_view wire) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);
    parser.eager(true);
    beast::error_code ec;
    while (!wire.empty() && !parser.is_done()) {
        const std::size_t used = parser.put(boost::asio::buffer(wire.data(), wire.size()), ec);
        if (ec == http::error::need_more) {
            break;
        }
        if (ec || used == 0) {
            return std::nullopt;
        }
        wire.remove_prefix(used);
    }
    if (!parser.is_done()) {
        parser.put_eof(ec);
        if (ec || !parser.is_done()) {
            return std::nullopt;
        }
    }
    auto msg = parser.release();
    std::vector<Header> headers;
    for (const auto& field : msg) {
        headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    return logintest::mocks::common::make_request(std::string(msg.method_string()),
                                                  std::string(msg.target()), std::move(headers),
                                                  std::move(msg.body()), "127.0.0.1");
}

// The response as the server puts it on the wire.
void serialise(Response r) {
    http::response<http::string_body> res;
    res.version(11);
    res.result(static_cast<unsigned>(r.status));
    for (auto& h : r.headers) {
        res.insert(h.name, h.value);
    }
    res.body() = std::move(r.body);
    res.prepare_payload();
    std::ostringstream out;
    out << res;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    auto& hosts = logintest::fuzz::MockHosts::instance();
    hosts.reset();
    const bool to_esia = (data[0] & 1) != 0;
    auto req = read_request({reinterpret_cast<const char*>(data) + 1, size - 1});
    if (!req) {
        return 0;
    }
    const std::string what = req->method + " " + req->target;
    const Response r = to_esia ? logintest::fuzz::call(*hosts.esia, *req)
                               : logintest::fuzz::call(*hosts.asurso, *req);
    logintest::fuzz::check_response(r, what);
    serialise(r);
    return 0;
}
